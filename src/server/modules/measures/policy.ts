import type { Grant, TenantTable } from '../../kernel/access/policy.js';

// The measures module's policy fragment: who may do what on its tables. The kernel composes the one
// policy from every manifest's fragment (kernel/access/policy.ts); `decide()` reads the result.

export const measuresPolicy = {
  // Measures. Answers are health data: the person and their practitioners see them; the office and
  // the client see aggregates only (measures/aggregate.ts), never a row of these tables.
  measure_settings: [
    { roles: ['provider_admin'], actions: ['read', 'create', 'update'], scope: 'provider' },
    // Not personal: cut-offs, guidance text and the sick-day estimate shape every view of results.
    { roles: ['practitioner', 'client_contact', 'participant', 'respondent'], actions: ['read'], scope: 'provider' },
    { roles: ['system:checkin-sender', 'system:alert-escalation'], actions: ['read'], scope: 'provider' },
  ],
  custom_instruments: [
    {
      roles: ['provider_admin'],
      actions: ['read', 'create', 'update'],
      scope: 'provider',
      fields: ['key', 'version', 'definition', 'active', 'created_by'],
    },
    { roles: ['practitioner', 'client_contact', 'participant', 'respondent'], actions: ['read'], scope: 'provider' },
    { roles: ['system:checkin-sender'], actions: ['read'], scope: 'provider' },
  ],
  // A provider's entered official translations of built-in instruments: the admin writes them
  // (withdrawing is an update: versions are never rewritten), whoever resolves an instrument reads them.
  instrument_translations: [
    {
      roles: ['provider_admin'],
      actions: ['read', 'create', 'update'],
      scope: 'provider',
      fields: ['instrument_key', 'locale', 'version', 'texts', 'source', 'licence_note', 'created_by', 'withdrawn_at', 'withdrawn_by'],
    },
    { roles: ['practitioner', 'client_contact', 'participant', 'respondent'], actions: ['read'], scope: 'provider' },
    { roles: ['system:checkin-sender'], actions: ['read'], scope: 'provider' },
  ],
  checkin_plans: [
    { roles: ['practitioner'], actions: ['read', 'create', 'delete'], scope: { column: 'process_id', in: 'processes.asPractitioner' } },
    { roles: ['system:checkin-sender'], actions: ['read'], scope: 'provider' },
  ],
  checkins: [
    // The job that sends planned check-ins and reminders.
    { roles: ['system:checkin-sender'], actions: ['read', 'create', 'update'], scope: 'provider' },
    { roles: ['practitioner'], actions: ['read', 'create', 'update'], scope: { column: 'process_id', in: 'processes.asPractitioner' } },
    { roles: ['participant'], actions: ['read'], scope: { column: 'person_id', in: 'people.self' } },
    { roles: ['respondent'], actions: ['read'], scope: { column: 'id', equals: 'caller.checkin' } },
    {
      roles: ['respondent'],
      actions: ['update'],
      scope: { column: 'id', equals: 'caller.checkin' },
      fields: ['draft', 'draft_sealed', 'draft_saved_at', 'status', 'answered_at'],
    },
  ],
  responses: [
    { roles: ['practitioner'], actions: ['read'], scope: { column: 'process_id', in: 'processes.asPractitioner' } },
    { roles: ['participant'], actions: ['read'], scope: { column: 'person_id', in: 'people.self' } },
    // The respondent writes the answer of their own check-in and reads their own earlier scores (the change rule).
    { roles: ['respondent'], actions: ['create'], scope: { column: 'checkin_id', equals: 'caller.checkin' } },
    { roles: ['respondent'], actions: ['read'], scope: { column: 'person_id', equals: 'caller.person' } },
    { roles: ['provider_admin'], actions: ['aggregate'], scope: 'provider' },
    { roles: ['practitioner'], actions: ['aggregate'], scope: { column: 'process_id', in: 'processes.asPractitioner' } },
    { roles: ['client_contact'], actions: ['aggregate'], scope: { column: 'organisation_id', equals: 'caller.organisation' } },
  ],
  measure_alerts: [
    {
      roles: ['practitioner'],
      actions: ['read', 'update'],
      scope: { column: 'process_id', in: 'processes.asPractitioner' },
      fields: [
        'status',
        'acknowledged_at',
        'acknowledged_by',
        'contacted_at',
        'contacted_by',
        'referral_at',
        'referral_by',
        'referral_note_sealed',
        'closed_at',
        'closed_by',
        'outcome',
      ],
    },
    // The escalation job marks what it escalated.
    { roles: ['system:alert-escalation'], actions: ['read', 'update'], scope: 'provider', fields: ['escalated_at'] },
    // Raised by the answer itself, in the same transaction.
    { roles: ['respondent'], actions: ['create'], scope: { column: 'checkin_id', equals: 'caller.checkin' } },
  ],
} satisfies Partial<Record<TenantTable, readonly Grant[]>>;
