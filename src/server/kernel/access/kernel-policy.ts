import type { Role } from '../roles.js';
import type { Grant, TenantTable } from './policy.js';

// The kernel's policy fragment: who may do what on the kernel's tenant tables (organisations,
// units, memberships, invitations, the audit trail), composed with the modules' fragments.

const staff: Role[] = ['provider_admin', 'practitioner'];

export const kernelPolicy = {
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
} satisfies Partial<Record<TenantTable, readonly Grant[]>>;
