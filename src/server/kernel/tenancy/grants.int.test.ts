/**
 * Issue 7, findings 3 and 12: nobody grants a role to themself or assigns themself to a process
 * with confidential content; such grants are made by another admin (or, for a provider with one
 * admin, by the platform admin) and every provider admin sees them on the security view; a role's
 * shape (staff: no organisation; client side: an organisation) is checked in one place.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, insertBareUser, seedWorld, startTestApp, type TestApp, type World } from '../../testing/harness.js';
import { type SupervisionWorld, seedSupervision } from '../../testing/supervision.js';
import { Repository } from '../access/repository.js';
import { DataCipher, hashToken } from '../crypto.js';

let t: TestApp;
let world: World;
let sup: SupervisionWorld;
let admin: Client;
let admin2: Client;
let admin2Id: string;
let admin2MembershipId: string;

async function signedIn(email: string): Promise<Client> {
  const c = new Client(t.app, email);
  expect((await c.signIn(email)).statusCode, email).toBe(200);
  return c;
}

/** A membership written straight into the database, as if granted earlier by someone else. */
async function membership(
  userId: string,
  role: 'practitioner' | 'provider_admin' | 'client_contact' | 'job_seeker' | 'municipal_expert',
  organisationId: string | null = null,
) {
  const row = await t.db.kysely
    .insertInto('memberships')
    .values({ provider_id: world.providerId, user_id: userId, role, organisation_id: organisationId, unit_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function user(email: string, name: string) {
  const row = await insertBareUser(t.db.kysely, email, name, 'en');
  return row.id;
}

beforeAll(async () => {
  t = await startTestApp();
  const cipher = new DataCipher(t.config.dataKey);
  world = await seedWorld(t.db, cipher);
  sup = await seedSupervision(t.db, world, cipher);
  // A second administrator of provider A, with a second factor like the first.
  const first = await t.db.kysely
    .selectFrom('users')
    .select(['password_hash', 'totp_secret'])
    .where('id', '=', world.users.provider_admin.id)
    .executeTakeFirstOrThrow();
  admin2Id = await user('admin-two@example.test', 'Admin Two');
  // The TOTP secret is bound to its user id, so the second admin gets theirs sealed for them.
  await t.db.kysely
    .updateTable('users')
    .set({
      password_hash: first.password_hash,
      totp_secret: cipher.encrypt('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', `totp:${admin2Id}`),
      totp_enabled_at: new Date(),
    })
    .where('id', '=', admin2Id)
    .execute();
  admin2MembershipId = await membership(admin2Id, 'provider_admin');
  admin = await signedIn(world.users.provider_admin.email);
  admin2 = await signedIn('admin-two@example.test');
});
afterAll(() => t.close());

describe('no self-granted roles (finding 3)', () => {
  it('refuses an invitation to one’s own address, naming the field', async () => {
    const res = await admin.post('/api/invitations', { email: world.users.provider_admin.email.toUpperCase(), role: 'practitioner' });
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().error.fields[0].path).toBe('email');
  });

  it('refuses to accept an invitation one sent oneself', async () => {
    const token = `self-${crypto.randomUUID()}-token`;
    await t.db.kysely
      .insertInto('invitations')
      .values({
        provider_id: world.providerId,
        email: world.users.provider_admin.email,
        role: 'practitioner',
        organisation_id: null,
        unit_id: null,
        token_hash: hashToken(token),
        invited_by: world.users.provider_admin.id,
        expires_at: new Date(Date.now() + 86_400_000),
        accepted_at: null,
        revoked_at: null,
      })
      .execute();
    const res = await admin.post(`/api/invitations/by-token/${token}/accept`, { name: 'provider admin' });
    expect(res.statusCode, res.body).toBe(403);
    const roles = await t.db.kysely.selectFrom('memberships').select('role').where('user_id', '=', world.users.provider_admin.id).execute();
    expect(roles.map((r) => r.role)).toEqual(['provider_admin']);
  });

  it('refuses a change of one’s own membership, and its removal, even with another admin beside', async () => {
    const ownContact = await membership(world.users.provider_admin.id, 'client_contact', world.organisationId);
    const promote = await admin.patch(`/api/members/${ownContact}`, { role: 'participant' });
    expect(promote.statusCode, promote.body).toBe(403);
    expect((await admin.delete(`/api/members/${world.users.provider_admin.membershipId}`)).statusCode).toBe(403);
    expect((await admin.patch(`/api/members/${world.users.provider_admin.membershipId}`, { role: 'practitioner' })).statusCode).toBe(403);
    await t.db.kysely.deleteFrom('memberships').where('id', '=', ownContact).execute();
    const still = await t.db.kysely
      .selectFrom('memberships')
      .select('role')
      .where('id', '=', world.users.provider_admin.membershipId as string)
      .executeTakeFirst();
    expect(still?.role).toBe('provider_admin');
  });

  it('an admin who is also a practitioner cannot put themself on a process; another admin can, and both see it on the security view', async () => {
    await membership(world.users.provider_admin.id, 'practitioner');
    // A fresh sign-in picks up the new role.
    admin = await signedIn(world.users.provider_admin.email);
    const self = await admin.post(`/api/processes/${sup.processId}/practitioners`, { userId: world.users.provider_admin.id });
    expect(self.statusCode, self.body).toBe(403);
    const onIt = await t.db.kysely
      .selectFrom('process_practitioners')
      .select('id')
      .where('process_id', '=', sup.processId)
      .where('user_id', '=', world.users.provider_admin.id)
      .executeTakeFirst();
    expect(onIt).toBeUndefined();

    const byOther = await admin2.post(`/api/processes/${sup.processId}/practitioners`, { userId: world.users.provider_admin.id });
    expect(byOther.statusCode, byOther.body).toBe(201);
    const invited = await admin2.post('/api/invitations', { email: 'new.colleague@example.test', role: 'practitioner' });
    expect(invited.statusCode).toBe(201);

    for (const viewer of [admin, admin2]) {
      const view = await viewer.get('/api/security/grants');
      expect(view.statusCode, view.body).toBe(200);
      const events = view.json().events as {
        kind: string;
        actorName: string | null;
        subjectName: string | null;
        role: string | null;
        processTitle: string | null;
      }[];
      expect(events).toContainEqual(
        expect.objectContaining({
          kind: 'process_assigned',
          actorName: 'Admin Two',
          subjectName: 'provider admin',
          processTitle: 'Night shift group supervision',
        }),
      );
      expect(events).toContainEqual(
        expect.objectContaining({
          kind: 'invited',
          actorName: 'Admin Two',
          subjectName: 'new.colleague@example.test',
          role: 'practitioner',
        }),
      );
      // Readable names, never bare ids.
      expect(view.body).not.toContain(world.users.provider_admin.id);
      const holders = view.json().holders as { name: string; role: string }[];
      expect(holders).toContainEqual(expect.objectContaining({ name: 'Admin Two', role: 'provider_admin' }));
    }
    const practitioner = await signedIn(world.users.practitioner.email);
    expect((await practitioner.get('/api/security/grants')).statusCode).toBe(403);
  });

  it('the policy itself (not only the route) keeps a practitioner from joining a process they did not just open', async () => {
    const asPractitioner = new Repository(t.db.kysely, {
      userId: world.users.other_practitioner.id,
      sessionId: null,
      providerId: world.providerId,
      grants: [{ role: 'practitioner', organisationId: null, unitId: null }],
      isPlatformAdmin: false,
      fullySignedIn: true,
      ip: null,
      userAgent: null,
      requestId: null,
    });
    await expect(
      asPractitioner.insert('process_practitioners', { process_id: sup.processId, user_id: world.users.other_practitioner.id }),
    ).rejects.toMatchObject({
      statusCode: 403,
    });
    const joined = await t.db.kysely
      .selectFrom('process_practitioners')
      .select('id')
      .where('process_id', '=', sup.processId)
      .where('user_id', '=', world.users.other_practitioner.id)
      .executeTakeFirst();
    expect(joined).toBeUndefined();
  });

  it('the platform admin grants a role in a provider, so a provider with one admin is not stuck', async () => {
    const platform = await signedIn(world.users.platform_admin.email);
    const res = await platform.post(`/api/platform/providers/${world.otherProviderId}/invitations`, {
      email: 'second.admin@example.test',
      role: 'provider_admin',
    });
    expect(res.statusCode, res.body).toBe(201);
    const row = await t.db.kysely
      .selectFrom('invitations')
      .select(['provider_id', 'role', 'invited_by'])
      .where('email', '=', 'second.admin@example.test')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ provider_id: world.otherProviderId, role: 'provider_admin', invited_by: world.users.platform_admin.id });
    expect(
      (await admin.post(`/api/platform/providers/${world.otherProviderId}/invitations`, { email: 'x@example.test', role: 'practitioner' }))
        .statusCode,
    ).toBe(403);
  });
});

