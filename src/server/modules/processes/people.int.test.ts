/**
 * Issue 7, finding 1: a participant's contact details (where their questionnaire links go) are
 * changed only by the person themself or by a practitioner of one of their processes; the old
 * address is told; links already sent keep their address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemRunner } from '../../kernel/access/system.js';
import { DataCipher } from '../../kernel/crypto.js';
import { Client, seedWorld, startTestApp, type TestApp, type World } from '../../testing/harness.js';
import { type SupervisionWorld, seedSupervision } from '../../testing/supervision.js';
import { sendCheckinReminders } from '../measures/jobs.js';

let t: TestApp;
let world: World;
let sup: SupervisionWorld;
let admin: Client;
let practitioner: Client;
let otherPractitioner: Client;
let contact: Client;
let participant: Client;
let delivered = 0;

async function signedIn(email: string): Promise<Client> {
  const c = new Client(t.app, email);
  expect((await c.signIn(email)).statusCode, email).toBe(200);
  return c;
}

async function newMail() {
  const all = await t.deliverMail();
  const fresh = all.slice(delivered);
  delivered = all.length;
  return fresh;
}

const personRow = (id: string) =>
  t.db.kysely.selectFrom('people').select(['email', 'phone', 'name', 'locale']).where('id', '=', id).executeTakeFirstOrThrow();

beforeAll(async () => {
  t = await startTestApp();
  const cipher = new DataCipher(t.config.dataKey);
  world = await seedWorld(t.db, cipher);
  sup = await seedSupervision(t.db, world, cipher);
  admin = await signedIn(world.users.provider_admin.email);
  practitioner = await signedIn(world.users.practitioner.email);
  otherPractitioner = await signedIn(world.users.other_practitioner.email);
  contact = await signedIn(world.users.client_contact.email);
  participant = await signedIn(world.users.participant.email);
  await newMail();
});
afterAll(() => t.close());

describe('contact details of a participant', () => {
  it('a client contact (the employer) cannot redirect an employee’s mail, nor change their phone or language', async () => {
    const one = sup.otherPersonIds[0] as string;
    const before = await personRow(one);
    for (const body of [{ email: 'hr-inbox@example.test' }, { phone: '+358 40 000 0000' }, { locale: 'sv' }]) {
      const res = await contact.patch(`/api/people/${one}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(403);
    }
    expect(await personRow(one)).toEqual(before);
    // The organisation's own data stays theirs to keep: a name and a unit.
    const renamed = await contact.patch(`/api/people/${one}`, { name: 'Colleague One-Smith' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    // And they still add people of their organisation (the portal's new-process flow needs it).
    const added = await contact.post('/api/people', {
      organisationId: world.organisationId,
      name: 'New Hire',
      email: 'new.hire@example.test',
    });
    expect(added.statusCode).toBe(201);
  });

  it('a practitioner who is not on any of the person’s processes cannot change them; the provider admin cannot change contact details', async () => {
    const one = sup.otherPersonIds[0] as string;
    const before = await personRow(one);
    const colleague = await otherPractitioner.patch(`/api/people/${one}`, { email: 'elsewhere@example.test' });
    expect([403, 404]).toContain(colleague.statusCode);
    expect((await otherPractitioner.patch(`/api/people/${one}`, { name: 'Renamed' })).statusCode).not.toBe(200);
    expect((await admin.patch(`/api/people/${one}`, { email: 'office@example.test' })).statusCode).toBe(403);
    expect(await personRow(one)).toEqual(before);
  });

  it('the practitioner of the process changes the address: the old one is told, in the person’s language; a link already sent keeps its address', async () => {
    const one = sup.otherPersonIds[0] as string;
    const sent = await practitioner.post(`/api/processes/${sup.processId}/checkins`, { instrumentKey: 'who5', personIds: [one] });
    expect(sent.statusCode, sent.body).toBe(201);
    const invitation = (await newMail()).find((m) => m.to === 'one@example.test');
    expect(invitation).toBeDefined();

    const res = await practitioner.patch(`/api/people/${one}`, { email: 'one.new@example.test', phone: '+358 40 123 4567' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ email: 'one.new@example.test', phone: '+358 40 123 4567' });
    const notices = await newMail();
    const notice = notices.find((m) => m.to === 'one@example.test');
    expect(notice, JSON.stringify(notices.map((m) => m.to))).toBeDefined();
    // Colleague One reads Finnish.
    expect(notice?.subject).toContain('Sähköpostiosoitteesi');
    expect(notice?.text).toContain('one.new@example.test'.replace(/^(.).*@/, '$1…@'));
    expect(notices.some((m) => m.to === 'one.new@example.test')).toBe(false);

    // The reminder of the link sent before the change goes where the link went.
    await t.db.kysely
      .updateTable('checkins')
      .set({ sent_at: new Date(Date.now() - 10 * 86_400_000) })
      .where('person_id', '=', one)
      .where('status', '=', 'sent')
      .execute();
    expect(
      await sendCheckinReminders({
        system: systemRunner(t.db),
        config: t.config,
        clock: t.clock,
        cipher: new DataCipher(t.config.dataKey),
      }),
    ).toBeGreaterThan(0);
    const reminders = await newMail();
    expect(reminders.map((m) => m.to)).toContain('one@example.test');
    expect(reminders.map((m) => m.to)).not.toContain('one.new@example.test');
  });

  it('the person changes their own contact details, and only their own', async () => {
    const own = await participant.patch(`/api/people/${sup.participantPersonId}`, { phone: '+358 50 765 4321', locale: 'fi' });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ phone: '+358 50 765 4321', locale: 'fi' });
    const other = await participant.patch(`/api/people/${sup.otherPersonIds[1]}`, { email: 'mine@example.test' });
    expect([403, 404]).toContain(other.statusCode);
    expect((await personRow(sup.otherPersonIds[1] as string)).email).toBe('two@example.test');
  });
});
