import { describe, expect, it } from 'vitest';
import { clientSideRoles, roleShapeProblem, roles, staffRoles } from './roles.js';

describe('roleShapeProblem', () => {
  it('splits every role into staff or client side, none in both', () => {
    expect([...staffRoles].sort()).toEqual(['municipal_expert', 'practitioner', 'provider_admin']);
    expect(roles.every((r) => staffRoles.includes(r) !== clientSideRoles.includes(r))).toBe(true);
  });

  it('refuses a staff role with an organisation, naming the field being changed', () => {
    for (const role of staffRoles) {
      expect(roleShapeProblem(role, 'org-1', 'organisationId')?.path).toBe('organisationId');
      expect(roleShapeProblem(role, 'org-1', 'role')?.path).toBe('role');
      expect(roleShapeProblem(role, null, 'role')).toBeNull();
    }
  });

  it('refuses a client-side role without an organisation', () => {
    for (const role of clientSideRoles) {
      expect(roleShapeProblem(role, undefined, 'organisationId')?.path).toBe('organisationId');
      expect(roleShapeProblem(role, null, 'role')?.path).toBe('role');
      expect(roleShapeProblem(role, 'org-1', 'role')).toBeNull();
    }
  });
});
