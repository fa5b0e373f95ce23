import type { Role } from '../roles.js';
import type { Caller } from './caller.js';

export type Action = 'read' | 'create' | 'update' | 'delete';

/**
 * Which rows of a table a grant reaches, inside the caller's provider:
 * all of them, the rows of the caller's own organisations, or the caller's own rows.
 */
export type Scope = 'provider' | { column: string; equals: 'caller.organisation' | 'caller.user' };

export interface Grant {
  roles: readonly Role[];
  actions: readonly Action[];
  scope: Scope;
  /** For create and update: the only columns this grant may write. */
  fields?: readonly string[];
}

/** Tables that hold a provider's data; every one has provider_id and is read only through the repository. */
export type TenantTable = 'organisations' | 'units' | 'memberships' | 'invitations' | 'audit_events';

const staff: Role[] = ['provider_admin', 'practitioner'];

/** Access policies are data: the authorisation tests read this table and walk it. */
export const policies: Record<TenantTable, readonly Grant[]> = {
  organisations: [
    { roles: ['provider_admin'], actions: ['read', 'create', 'update'], scope: 'provider', fields: ['name', 'business_id'] },
    { roles: ['practitioner'], actions: ['read'], scope: 'provider' },
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
      fields: ['user_id', 'role', 'organisation_id', 'unit_id'],
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
};

export interface Decision {
  allowed: boolean;
  /** Empty when the caller reaches every row of the provider; otherwise any of these must match. */
  rowScopes: { column: string; values: string[] }[];
  fields: Set<string> | 'any';
}

/** Pure: what a caller may do with a table. The repository turns the answer into SQL. */
export function decide(caller: Caller, table: TenantTable, action: Action): Decision {
  const denied: Decision = { allowed: false, rowScopes: [], fields: new Set() };
  if (!caller.providerId || !caller.fullySignedIn) return denied;
  const grants = policies[table].filter(
    (g) => g.actions.includes(action) && caller.grants.some((cg) => g.roles.includes(cg.role)),
  );
  if (grants.length === 0) return denied;
  const fields = grants.some((g) => !g.fields) ? 'any' : new Set(grants.flatMap((g) => g.fields ?? []));
  if (grants.some((g) => g.scope === 'provider')) return { allowed: true, rowScopes: [], fields };
  const rowScopes = grants.map((g) => {
    const scope = g.scope as Exclude<Scope, 'provider'>;
    const values =
      scope.equals === 'caller.user'
        ? [caller.userId].filter((v): v is string => !!v)
        : caller.grants
            .filter((cg) => g.roles.includes(cg.role) && cg.organisationId)
            .map((cg) => cg.organisationId as string);
    return { column: scope.column, values };
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
