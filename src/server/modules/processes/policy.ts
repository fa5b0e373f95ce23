import type { Action, Grant, Scope, TenantTable } from '../../kernel/access/policy.js';
import type { Role } from '../../kernel/roles.js';

// The processes module's policy fragment: who may do what on its tables. The kernel composes the one
// policy from every manifest's fragment (kernel/access/policy.ts); `decide()` reads the result.

const personFields = ['organisation_id', 'unit_id', 'user_id', 'name', 'email', 'phone', 'locale'];
/** Where a person is reached (and in which language): theirs, and their practitioners'. */
const personContactFields = ['email', 'phone', 'locale'];
/** The organisation's record of the person. */
const personRecordFields = ['name', 'unit_id', 'user_id'];

/** Rows that belong to one process: its practitioners work on them; others may only read. */
function processChild(practitionerActions: Action[], opts: { clientReads?: boolean; participantReads?: boolean }): Grant[] {
  return [
    { roles: ['provider_admin'], actions: ['read'], scope: 'provider' },
    { roles: ['practitioner'], actions: practitionerActions, scope: { column: 'process_id', in: 'processes.asPractitioner' } },
    ...(opts.clientReads
      ? [
          {
            roles: ['client_contact'] as Role[],
            actions: ['read'] as Action[],
            scope: { column: 'process_id', in: 'processes.ofCallerOrganisations' } as Scope,
          },
        ]
      : []),
    ...(opts.participantReads
      ? [
          {
            roles: ['participant'] as Role[],
            actions: ['read'] as Action[],
            scope: { column: 'process_id', in: 'processes.asParticipant' } as Scope,
          },
        ]
      : []),
  ];
}

export const processesPolicy = {
  // Contact details (e-mail, phone, language) decide where a person's questionnaire links and
  // mail go: only the person and the practitioners of their processes change them. The office
  // and the client's contact keep the organisational record (name, unit) and add people.
  people: [
    { roles: ['provider_admin'], actions: ['read', 'create', 'delete'], scope: 'provider', fields: personFields },
    { roles: ['provider_admin'], actions: ['update'], scope: 'provider', fields: personRecordFields },
    {
      roles: ['practitioner'],
      actions: ['read', 'create'],
      scope: 'provider',
      fields: personFields.filter((f) => f !== 'user_id'),
    },
    {
      roles: ['practitioner'],
      actions: ['update'],
      scope: { column: 'id', in: 'people.ofMyProcesses' },
      fields: [...personRecordFields.filter((f) => f !== 'user_id'), ...personContactFields],
    },
    {
      roles: ['client_contact'],
      actions: ['read', 'create'],
      scope: { column: 'organisation_id', equals: 'caller.organisation' },
      fields: personFields.filter((f) => f !== 'user_id'),
    },
    {
      roles: ['client_contact'],
      actions: ['update'],
      scope: { column: 'organisation_id', equals: 'caller.organisation' },
      fields: personRecordFields.filter((f) => f !== 'user_id'),
    },
    { roles: ['participant'], actions: ['read'], scope: { column: 'id', in: 'people.self' } },
    { roles: ['participant'], actions: ['update'], scope: { column: 'id', in: 'people.self' }, fields: ['name', ...personContactFields] },
    // Recipients of check-ins and their reminder.
    { roles: ['system:checkin-sender'], actions: ['read'], scope: 'provider' },
  ],
  services: [
    { roles: ['provider_admin'], actions: ['read', 'create', 'update'], scope: 'provider' },
    { roles: ['practitioner', 'client_contact'], actions: ['read'], scope: 'provider' },
  ],
  processes: [
    { roles: ['provider_admin'], actions: ['read', 'create', 'update'], scope: 'provider' },
    // Any practitioner may open a process (triage); afterwards they reach only their own caseload.
    { roles: ['practitioner'], actions: ['create'], scope: 'provider' },
    { roles: ['practitioner'], actions: ['read', 'update'], scope: { column: 'id', in: 'processes.asPractitioner' } },
    { roles: ['client_contact'], actions: ['read'], scope: { column: 'organisation_id', equals: 'caller.organisation' } },
    { roles: ['participant'], actions: ['read'], scope: { column: 'id', in: 'processes.asParticipant' } },
    { roles: ['system:checkin-sender', 'system:nudges'], actions: ['read'], scope: 'provider' },
  ],
  process_practitioners: [
    { roles: ['provider_admin'], actions: ['read', 'delete'], scope: 'provider' },
    // The office staffs processes, but not with itself: that would open the answers to it.
    { roles: ['provider_admin'], actions: ['create'], scope: { column: 'user_id', in: 'members.notCaller' } },
    { roles: ['practitioner'], actions: ['read', 'delete'], scope: { column: 'process_id', in: 'processes.asPractitioner' } },
    // A practitioner brings colleagues onto a process they were already on: "already", because the
    // scope is checked after the insert, when a self-join would put the process in their reach.
    { roles: ['practitioner'], actions: ['create'], scope: { column: 'process_id', in: 'processes.asPractitionerAlready' } },
    // The practitioner who opens a process joins it, in the same transaction; joining any other
    // process is someone else's decision.
    { roles: ['practitioner'], actions: ['create'], scope: { column: 'process_id', in: 'processes.openedByCallerNow' } },
    { roles: ['client_contact'], actions: ['read'], scope: { column: 'process_id', in: 'processes.ofCallerOrganisations' } },
    { roles: ['participant'], actions: ['read'], scope: { column: 'process_id', in: 'processes.asParticipant' } },
    // Whom an escalation, an urgent answer and a nudge name or reach.
    { roles: ['system:alert-escalation', 'system:alert-recipients', 'system:nudges'], actions: ['read'], scope: 'provider' },
  ],
  process_participants: [
    { roles: ['provider_admin'], actions: ['read', 'create', 'delete'], scope: 'provider' },
    { roles: ['practitioner'], actions: ['read', 'create', 'delete'], scope: { column: 'process_id', in: 'processes.asPractitioner' } },
    { roles: ['client_contact'], actions: ['read'], scope: { column: 'process_id', in: 'processes.ofCallerOrganisations' } },
    { roles: ['system:checkin-sender'], actions: ['read'], scope: 'provider' },
  ],
  process_status_changes: [
    ...processChild(['read', 'create'], { clientReads: true }),
    // The office agrees and cancels contracts too.
    { roles: ['provider_admin'], actions: ['create'], scope: 'provider' },
    // A plan's "at the end" occurrence is anchored on the completion.
    { roles: ['system:checkin-sender'], actions: ['read'], scope: 'provider' },
  ],
  goals: processChild(['read', 'create', 'update', 'delete'], { clientReads: true, participantReads: true }),
  what_works: processChild(['read', 'create', 'update', 'delete'], { clientReads: true, participantReads: true }),
} satisfies Partial<Record<TenantTable, readonly Grant[]>>;
