import type { Role } from '../roles.js';
import type { Caller } from './caller.js';

/**
 * `aggregate`: the rows may feed a thresholded aggregate (measures/logic/aggregate.ts) and
 * nothing else; a caller with only this grant never receives a row.
 */
export type Action = 'read' | 'create' | 'update' | 'delete' | 'aggregate';

/**
 * Which rows of a table a grant reaches, inside the caller's provider:
 * all of them, the rows of the caller's own organisations, or the caller's own rows.
 */
export type Scope =
  | 'provider'
  | { column: string; equals: 'caller.organisation' | 'caller.user' | 'caller.person' | 'caller.checkin' }
  | { column: string; in: SubqueryScope };

/**
 * Row sets defined by a relation rather than a column of the row itself; the repository turns
 * each into one SQL subquery, so "which processes may this caller see" is decided in the database.
 */
export type SubqueryScope = 'processes.asPractitioner' | 'processes.asParticipant' | 'processes.ofCallerOrganisations' | 'people.self';

/**
 * Who a grant is for: a role of a membership, or `respondent`, the holder of a check-in link
 * (no account; `Caller.link`), or `system`, scheduled jobs (`Caller.system`).
 */
export type Subject = Role | 'respondent' | 'system';

export interface Grant {
  roles: readonly Subject[];
  actions: readonly Action[];
  scope: Scope;
  /** For create and update: the only columns this grant may write. */
  fields?: readonly string[];
}

/** Tables that hold a provider's data; every one has provider_id and is read only through the repository. */
export type TenantTable =
  | 'organisations'
  | 'units'
  | 'memberships'
  | 'invitations'
  | 'audit_events'
  | 'people'
  | 'services'
  | 'processes'
  | 'process_practitioners'
  | 'process_participants'
  | 'process_status_changes'
  | 'goals'
  | 'what_works'
  | 'requests'
  | 'availability'
  | 'absences'
  | 'meetings'
  | 'meeting_practitioners'
  | 'meeting_attendance'
  | 'meeting_notes'
  | 'meeting_summaries'
  | 'scaling_scores'
  | 'calendar_feeds'
  | 'measure_settings'
  | 'custom_instruments'
  | 'checkin_plans'
  | 'checkins'
  | 'responses'
  | 'measure_alerts';

const staff: Role[] = ['provider_admin', 'practitioner'];
const personFields = ['organisation_id', 'unit_id', 'user_id', 'name', 'email', 'phone', 'locale'];

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

/** A practitioner's own working hours and absences; the office sees them to plan. */
function ownCalendar(): Grant[] {
  return [
    { roles: ['provider_admin'], actions: ['read'], scope: 'provider' },
    { roles: ['practitioner'], actions: ['read', 'create', 'update', 'delete'], scope: { column: 'user_id', equals: 'caller.user' } },
  ];
}

