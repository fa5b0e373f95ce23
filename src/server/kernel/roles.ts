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
