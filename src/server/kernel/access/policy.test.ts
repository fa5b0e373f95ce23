import { describe, expect, it } from 'vitest';
import { walledTables as walledByMeasures0011 } from '../../modules/measures/migrations/0011_measures_instrument_translations.js';
import { walledTables } from '../db/migrations/0010_row_level_security.js';
import type { Caller } from './caller.js';
import { decide, forbiddenFields, policies, readMask, type TenantTable, viewParts, visibleParts } from './policy.js';
import { maskableColumns } from './repository.js';

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

describe('grants and contact details (issue 7, findings 1 and 3)', () => {
  const admin = caller([{ role: 'provider_admin', organisationId: null, unitId: null }]);
  const practitioner = caller([{ role: 'practitioner', organisationId: null, unitId: null }]);
  const contact = caller([{ role: 'client_contact', organisationId: 'o1', unitId: null }]);

  it('keeps an admin’s own memberships out of their reach for a role change, not for the on-call rota', () => {
    expect(decide(admin, 'memberships', 'update', ['role']).rowScopes).toEqual([
      { column: 'user_id', subquery: 'members.notCaller', values: [] },
    ]);
    expect(decide(admin, 'memberships', 'delete').rowScopes).toEqual([{ column: 'user_id', subquery: 'members.notCaller', values: [] }]);
    expect(decide(admin, 'memberships', 'update', ['on_call']).rowScopes).toEqual([]);
  });

  it('lets nobody put themself on an existing process', () => {
    expect(decide(admin, 'process_practitioners', 'create', ['process_id', 'user_id']).rowScopes).toEqual([
      { column: 'user_id', subquery: 'members.notCaller', values: [] },
    ]);
    const scopes = decide(practitioner, 'process_practitioners', 'create', ['process_id', 'user_id']).rowScopes;
    expect(scopes.map((s) => ('subquery' in s ? s.subquery : s.column)).sort()).toEqual([
      'processes.asPractitionerAlready',
      'processes.openedByCallerNow',
    ]);
  });

  it('gives contact details to the person and their practitioners only', () => {
    expect(decide(contact, 'people', 'update', ['email']).allowed).toBe(false);
    expect(decide(contact, 'people', 'update', ['name']).allowed).toBe(true);
    expect(decide(admin, 'people', 'update', ['phone']).allowed).toBe(false);
    expect(decide(practitioner, 'people', 'update', ['email']).rowScopes).toEqual([
      { column: 'id', subquery: 'people.ofMyProcesses', values: [] },
    ]);
    const both = caller([
      { role: 'provider_admin', organisationId: null, unitId: null },
      { role: 'practitioner', organisationId: null, unitId: null },
    ]);
    // The admin's provider-wide grant for names lends no reach to the practitioner's e-mail grant.
    expect(decide(both, 'people', 'update', ['email']).rowScopes).toEqual([{ column: 'id', subquery: 'people.ofMyProcesses', values: [] }]);
    expect(decide(both, 'people', 'update', ['name']).rowScopes).toEqual([]);
    const participant = caller([{ role: 'participant', organisationId: 'o1', unitId: null }]);
    expect(decide(participant, 'people', 'update', ['email', 'phone']).rowScopes).toMatchObject([
      { column: 'id', subquery: 'people.self' },
    ]);
    expect(decide(participant, 'people', 'update', ['unit_id']).allowed).toBe(false);
  });
});

describe('readMask', () => {
  const contact = caller([{ role: 'client_contact', organisationId: 'o1', unitId: null }]);
  const admin = caller([{ role: 'provider_admin', organisationId: null, unitId: null }]);
  it("hides what the caller's read grants hide", () => {
    expect([...readMask(contact, 'meetings')]).toEqual(['cancel_reason']);
    expect([...readMask(admin, 'meetings')]).toEqual([]);
  });
  it('hides a column only when every read grant of the caller hides it', () => {
    const both = caller([
      { role: 'client_contact', organisationId: 'o1', unitId: null },
      { role: 'participant', organisationId: 'o1', unitId: null },
    ]);
    expect([...readMask(both, 'meetings')]).toEqual([]);
  });
  it('hides nothing from a caller who may not read at all (the read itself is refused)', () => {
    expect([...readMask(caller([], { providerId: null }), 'meetings')]).toEqual([]);
  });
  it('knows every column of each table a grant masks, the masked ones included', () => {
    for (const [table, grants] of Object.entries(policies)) {
      const hidden = grants.flatMap((g) => g.hidden ?? []);
      if (hidden.length === 0) continue;
      const columns = maskableColumns[table as TenantTable];
      expect(columns, table).toBeDefined();
      for (const c of hidden) expect(columns, `${table}.${c}`).toContain(c);
    }
  });
});

describe('visibleParts', () => {
  it('gives each role the parts of a meeting the contract names', () => {
    const parts = (role: 'provider_admin' | 'practitioner' | 'participant' | 'client_contact') => {
      const organisationId = role === 'client_contact' || role === 'participant' ? 'o1' : null;
      return [...visibleParts(caller([{ role, organisationId, unitId: null }]), 'meetingDetail')].sort();
    };
    expect(parts('practitioner')).toEqual(['attendance', 'myNote', 'scaling', 'summary']);
    expect(parts('provider_admin')).toEqual(['attendance']);
    expect(parts('participant')).toEqual(['summary']);
    expect(parts('client_contact')).toEqual([]);
    expect(Object.keys(viewParts.meetingDetail).sort()).toEqual(['attendance', 'myNote', 'scaling', 'summary']);
  });
});

describe('row-level security', () => {
  it('has a policy (migration 0010, or the migration that added the table) on every tenant table', () => {
    expect([...walledTables, ...walledByMeasures0011].sort()).toEqual(Object.keys(policies).sort());
  });
});
