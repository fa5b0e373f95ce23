import type { Role } from '../roles.js';
import type { Caller, SystemPurpose } from './caller.js';

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
export type SubqueryScope =
  | 'processes.asPractitioner'
  | 'processes.asParticipant'
  | 'processes.ofCallerOrganisations'
  | 'people.self'
  /** Processes the caller practised in before this transaction (a link written now does not count). */
  | 'processes.asPractitionerAlready'
  /** People who take part in a process the caller practises in. */
  | 'people.ofMyProcesses'
  /** Processes the caller opened in the current transaction (nothing confidential in them yet). */
  | 'processes.openedByCallerNow'
  /** Users with a membership of the provider, the caller excepted: nobody grants themself a role. */
  | 'members.notCaller';

/**
 * Who a grant is for: a role of a membership, or `respondent`, the holder of a check-in link
 * (no account; `Caller.link`), or `system:<purpose>`, a named system caller (`Caller.system`: the
 * jobs, the public request form, the calendar feed), each with only the grants its purpose needs.
 */
export type Subject = Role | 'respondent' | `system:${SystemPurpose}`;

/** The provider row itself (name, country, zone, intake and cancellation settings): not a tenant table. */
export const providerSettingsPolicy: readonly Grant[] = [
  {
    roles: ['provider_admin'],
    actions: ['update'],
    scope: 'provider',
    fields: [
      'first_contact_target_minutes',
      'late_cancellation_hours',
      'late_cancellation_charge_percent',
      'participant_cancellation_hours',
    ],
  },
];

export interface Grant {
  roles: readonly Subject[];
  actions: readonly Action[];
  scope: Scope;
  /** For create and update: the only columns this grant may write. */
  fields?: readonly string[];
  /**
   * For read: columns this grant does not reveal (Medplum's hidden fields). The repository reads
   * them as null on every query, so no service has to remember to leave them out.
   */
  hidden?: readonly string[];
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
    { roles: ['provider_admin'], actions: ['read'], scope: 'provider' },
    // Role grants are made by another admin: one's own memberships are out of one's own reach
    // (no self-promotion, no self-removal; the last admin stays).
    {
      roles: ['provider_admin'],
      actions: ['create', 'update', 'delete'],
      scope: { column: 'user_id', in: 'members.notCaller' },
      fields: ['user_id', 'role', 'organisation_id', 'unit_id', 'on_call'],
    },
    // The on-call list is rota, not a grant: the office keeps it, its own place on it included.
    { roles: ['provider_admin'], actions: ['update'], scope: 'provider', fields: ['on_call'] },
    { roles: staff.filter((r) => r !== 'provider_admin'), actions: ['read'], scope: 'provider' },
    {
      roles: ['client_contact', 'participant', 'peer_supporter', 'job_seeker', 'municipal_expert'],
      actions: ['read'],
      scope: { column: 'user_id', equals: 'caller.user' },
    },
    // Who to tell: the on-call list, for a crisis request and an unacknowledged urgent alert.
    { roles: ['system:on-call-alert', 'system:alert-escalation'], actions: ['read'], scope: 'provider' },
    // The feed owner's own profile (their time zone).
    { roles: ['system:calendar-feed'], actions: ['read'], scope: { column: 'user_id', equals: 'caller.user' } },
  ],
  invitations: [
    {
      roles: ['provider_admin'],
      actions: ['read', 'create', 'update'],
      scope: 'provider',
      fields: ['email', 'role', 'organisation_id', 'unit_id', 'token_hash', 'invited_by', 'expires_at', 'revoked_at', 'accepted_at'],
    },
  ],
  audit_events: [
    { roles: ['provider_admin'], actions: ['read'], scope: 'provider' },
    // The nudge job knows from its own earlier `process.nudge` events what it already did today.
    { roles: ['system:nudges'], actions: ['read'], scope: 'provider' },
  ],

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
  requests: [
    { roles: ['provider_admin', 'practitioner'], actions: ['read', 'update'], scope: 'provider' },
    // The office records requests (and public ones are written as the provider's system).
    { roles: ['provider_admin', 'client_contact'], actions: ['create'], scope: 'provider' },
    { roles: ['client_contact'], actions: ['read'], scope: { column: 'submitted_by', equals: 'caller.user' } },
    // The public form writes requests and nothing else; it cannot read one back.
    { roles: ['system:public-intake'], actions: ['create'], scope: 'provider' },
    // Requests that led to no process are deleted after the retention period.
    { roles: ['system:intake-retention'], actions: ['read', 'delete'], scope: 'provider' },
  ],
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
  calendar_feeds: [{ roles: ['practitioner'], actions: ['read', 'create', 'update'], scope: { column: 'user_id', equals: 'caller.user' } }],

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
};