/** Access policies are data: the authorisation tests read this table and walk it. */
export const policies: Record<TenantTable, readonly Grant[]> = {
  organisations: [
    { roles: ['provider_admin'], actions: ['read', 'create', 'update'], scope: 'provider', fields: ['name', 'business_id'] },
    { roles: ['practitioner'], actions: ['read'], scope: 'provider' },
    // Triage of a request may bring in a new client organisation.
    { roles: ['practitioner'], actions: ['create'], scope: 'provider', fields: ['name', 'business_id'] },
    {
      roles: ['client_contact', 'participant', 'peer_supporter', 'job_seeker'],
      actions: ['read'],
      scope: { column: 'id', equals: 'caller.organisation' },
    },
  ],
  units: [
    {
      roles: ['provider_admin'],
      actions: ['read', 'create', 'update'],
      scope: 'provider',
      fields: ['name', 'parent_id', 'organisation_id'],
    },
    { roles: ['practitioner'], actions: ['read'], scope: 'provider' },
    { roles: ['client_contact'], actions: ['read'], scope: { column: 'organisation_id', equals: 'caller.organisation' } },
  ],
  memberships: [
    {
      roles: ['provider_admin'],
      actions: ['read', 'create', 'update', 'delete'],
      scope: 'provider',
      fields: ['user_id', 'role', 'organisation_id', 'unit_id', 'on_call'],
    },
    { roles: staff.filter((r) => r !== 'provider_admin'), actions: ['read'], scope: 'provider' },
    {
      roles: ['client_contact', 'participant', 'peer_supporter', 'job_seeker', 'municipal_expert'],
      actions: ['read'],
      scope: { column: 'user_id', equals: 'caller.user' },
    },
  ],
  invitations: [
    {
      roles: ['provider_admin'],
      actions: ['read', 'create', 'update'],
      scope: 'provider',
      fields: ['email', 'role', 'organisation_id', 'unit_id', 'token_hash', 'invited_by', 'expires_at', 'revoked_at', 'accepted_at'],
    },
  ],
  audit_events: [{ roles: ['provider_admin'], actions: ['read'], scope: 'provider' }],

  people: [
    { roles: ['provider_admin'], actions: ['read', 'create', 'update', 'delete'], scope: 'provider', fields: personFields },
    {
      roles: ['practitioner'],
      actions: ['read', 'create', 'update'],
      scope: 'provider',
      fields: personFields.filter((f) => f !== 'user_id'),
    },
    {
      roles: ['client_contact'],
      actions: ['read', 'create', 'update'],
      scope: { column: 'organisation_id', equals: 'caller.organisation' },
      fields: personFields.filter((f) => f !== 'user_id'),
    },
    { roles: ['participant'], actions: ['read'], scope: { column: 'id', in: 'people.self' } },
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
  ],
  process_practitioners: [
    { roles: ['provider_admin'], actions: ['read', 'create', 'delete'], scope: 'provider' },
    { roles: ['practitioner'], actions: ['read', 'create', 'delete'], scope: { column: 'process_id', in: 'processes.asPractitioner' } },
    // The practitioner who opens a process joins it.
    { roles: ['practitioner'], actions: ['create'], scope: { column: 'user_id', equals: 'caller.user' } },
    { roles: ['client_contact'], actions: ['read'], scope: { column: 'process_id', in: 'processes.ofCallerOrganisations' } },
    { roles: ['participant'], actions: ['read'], scope: { column: 'process_id', in: 'processes.asParticipant' } },
  ],
  process_participants: [
    { roles: ['provider_admin'], actions: ['read', 'create', 'delete'], scope: 'provider' },
    { roles: ['practitioner'], actions: ['read', 'create', 'delete'], scope: { column: 'process_id', in: 'processes.asPractitioner' } },
    { roles: ['client_contact'], actions: ['read'], scope: { column: 'process_id', in: 'processes.ofCallerOrganisations' } },
  ],
  process_status_changes: [
    ...processChild(['read', 'create'], { clientReads: true }),
    // The office agrees and cancels contracts too.
    { roles: ['provider_admin'], actions: ['create'], scope: 'provider' },
  ],
  goals: processChild(['read', 'create', 'update', 'delete'], { clientReads: true, participantReads: true }),
  what_works: processChild(['read', 'create', 'update', 'delete'], { clientReads: true, participantReads: true }),
  requests: [
    { roles: ['provider_admin', 'practitioner'], actions: ['read', 'update'], scope: 'provider' },
    // The office records requests (and public ones are written as the provider's system).
    { roles: ['provider_admin', 'client_contact'], actions: ['create'], scope: 'provider' },
    { roles: ['client_contact'], actions: ['read'], scope: { column: 'submitted_by', equals: 'caller.user' } },
  ],
  availability: ownCalendar(),
  absences: ownCalendar(),
  meetings: [
    { roles: ['provider_admin'], actions: ['read', 'update'], scope: 'provider' },
    { roles: ['practitioner'], actions: ['read', 'create', 'update'], scope: { column: 'process_id', in: 'processes.asPractitioner' } },
    { roles: ['client_contact'], actions: ['read'], scope: { column: 'organisation_id', equals: 'caller.organisation' } },
    { roles: ['participant'], actions: ['read'], scope: { column: 'process_id', in: 'processes.asParticipant' } },
    {
      roles: ['participant'],
      actions: ['update'],
      scope: { column: 'process_id', in: 'processes.asParticipant' },
      fields: ['status', 'cancelled_at', 'cancel_reason', 'cancelled_by_role', 'late_cancellation', 'sequence'],
    },
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
  calendar_feeds: [{ roles: ['practitioner'], actions: ['read', 'create', 'update'], scope: { column: 'user_id', equals: 'caller.user' } }],

  // Measures. Answers are health data: the person and their practitioners see them; the office and
  // the client see aggregates only (measures/aggregate.ts), never a row of these tables.
  measure_settings: [
    { roles: ['provider_admin'], actions: ['read', 'create', 'update'], scope: 'provider' },
    // Not personal: cut-offs, guidance text and the sick-day estimate shape every view of results.
    { roles: ['practitioner', 'client_contact', 'participant', 'respondent'], actions: ['read'], scope: 'provider' },
  ],
  custom_instruments: [
    {
      roles: ['provider_admin'],
      actions: ['read', 'create', 'update'],
      scope: 'provider',
      fields: ['key', 'version', 'definition', 'active', 'created_by'],
    },
    { roles: ['practitioner', 'client_contact', 'participant', 'respondent'], actions: ['read'], scope: 'provider' },
  ],
  checkin_plans: [
    { roles: ['practitioner'], actions: ['read', 'create', 'delete'], scope: { column: 'process_id', in: 'processes.asPractitioner' } },
    { roles: ['system'], actions: ['read'], scope: 'provider' },
  ],
  checkins: [
    // The job that sends planned check-ins and reminders.
    { roles: ['system'], actions: ['read', 'create', 'update'], scope: 'provider' },
    { roles: ['practitioner'], actions: ['read', 'create', 'update'], scope: { column: 'process_id', in: 'processes.asPractitioner' } },
    { roles: ['participant'], actions: ['read'], scope: { column: 'person_id', in: 'people.self' } },
    { roles: ['respondent'], actions: ['read'], scope: { column: 'id', equals: 'caller.checkin' } },
    {
      roles: ['respondent'],
      actions: ['update'],
      scope: { column: 'id', equals: 'caller.checkin' },
      fields: ['draft', 'draft_saved_at', 'status', 'answered_at', 'token_sealed'],
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
    { roles: ['system'], actions: ['read', 'update'], scope: 'provider', fields: ['escalated_at'] },
    // Raised by the answer itself, in the same transaction.
    { roles: ['respondent'], actions: ['create'], scope: { column: 'checkin_id', equals: 'caller.checkin' } },
  ],
};

export type RowScope = { column: string; values: string[] } | { column: string; subquery: SubqueryScope; values: string[] };

export interface Decision {
  allowed: boolean;
  /** Empty when the caller reaches every row of the provider; otherwise any of these must match. */
  rowScopes: RowScope[];
  fields: Set<string> | 'any';
}

/** Pure: what a caller may do with a table. The repository turns the answer into SQL. */
export function decide(caller: Caller, table: TenantTable, action: Action): Decision {
  const denied: Decision = { allowed: false, rowScopes: [], fields: new Set() };
  if (!caller.providerId || !caller.fullySignedIn) return denied;
  const subjects: Subject[] = caller.grants.map((cg) => cg.role);
  if (caller.link) subjects.push('respondent');
  if (caller.system) subjects.push('system');
  const grants = policies[table].filter((g) => g.actions.includes(action) && subjects.some((s) => g.roles.includes(s)));
  if (grants.length === 0) return denied;
  const fields = grants.some((g) => !g.fields) ? 'any' : new Set(grants.flatMap((g) => g.fields ?? []));
  if (grants.some((g) => g.scope === 'provider')) return { allowed: true, rowScopes: [], fields };
  const organisationsOf = (g: Grant) =>
    caller.grants.filter((cg) => g.roles.includes(cg.role) && cg.organisationId).map((cg) => cg.organisationId as string);
  const callerValue = (equals: string, g: Grant): string[] => {
    switch (equals) {
      case 'caller.user':
        return [caller.userId].filter((v): v is string => !!v);
      case 'caller.person':
        return caller.link ? [caller.link.personId] : [];
      case 'caller.checkin':
        return caller.link ? [caller.link.checkinId] : [];
      default:
        return organisationsOf(g);
    }
  };
  const rowScopes = grants.map((g): RowScope => {
    const scope = g.scope as Exclude<Scope, 'provider'>;
    if ('in' in scope) return { column: scope.column, subquery: scope.in, values: organisationsOf(g) };
    return { column: scope.column, values: callerValue(scope.equals, g) };
  });
  return { allowed: true, rowScopes, fields };
}

/** Field-level check: every column written must be granted. Returns the ones that are not. */
export function forbiddenFields(decision: Decision, written: readonly string[]): string[] {
  if (!decision.allowed) return [...written];
  if (decision.fields === 'any') return [];
  const allowed = decision.fields;
  return written.filter((f) => !allowed.has(f));
}
