/**
 * What a copy of the database gives away (issue 7, finding 2): drafts and crisis descriptions are
 * sealed, no delivered mail keeps its body, and no column holds a check-in link or anything a
 * link can be rebuilt from. Each test reads the raw rows through the test's own handle.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendCheckinReminders } from '../../modules/measures/jobs.js';
import { Client, seedWorld, startTestApp, type TestApp, testPassword, testTotpSecret, type World } from '../../testing/harness.js';
import { type SupervisionWorld, seedSupervision } from '../../testing/supervision.js';
import { systemRunner } from '../access/system.js';
import { FixedClock } from '../clock.js';
import { DataCipher } from '../crypto.js';
import { sealLegacyPlaintext } from './seal-legacy.js';

const DAY = 86_400_000;
const clock = new FixedClock(new Date('2026-11-10T09:00:00Z'));
let t: TestApp;
let world: World;
let sup: SupervisionWorld;
let cipher: DataCipher;
const anonymous = () => new Client(t.app);

async function practitioner(): Promise<Client> {
  const c = new Client(t.app);
  expect((await c.signIn(world.users.practitioner.email, testPassword, testTotpSecret, clock)).statusCode).toBe(200);
  return c;
}

const tokenIn = (text: string) => /\/r\/([A-Za-z0-9_-]{20,})/.exec(text)?.[1] ?? null;

/** Every row of the tables that could hold what a database copy must not give away, as text. */
async function rawDump(): Promise<string> {
  const k = t.db.kysely;
  const tables = ['checkins', 'responses', 'requests', 'mail_outbox', 'audit_events'] as const;
  const parts: string[] = [];
  for (const table of tables) parts.push(JSON.stringify(await k.selectFrom(table).selectAll().execute()));
  return parts.join('\n');
}

beforeAll(async () => {
  t = await startTestApp({ clock, config: { logLevel: 'error' } });
  cipher = new DataCipher(t.config.dataKey);
  world = await seedWorld(t.db, cipher);
  sup = await seedSupervision(t.db, world, cipher);
  await t.deliverMail();
});
afterAll(() => t.close());

describe('check-ins at rest', () => {
  it('keeps no link, token or draft in plain text; the reminder carries a fresh link and the first keeps working', async () => {
    const me = await practitioner();
    const sent = await me.request('POST', `/api/processes/${sup.processId}/checkins`, {
      instrumentKey: 'session_feedback',
      personIds: [sup.otherPersonIds[0]],
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const before = t.mail.sent.length;
    const mails = (await t.deliverMail()).slice(before);
    const token = tokenIn(mails.find((m) => m.to === 'one@example.test')?.text ?? '') as string;
    expect(token).toBeTruthy();

    const draftText = 'Sleeping badly since the night shift incident';
    const draft = await anonymous().request('PUT', `/api/respond/${token}/draft`, { answers: { i1: 3, comment: draftText } });
    expect(draft.statusCode, draft.body).toBe(200);
    expect((await anonymous().get(`/api/respond/${token}`)).json().draft).toEqual({ i1: 3, comment: draftText });

    let dump = await rawDump();
    expect(dump).not.toContain(token);
    expect(dump).not.toContain('Sleeping badly');
    expect(dump).not.toContain('/r/');

    clock.advance(3 * DAY + 60_000);
    expect(await sendCheckinReminders({ system: systemRunner(t.db), config: t.config, clock, cipher })).toBeGreaterThan(0);
    const afterFirst = t.mail.sent.length;
    const reminder = (await t.deliverMail()).slice(afterFirst).find((m) => m.to === 'one@example.test');
    const fresh = tokenIn(reminder?.text ?? '') as string;
    expect(fresh).toBeTruthy();
    expect(fresh).not.toBe(token);
    dump = await rawDump();
    expect(dump).not.toContain(fresh);
    expect(dump).not.toContain(token);

    // Both links name the same check-in, with its draft.
    expect((await anonymous().get(`/api/respond/${token}`)).json().draft).toEqual({ i1: 3, comment: draftText });
    expect((await anonymous().get(`/api/respond/${fresh}`)).json().draft).toEqual({ i1: 3, comment: draftText });
    const answered = await anonymous().request('POST', `/api/respond/${fresh}`, {
      answers: { i1: 8, i2: 7, i3: 9, i4: 8, comment: draftText },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect((await anonymous().get(`/api/respond/${token}`)).statusCode).toBe(409);
    expect(await rawDump()).not.toContain('Sleeping badly');
  });
});

describe('requests at rest', () => {
  it('seals the description of a crisis and shows it to the staff', async () => {
    const message = 'Our colleague was assaulted on the stairs tonight';
    const res = await anonymous().post('/api/public/providers/provider-a/requests', {
      kind: 'crisis',
      serviceKind: 'crisis_group',
      organisationName: 'Sealed Oy',
      contactName: 'Sanna Sealed',
      contactEmail: 'sanna@example.test',
      eventType: 'violence_or_threat',
      preferredLocale: 'fi',
      message,
      consent: true,
      elapsedMs: 40_000,
    });
    expect(res.statusCode, res.body).toBe(202);
    await t.deliverMail();
    const row = await t.db.kysely.selectFrom('requests').selectAll().where('organisation_name', '=', 'Sealed Oy').executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('assaulted');
    expect(await rawDump()).not.toContain('assaulted');
    const me = await practitioner();
    expect((await me.get(`/api/requests/${row.id}`)).json().message).toBe(message);
    expect((await me.get('/api/requests')).json().items.find((r: { id: string }) => r.id === row.id)?.message).toBe(message);
  });
});

describe('rows written before sealing', () => {
  it('reads legacy plain text, and the start-up pass seals it and clears the plain column', async () => {
    const k = t.db.kysely;
    const checkin = await k.selectFrom('checkins').select('id').executeTakeFirstOrThrow();
    await sql`update checkins set draft = ${JSON.stringify({ comment: 'legacy draft words' })}::jsonb, draft_sealed = null where id = ${checkin.id}`.execute(
      k,
    );
    // The seeded request was written as a plain message, as every request before this change was.
    const me = await practitioner();
    expect((await me.get(`/api/requests/${sup.requestId}`)).json().message).toContain('knife');

    await sealLegacyPlaintext(k, cipher);
    const dump = await rawDump();
    expect(dump).not.toContain('legacy draft words');
    expect(dump).not.toContain('knife');
    const sealedCheckin = await k
      .selectFrom('checkins')
      .select(['draft', 'draft_sealed'])
      .where('id', '=', checkin.id)
      .executeTakeFirstOrThrow();
    expect(sealedCheckin.draft).toBeNull();
    expect(JSON.parse(cipher.decrypt(sealedCheckin.draft_sealed as string, `checkin-draft:${checkin.id}`))).toEqual({
      comment: 'legacy draft words',
    });
    expect((await me.get(`/api/requests/${sup.requestId}`)).json().message).toContain('knife');
    // A second pass finds nothing left to do.
    expect(await sealLegacyPlaintext(k, cipher)).toEqual({ drafts: 0, messages: 0 });
  });
});