export type RowScope = { column: string; values: string[] } | { column: string; subquery: SubqueryScope; values: string[] };

export interface Decision {
  allowed: boolean;
  /** Empty when the caller reaches every row of the provider; otherwise any of these must match. */
  rowScopes: RowScope[];
  fields: Set<string> | 'any';
}

/** Pure: what a caller may do with a table. The repository turns the answer into SQL. */
/**
 * With `written` (the columns of an insert or update), only the grants that allow every one of
 * them count, and only their row scopes: a provider-wide grant for a name must not lend its reach
 * to a narrower grant for an e-mail (people), nor an on-call flag to a role change (memberships).
 */
export function decide(caller: Caller, table: TenantTable, action: Action, written?: readonly string[]): Decision {
  const denied: Decision = { allowed: false, rowScopes: [], fields: new Set() };
  if (!caller.providerId || !caller.fullySignedIn) return denied;
  const subjects: Subject[] = caller.grants.map((cg) => cg.role);
  if (caller.link) subjects.push('respondent');
  if (caller.system) subjects.push(`system:${caller.system}`);
  const policy = written ? policies[table].filter((g) => !g.fields || written.every((f) => g.fields?.includes(f))) : policies[table];
  return decideOn(caller, subjects, policy, action);
}

/** The same decision for the provider row's settings (`providerSettingsPolicy`). */
export function decideProviderSettings(caller: Caller, action: Action): Decision {
  if (!caller.providerId || !caller.fullySignedIn) return { allowed: false, rowScopes: [], fields: new Set() };
  return decideOn(
    caller,
    caller.grants.map((cg) => cg.role),
    providerSettingsPolicy,
    action,
  );
}

function decideOn(caller: Caller, subjects: Subject[], policy: readonly Grant[], action: Action): Decision {
  const denied: Decision = { allowed: false, rowScopes: [], fields: new Set() };
  const grants = policy.filter((g) => g.actions.includes(action) && subjects.some((s) => g.roles.includes(s)));
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

/**
 * Pure: the columns of `table` this caller reads as null. A column is hidden only when every read
 * grant the caller holds on the table hides it (grants add up, as for rows and written fields).
 */
export function readMask(caller: Caller, table: TenantTable): ReadonlySet<string> {
  if (!caller.providerId || !caller.fullySignedIn) return new Set();
  const subjects: Subject[] = caller.grants.map((cg) => cg.role);
  if (caller.link) subjects.push('respondent');
  if (caller.system) subjects.push(`system:${caller.system}`);
  const grants = policies[table].filter((g) => g.actions.includes('read') && subjects.some((s) => g.roles.includes(s)));
  if (grants.length === 0 || grants.some((g) => !g.hidden?.length)) return new Set();
  const [first, ...rest] = grants.map((g) => new Set(g.hidden));
  return new Set([...(first ?? [])].filter((c) => rest.every((h) => h.has(c))));
}

/**
 * Parts of a composed answer that are not one table's columns (a meeting's attendance list, its
 * summary), visible per subject: data here, so a service asks `visibleParts` instead of checking
 * roles by hand. The tables' own grants still decide which rows a part shows.
 */
export const viewParts = {
  meetingDetail: {
    attendance: ['provider_admin', 'practitioner'],
    summary: ['practitioner', 'participant'],
    myNote: ['practitioner'],
    scaling: ['practitioner'],
  },
} as const satisfies Record<string, Record<string, readonly Subject[]>>;

export function visibleParts<V extends keyof typeof viewParts>(caller: Caller, view: V): Set<keyof (typeof viewParts)[V]> {
  const roles = new Set<Subject>(caller.grants.map((cg) => cg.role));
  const parts = viewParts[view] as Record<string, readonly Subject[]>;
  return new Set(Object.keys(parts).filter((p) => parts[p]?.some((r) => roles.has(r)))) as Set<keyof (typeof viewParts)[V]>;
}

/** Field-level check: every column written must be granted. Returns the ones that are not. */
export function forbiddenFields(decision: Decision, written: readonly string[]): string[] {
  if (!decision.allowed) return [...written];
  if (decision.fields === 'any') return [];
  const allowed = decision.fields;
  return written.filter((f) => !allowed.has(f));
}
