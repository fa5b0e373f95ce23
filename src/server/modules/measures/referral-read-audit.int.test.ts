/**
 * Issue 9: a referral note read by page re-renders was audited five times within ten seconds. One
 * session reading the same note within a minute is one audited read; a read after the window is
 * another.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../kernel/clock.js';
import { DataCipher } from '../../kernel/crypto.js';
import { Client, seedWorld, startTestApp, type TestApp, testPassword, testTotpSecret, type World } from '../../testing/harness.js';
import { type SupervisionWorld, seedSupervision } from '../../testing/supervision.js';

const clock = new FixedClock(new Date('2026-11-10T09:00:00Z'));
let t: TestApp;
let world: World;
let sup: SupervisionWorld;
let practitioner: Client;

async function signedIn(email: string): Promise<Client> {
  const c = new Client(t.app);
  const res = await c.signIn(email, testPassword, testTotpSecret, clock);
  expect(res.statusCode).toBe(200);
  return c;
}

const tokenIn = (text: string) => /\/r\/([A-Za-z0-9_-]{20,})/.exec(text)?.[1] ?? null;

async function readEvents(alertId: string) {
  return t.db.kysely
    .selectFrom('audit_events')
    .select(['id', 'actor_user_id'])
    .where('action', '=', 'alert.referral_note.read')
    .where('entity_id', '=', alertId)
    .execute();
}

beforeAll(async () => {
  t = await startTestApp({ clock, config: { logLevel: 'error' } });
  const cipher = new DataCipher(t.config.dataKey);
  world = await seedWorld(t.db, cipher);
  sup = await seedSupervision(t.db, world, cipher);
  practitioner = await signedIn(world.users.practitioner.email);
});
afterAll(() => t.close());

describe('reading a referral note', () => {
  it('is audited once per session within a minute, and again after it', async () => {
    const sent = await practitioner.request('POST', `/api/processes/${sup.processId}/checkins`, {
      instrumentKey: 'phq9',
      personIds: [sup.otherPersonIds[0] as string],
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const mail = (await t.deliverMail()).find((m) => m.to === 'one@example.test');
    const token = tokenIn(mail?.text ?? '');
    const answers = { i1: 0, i2: 0, i3: 0, i4: 0, i5: 0, i6: 0, i7: 0, i8: 0, i9: 1 };
    expect((await new Client(t.app).request('POST', `/api/respond/${token}`, { answers })).statusCode).toBe(200);
    const id = (await practitioner.request('GET', '/api/alerts')).json().items[0].id as string;
    expect((await practitioner.request('POST', `/api/alerts/${id}/acknowledge`)).statusCode).toBe(200);
    const referral = await practitioner.request('POST', `/api/alerts/${id}/referral`, { note: 'Booked with a psychologist' });
    expect(referral.json()).toMatchObject({ referralNote: 'Booked with a psychologist' });
    expect(await readEvents(id)).toHaveLength(1);

    // Five re-renders within ten seconds: the note is read five times, recorded once.
    for (let i = 0; i < 5; i++) {
      clock.advance(2_000);
      const res = await practitioner.request('GET', `/api/alerts/${id}`);
      expect(res.json().referralNote).toBe('Booked with a psychologist');
    }
    expect(await readEvents(id)).toHaveLength(1);

    // After the window, a read is a new read.
    clock.advance(61_000);
    expect((await practitioner.request('GET', `/api/alerts/${id}`)).statusCode).toBe(200);
    expect(await readEvents(id)).toHaveLength(2);

    // Another session (another person) reading it is recorded on its own.
    const other = await signedIn(world.users.other_practitioner.email);
    if ((await other.request('GET', `/api/alerts/${id}`)).statusCode === 200) {
      const events = await readEvents(id);
      expect(events).toHaveLength(3);
      expect(events.filter((e) => e.actor_user_id === world.users.other_practitioner.id)).toHaveLength(1);
    }
  });
});
