import { modules } from '../../modules/index.js';
import type { Database } from '../db/schema.js';
import { composePolicies } from '../module.js';
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
      'business_id',
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

/**
 * Tables that hold a provider's data; every one has provider_id and is read only through the
 * repository. Every table is one, the kernel's global tables excepted: a module's tables (joined to
 * `Database` from its folder) are tenant tables, and its manifest says so (`tenant: true`).
 */
export type TenantTable = Exclude<keyof Database, GlobalTable>;
/** The kernel's tables above the tenants: accounts, sessions, the provider rows, mail, chain heads. */
export type GlobalTable =
  | 'providers'
  | 'users'
  | 'sessions'
  | 'password_resets'
  | 'recovery_codes'
  | 'sign_in_throttle'
  | 'audit_chain_heads'
  | 'mail_outbox';

/**
 * Access policies are data: the authorisation tests read this table and walk it. Composed from the
 * manifests' fragments (the kernel's and each module's, for the tables each owns); a manifest that
 * grants on a table it does not own, or leaves one of its tenant tables without grants, fails here,
 * at start.
 */
export const policies = composePolicies(modules) as Record<TenantTable, readonly Grant[]>;

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
