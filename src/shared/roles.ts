export const roles = [
  'provider_admin',
  'practitioner',
  'client_contact',
  'participant',
  'peer_supporter',
  'job_seeker',
  'municipal_expert',
] as const;
export type Role = (typeof roles)[number];

/** Roles that belong to a client organisation rather than to the provider's own staff. */
export const clientSideRoles: readonly Role[] = ['client_contact', 'participant', 'peer_supporter', 'job_seeker'];

/**
 * Roles that can read confidential content (notes, crisis details, shared cases, the audit trail)
 * must pass a second factor: PRODUCT.md's privacy rules.
 */
export const secondFactorRoles: readonly Role[] = ['provider_admin', 'practitioner', 'municipal_expert'];

export function requiresSecondFactor(memberRoles: readonly Role[], isPlatformAdmin: boolean): boolean {
  return isPlatformAdmin || memberRoles.some((r) => secondFactorRoles.includes(r));
}

/** The provider's own staff: they belong to the provider, never to a client organisation. */
export const staffRoles: readonly Role[] = roles.filter((r) => !clientSideRoles.includes(r));

export interface RoleShapeProblem {
  path: 'role' | 'organisationId';
  message: string;
}

/**
 * The one check of a role's shape, for invitations and membership changes alike: a staff role has
 * no organisation (bound to one, it would read as the client's while reaching the provider's data),
 * a client-side role has one. `changing` names the field the caller is changing, so the 400 names
 * what they can fix: the organisation on an invitation, the role on an existing membership.
 */
export function roleShapeProblem(
  role: Role,
  organisationId: string | null | undefined,
  changing: 'role' | 'organisationId',
): RoleShapeProblem | null {
  if (staffRoles.includes(role) && organisationId)
    return {
      path: changing,
      message: changing === 'role' ? 'a staff role cannot belong to a client organisation' : 'a staff role has no organisation',
    };
  if (clientSideRoles.includes(role) && !organisationId)
    return {
      path: changing,
      message: changing === 'role' ? 'this role needs an organisation, and this membership has none' : 'required for this role',
    };
  return null;
}