describe('role shape (finding 12)', () => {
  it('refuses a staff role bound to an organisation on an invitation, naming the field', async () => {
    for (const role of ['provider_admin', 'practitioner', 'municipal_expert']) {
      const res = await admin2.post('/api/invitations', {
        email: `shape-${role}@example.test`,
        role,
        organisationId: world.organisationId,
      });
      expect(res.statusCode, `${role}: ${res.body}`).toBe(400);
      expect(res.json().error.fields[0].path).toBe('organisationId');
    }
  });

  it('refuses promoting an organisation-bound member to a staff role in place, and a client role without an organisation', async () => {
    const seeker = await admin2.patch(`/api/members/${world.users.job_seeker.membershipId}`, { role: 'practitioner' });
    expect(seeker.statusCode, seeker.body).toBe(400);
    expect(seeker.json().error.fields[0].path).toBe('role');
    const expert = await admin2.patch(`/api/members/${world.users.municipal_expert.membershipId}`, { role: 'client_contact' });
    expect(expert.statusCode, expert.body).toBe(400);
    expect(expert.json().error.fields[0].path).toBe('role');
    // A shape-keeping change still works.
    const ok = await admin2.patch(`/api/members/${world.users.job_seeker.membershipId}`, { role: 'participant' });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('another admin may remove an admin while one stays; the last admin stays', async () => {
    expect((await admin.delete(`/api/members/${admin2MembershipId}`)).statusCode).toBe(204);
    // Now the first admin is the only one; nobody (they themself included) takes it away.
    expect((await admin.delete(`/api/members/${world.users.provider_admin.membershipId}`)).statusCode).toBe(403);
  });
});
