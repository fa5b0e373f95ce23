import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, seedWorld, startTestApp, type TestApp, type World } from '../../testing/harness.js';
import { totpCodeAt } from '../auth/totp.js';
import { DataCipher } from '../crypto.js';

let t: TestApp;
let world: World;
let admin: Client;

beforeAll(async () => {
  t = await startTestApp();
  world = await seedWorld(t.db, new DataCipher(t.config.dataKey));
  admin = new Client(t.app);
  expect((await admin.signIn(world.users.provider_admin.email)).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('invitations', () => {
  it('invites a practitioner by mail; the link sets a password, requires a second factor and grants the role', async () => {
    const res = await admin.post('/api/invitations', { email: 'New.Supervisor@Example.test', role: 'practitioner' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email: 'new.supervisor@example.test', role: 'practitioner', status: 'pending' });
    const mail = (await t.deliverMail()).find((m) => m.to === 'new.supervisor@example.test');
    expect(mail?.subject).toContain('Provider A');
    // The provider is Finnish: the mail is in Finnish.
    expect(mail?.text).toContain('Hyväksy kutsu');
    const token = /invitation\?token=([\w-]+)/.exec(mail!.text)![1]!;

    const guest = new Client(t.app);
    const info = await guest.get(`/api/invitations/by-token/${token}`);
    expect(info.json()).toMatchObject({ providerName: 'Provider A', role: 'practitioner', existingUser: false });
    const short = await guest.post(`/api/invitations/by-token/${token}/accept`, { name: 'Sam', password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields[0].path).toBe('password');
    const accepted = await guest.post(`/api/invitations/by-token/${token}/accept`, {
      name: 'Sam Supervisor',
      password: 'a good long password',
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().stage).toBe('mfa-enrolment-required');
    expect((await guest.get('/api/members')).statusCode).toBe(401);
    const { secret } = (await guest.post('/api/auth/mfa/enrol/start')).json();
    expect((await guest.post('/api/auth/mfa/enrol/confirm', { code: totpCodeAt(secret, new Date()) })).statusCode).toBe(200);
    const session = (await guest.get('/api/auth/session')).json();
    expect(session.roles).toEqual(['practitioner']);
    expect(session.stage).toBe('signed-in');

    // Single use.
    expect((await new Client(t.app).get(`/api/invitations/by-token/${token}`)).statusCode).toBe(404);
    const members = await admin.get('/api/members?q=sam');
    expect(members.json().items.map((m: { email: string }) => m.email)).toContain('new.supervisor@example.test');
  });

  it('requires an organisation for client-side roles, naming the field', async () => {
    const res = await admin.post('/api/invitations', { email: 'hr2@example.test', role: 'client_contact' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('organisationId');
  });

  it('refuses an organisation of another provider and leaves nothing behind', async () => {
    const before = await t.db.kysely
      .selectFrom('invitations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    const mailsBefore = await t.db.kysely
      .selectFrom('mail_outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    const res = await admin.post('/api/invitations', {
      email: 'x@example.test',
      role: 'client_contact',
      organisationId: world.foreignOrganisationId,
    });
    expect(res.statusCode).toBe(422);
    const after = await t.db.kysely
      .selectFrom('invitations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    const mailsAfter = await t.db.kysely
      .selectFrom('mail_outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    expect(Number(after?.n)).toBe(Number(before?.n));
    expect(Number(mailsAfter?.n)).toBe(Number(mailsBefore?.n));
  });

  it('does not hand an existing account to whoever holds the link', async () => {
    await admin.post('/api/invitations', {
      email: world.users.participant.email,
      role: 'client_contact',
      organisationId: world.organisationId,
    });
    const mail = (await t.deliverMail()).filter((m) => m.to === world.users.participant.email).at(-1)!;
    const token = /token=([\w-]+)/.exec(mail.text)![1]!;
    const stranger = new Client(t.app);
    const res = await stranger.post(`/api/invitations/by-token/${token}/accept`, { name: 'Mallory', password: 'a good long password' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('sign_in_first');
    const owner = new Client(t.app);
    await owner.signIn(world.users.participant.email);
    expect((await owner.post(`/api/invitations/by-token/${token}/accept`, { name: 'Participant' })).statusCode).toBe(200);
    expect((await owner.get('/api/auth/session')).json().roles.sort()).toEqual(['client_contact', 'participant']);
  });

  it('revokes an invitation so its link stops working', async () => {
    const created = (await admin.post('/api/invitations', { email: 'revoked@example.test', role: 'practitioner' })).json();
    const mail = (await t.deliverMail()).filter((m) => m.to === 'revoked@example.test').at(-1)!;
    const token = /token=([\w-]+)/.exec(mail.text)![1]!;
    expect((await admin.delete(`/api/invitations/${created.id}`)).statusCode).toBe(204);
    expect((await new Client(t.app).get(`/api/invitations/by-token/${token}`)).statusCode).toBe(404);
  });
});

describe('members', () => {
  it('searches by name or e-mail prefix, filters by role and organisation, and paginates', async () => {
    const all = (await admin.get('/api/members?pageSize=100')).json();
    expect(all.total).toBeGreaterThanOrEqual(9);
    const contacts = (await admin.get(`/api/members?role=client_contact&organisationId=${world.organisationId}`)).json();
    expect(
      contacts.items.every(
        (m: { role: string; organisationId: string }) => m.role === 'client_contact' && m.organisationId === world.organisationId,
      ),
    ).toBe(true);
    const page1 = (await admin.get('/api/members?pageSize=2&page=1')).json();
    const page2 = (await admin.get('/api/members?pageSize=2&page=2')).json();
    expect(page1.items).toHaveLength(2);
    expect(page1.items[0].id).not.toBe(page2.items[0].id);
    expect(page1.total).toBe(all.total);
    const byPrefix = (await admin.get('/api/members?q=peer')).json();
    expect(byPrefix.items.map((m: { email: string }) => m.email)).toEqual([world.users.peer_supporter.email]);
    // A LIKE wildcard in the search is a literal, not "everything".
    expect((await admin.get('/api/members?q=%25')).json().total).toBe(0);
    expect((await admin.get('/api/members?pageSize=1000')).statusCode).toBe(400);
  });

  it('keeps at least one provider administrator: nobody removes or demotes themself', async () => {
    const res = await admin.delete(`/api/members/${world.users.provider_admin.membershipId}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('self_grant');
    const demote = await admin.patch(`/api/members/${world.users.provider_admin.membershipId}`, { role: 'practitioner' });
    expect(demote.statusCode).toBe(403);
  });

  it('lets a practitioner search but not change members', async () => {
    const p = new Client(t.app);
    await p.signIn(world.users.practitioner.email);
    expect((await p.get('/api/members')).statusCode).toBe(200);
    expect((await p.patch(`/api/members/${world.users.participant.membershipId}`, { role: 'client_contact' })).statusCode).toBe(403);
  });
});

describe('organisations', () => {
  it('creates organisations with units; a client contact sees only their own organisation', async () => {
    // A Y-tunnus with a wrong check digit is a typo the register never issued (the provider is Finnish).
    const typo = await admin.post('/api/organisations', { name: 'Child Protection Delta', businessId: '7654321-0' });
    expect(typo.statusCode).toBe(422);
    expect(typo.json().error).toMatchObject({ code: 'invalid_business_id', fields: [{ path: 'businessId' }] });
    const created = await admin.post('/api/organisations', { name: 'Child Protection Delta', businessId: '7654321-2' });
    expect(created.statusCode).toBe(201);
    const orgId = created.json().id;
    const unit = await admin.post(`/api/organisations/${orgId}/units`, { name: 'Team North' });
    expect(unit.statusCode).toBe(201);
    const sub = await admin.post(`/api/organisations/${orgId}/units`, { name: 'Team North, evenings', parentId: unit.json().id });
    expect(sub.statusCode).toBe(201);
    const badParent = await admin.post(`/api/organisations/${world.organisationId}/units`, { name: 'X', parentId: unit.json().id });
    expect(badParent.statusCode).toBe(422);
    // Written another way, it is the same ID: stored in the register's form, it is found taken.
    expect((await admin.post('/api/organisations', { name: 'Dup', businessId: '7654321 2' })).statusCode).toBe(409);

    const contact = new Client(t.app);
    await contact.signIn(world.users.client_contact.email);
    const seen = (await contact.get('/api/organisations')).json();
    expect(seen.items.map((o: { id: string }) => o.id)).toEqual([world.organisationId]);
    expect((await contact.get(`/api/organisations/${orgId}`)).statusCode).toBe(404);
  });
});

describe('invitations while signed in as someone else', () => {
  it('refuses to create the invited account under another session, and creates nothing', async () => {
    await admin.post('/api/invitations', { email: 'fresh.person@example.test', role: 'practitioner' });
    const mail = (await t.deliverMail()).filter((m) => m.to === 'fresh.person@example.test').at(-1)!;
    const token = /token=([\w-]+)/.exec(mail.text)![1]!;
    const res = await admin.post(`/api/invitations/by-token/${token}/accept`, { name: 'Fresh', password: 'a good long password' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('signed_in_as_other');
    const user = await t.db.kysely.selectFrom('users').select('id').where('email', '=', 'fresh.person@example.test').executeTakeFirst();
    expect(user).toBeUndefined();
    expect((await new Client(t.app).get(`/api/invitations/by-token/${token}`)).statusCode).toBe(200);
  });
});
