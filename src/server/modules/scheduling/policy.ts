import type { Grant, TenantTable } from '../../kernel/access/policy.js';

// The scheduling module's policy fragment: who may do what on its tables. The kernel composes the one
// policy from every manifest's fragment (kernel/access/policy.ts); `decide()` reads the result.

/** A practitioner's own working hours and absences; the office sees them to plan. */
function ownCalendar(): Grant[] {
  return [
    { roles: ['provider_admin'], actions: ['read'], scope: 'provider' },
    { roles: ['practitioner'], actions: ['read', 'create', 'update', 'delete'], scope: { column: 'user_id', equals: 'caller.user' } },
  ];
}

export const schedulingPolicy = {
  availability: [
    ...ownCalendar(),
    { roles: ['system:calendar-feed'], actions: ['read'], scope: { column: 'user_id', equals: 'caller.user' } },
  ],
  absences: ownCalendar(),
  meetings: [
    { roles: ['provider_admin'], actions: ['read', 'update'], scope: 'provider' },
    { roles: ['practitioner'], actions: ['read', 'create', 'update'], scope: { column: 'process_id', in: 'processes.asPractitioner' } },
    // The employer plans around the meetings but does not learn why a participant cancelled one.
    {
      roles: ['client_contact'],
      actions: ['read'],
      scope: { column: 'organisation_id', equals: 'caller.organisation' },
      hidden: ['cancel_reason'],
    },
    { roles: ['participant'], actions: ['read'], scope: { column: 'process_id', in: 'processes.asParticipant' } },
    {
      roles: ['participant'],
      actions: ['update'],
      scope: { column: 'process_id', in: 'processes.asParticipant' },
      fields: ['status', 'cancelled_at', 'cancel_reason', 'cancelled_by_role', 'late_cancellation', 'sequence'],
    },
    // The reminder job marks what it reminded; the planner jobs look at what is planned.
    { roles: ['system:reminders'], actions: ['read', 'update'], scope: 'provider', fields: ['reminder_sent_at'] },
    { roles: ['system:checkin-sender', 'system:nudges'], actions: ['read'], scope: 'provider' },
  ],
  meeting_practitioners: [
    { roles: ['provider_admin'], actions: ['read'], scope: 'provider' },
    {
      roles: ['practitioner'],
      actions: ['read', 'create', 'update', 'delete'],
      scope: { column: 'process_id', in: 'processes.asPractitioner' },
    },
    { roles: ['client_contact'], actions: ['read'], scope: { column: 'process_id', in: 'processes.ofCallerOrganisations' } },
    { roles: ['participant'], actions: ['read'], scope: { column: 'process_id', in: 'processes.asParticipant' } },
    { roles: ['system:reminders'], actions: ['read'], scope: 'provider' },
    // The feed shows its owner's meetings, as their own calendar would.
    { roles: ['system:calendar-feed'], actions: ['read'], scope: { column: 'process_id', in: 'processes.asPractitioner' } },
  ],
  meeting_attendance: [
    { roles: ['provider_admin'], actions: ['read'], scope: 'provider' },
    {
      roles: ['practitioner'],
      actions: ['read', 'create', 'update', 'delete'],
      scope: { column: 'process_id', in: 'processes.asPractitioner' },
    },
    { roles: ['participant'], actions: ['read'], scope: { column: 'person_id', in: 'people.self' } },
    { roles: ['participant'], actions: ['update'], scope: { column: 'person_id', in: 'people.self' }, fields: ['status'] },
    { roles: ['system:reminders'], actions: ['read'], scope: 'provider' },
  ],
  // Private notes: their author, and nobody else — not the provider admin, not a colleague.
  meeting_notes: [
    { roles: ['practitioner'], actions: ['read', 'create', 'update'], scope: { column: 'author_user_id', equals: 'caller.user' } },
  ],
  meeting_summaries: [
    { roles: ['practitioner'], actions: ['read', 'create', 'update'], scope: { column: 'process_id', in: 'processes.asPractitioner' } },
    { roles: ['participant'], actions: ['read'], scope: { column: 'process_id', in: 'processes.asParticipant' } },
  ],
  // A person's own scaling answers are theirs and their practitioner's; management sees none.
  scaling_scores: [
    {
      roles: ['practitioner'],
      actions: ['read', 'create', 'update', 'delete'],
      scope: { column: 'process_id', in: 'processes.asPractitioner' },
    },
    { roles: ['participant'], actions: ['read'], scope: { column: 'person_id', in: 'people.self' } },
  ],
  calendar_feeds: [
    { roles: ['practitioner'], actions: ['read', 'create', 'update'], scope: { column: 'user_id', equals: 'caller.user' } },
    // The feed notes that a calendar app read it (the owner's status shows when), and writes nothing else.
    { roles: ['system:calendar-feed'], actions: ['read'], scope: { column: 'user_id', equals: 'caller.user' } },
    {
      roles: ['system:calendar-feed'],
      actions: ['update'],
      scope: { column: 'user_id', equals: 'caller.user' },
      fields: ['last_fetched_at'],
    },
  ],
} satisfies Partial<Record<TenantTable, readonly Grant[]>>;
