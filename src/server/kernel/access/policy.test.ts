import { describe, expect, it } from 'vitest';
import type { Caller } from './caller.js';
import { decide, forbiddenFields, policies } from './policy.js';

const caller = (grants: Caller['grants'], extra: Partial<Caller> = {}): Caller => ({
  userId: 'u1',
  sessionId: 's1',
  providerId: 'p1',
  grants,
  isPlatformAdmin: false,
  fullySignedIn: true,
  ip: null,
  userAgent: null,
  requestId: null,
  ...extra,
});

describe('decide', () => {
  it('gives a provider admin every organisation of the provider', () => {
    const d = decide(caller([{ role: 'provider_admin', organisationId: null, unitId: null }]), 'organisations', 'read');
    expect(d).toMatchObject({ allowed: true, rowScopes: [] });
  });

  it('limits a client contact to their own organisations', () => {
    const d = decide(
      caller([
        { role: 'client_contact', organisationId: 'o1', unitId: null },
        { role: 'participant', organisationId: 'o2', unitId: null },
      ]),
      'organisations',
      'read',
    );
    expect(d.allowed).toBe(true);
    expect(d.rowScopes).toEqual([{ column: 'id', values: ['o1', 'o2'] }]);
  });

  it('limits a participant to their own memberships', () => {
    const d = decide(caller([{ role: 'participant', organisationId: 'o1', unitId: null }]), 'memberships', 'read');
    expect(d.rowScopes).toEqual([{ column: 'user_id', values: ['u1'] }]);
  });

  it('refuses without a provider, before the second factor, and for roles without a grant', () => {
    const admin = [{ role: 'provider_admin' as const, organisationId: null, unitId: null }];
    expect(decide(caller(admin, { providerId: null }), 'organisations', 'read').allowed).toBe(false);
    expect(decide(caller(admin, { fullySignedIn: false }), 'organisations', 'read').allowed).toBe(false);
    expect(decide(caller([{ role: 'practitioner', organisationId: null, unitId: null }]), 'organisations', 'update').allowed).toBe(false);
    expect(decide(caller([{ role: 'provider_admin', organisationId: null, unitId: null }]), 'meeting_notes', 'read').allowed).toBe(false);
    expect(decide(caller([{ role: 'municipal_expert', organisationId: null, unitId: null }]), 'audit_events', 'read').allowed).toBe(false);
  });

  it('never lets anyone change or delete audit events', () => {
    for (const g of policies.audit_events) {
      expect(g.actions).toEqual(['read']);
    }
  });
});

describe('forbiddenFields', () => {
  const admin = caller([{ role: 'provider_admin', organisationId: null, unitId: null }]);
  it('allows granted columns', () => {
    expect(forbiddenFields(decide(admin, 'memberships', 'update'), ['role'])).toEqual([]);
  });
  it('names the columns a grant does not cover', () => {
    expect(forbiddenFields(decide(admin, 'memberships', 'update'), ['role', 'provider_id'])).toEqual(['provider_id']);
    expect(forbiddenFields(decide(admin, 'organisations', 'update'), ['id', 'name'])).toEqual(['id']);
  });
  it('refuses everything when the action is refused', () => {
    const p = caller([{ role: 'participant', organisationId: 'o1', unitId: null }]);
    expect(forbiddenFields(decide(p, 'organisations', 'update'), ['name'])).toEqual(['name']);
  });
});
