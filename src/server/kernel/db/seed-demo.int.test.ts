import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAlerts } from '../../modules/measures/use-cases/follow-up.js';
import { invoicing } from '../../modules/processes/use-cases/invoicing.js';
import { Client, startTestApp, type TestApp } from '../../testing/harness.js';
import { Repository } from '../access/repository.js';
import { FixedClock } from '../clock.js';
import { DataCipher } from '../crypto.js';
import { demoUser } from './demo-history.js';
import { demoPassword, seedDemo } from './seed-demo.js';

// Issue 9, item 11: `seed-demo` on a fresh database leaves a history the management views show,
// made by the modules' own use cases, and the state the browser journeys start from.

// A fixed "now" mid-month, so the months the aggregates show do not depend on the day the test runs.
const now = new Date('2026-11-18T09:00:00Z');
let t: TestApp;
let providerId: string;
let careHome: string;
const ids = async (email: string) =>
  (await t.db.kysely.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
const as = async (email: string) => ({
  repo: new Repository(t.db.kysely, await demoUser(t.db.kysely, providerId, await ids(email))),
  clock: new FixedClock(now),
  cipher: new DataCipher(t.config.dataKey),
  config: t.config,
});

beforeAll(async () => {
  t = await startTestApp({ clock: new FixedClock(now) });
  const started = Date.now();
  expect((await seedDemo(t.db.kysely, t.config, { now })).created).toBe(true);
  // Every browser journey starts a server that seeds: it must stay quick.
  expect(Date.now() - started).toBeLessThan(60_000);
  providerId = (await t.db.kysely.selectFrom('providers').select('id').where('slug', '=', 'tukiranta-demo').executeTakeFirstOrThrow()).id;
  careHome = (await t.db.kysely.selectFrom('organisations').select('id').where('name', '=', 'Hoivakoti Kaisla').executeTakeFirstOrThrow())
    .id;
}, 180_000);
afterAll(async () => t?.close());

describe('the demo provider (seed-demo)', () => {
  it('is seeded once', async () => {
    expect((await seedDemo(t.db.kysely, t.config, { now })).created).toBe(false);
    expect(await t.db.kysely.selectFrom('providers').select('id').where('slug', '=', 'tukiranta-demo').execute()).toHaveLength(1);
  });

  it('shows the HR contact closed months of WHO-5 with at least five respondents, and one month with too few', async () => {
    const hr = new Client(t.app, 'hr');
    expect((await hr.signIn('hr@demo.rinnalla.test', demoPassword)).statusCode).toBe(200);
    const res = await hr.get(`/api/measures/aggregates?organisationId=${careHome}`);
    expect(res.statusCode).toBe(200);
    const who5 = res.json().items.find((i: { instrumentKey: string }) => i.instrumentKey === 'who5');
    const shown = who5.months.filter((m: { shown: boolean }) => m.shown);
    expect(shown.length).toBeGreaterThanOrEqual(4);
    for (const m of shown) expect(m.respondents).toBeGreaterThanOrEqual(5);
    expect(who5.months.some((m: { reason: string | null }) => m.reason === 'too_few')).toBe(true);
    // The latest closed month is among them.
    expect(shown.map((m: { month: string }) => m.month)).toContain('2026-10');
    // The HR contact sees their organisation's one process.
    const processes = await hr.get('/api/processes');
    expect(processes.statusCode).toBe(200);
    expect(JSON.stringify(processes.json())).toContain('Yövuoron ryhmätyönohjaus / Night shift group supervision');
    expect(JSON.stringify(processes.json())).not.toContain('Kundtjänstens');
  });

  it('leaves the practitioner one open alert (not urgent), from the latest month', async () => {
    const open = await listAlerts(await as('supervisor@demo.rinnalla.test'), 'open');
    expect(open.items).toHaveLength(1);
    expect(open.items[0]).toMatchObject({ level: 'normal', status: 'open' });
  });

  it('gives the office an invoicing basis with lines for each month of the year', async () => {
    const admin = await as('admin@demo.rinnalla.test');
    const basis = await invoicing(admin, careHome, '2026-10');
    expect(basis.rows.length).toBeGreaterThanOrEqual(1);
    expect(basis.totalCents).toBeGreaterThan(0);
    const insurer = (
      await t.db.kysely
        .selectFrom('organisations')
        .select('id')
        .where('name', '=', 'Vakuutus Aalto, asiakaspalvelu')
        .executeTakeFirstOrThrow()
    ).id;
    const crisisMonth = await invoicing(admin, insurer, '2026-06');
    expect(crisisMonth.rows.length).toBeGreaterThanOrEqual(1);
  });

  it('keeps what the journeys start from: two meetings ahead, the latest held one without a note, no mail queued', async () => {
    const k = t.db.kysely;
    const group = await k
      .selectFrom('processes')
      .select(['id', 'status'])
      .where('title', '=', 'Yövuoron ryhmätyönohjaus / Night shift group supervision')
      .executeTakeFirstOrThrow();
    expect(group.status).toBe('active');
    const meetings = await k
      .selectFrom('meetings')
      .select(['id', 'starts_at', 'status'])
      .where('process_id', '=', group.id)
      .orderBy('starts_at', 'desc')
      .execute();
    const ahead = meetings.filter((m) => new Date(m.starts_at) > now);
    expect(ahead.map((m) => m.status)).toEqual(['planned', 'planned']);
    const nextWeek = new Date(ahead[1]!.starts_at).getTime() - now.getTime();
    expect(nextWeek).toBeGreaterThan(3 * 86_400_000);
    expect(nextWeek).toBeLessThan(8 * 86_400_000);
    const held = meetings.filter((m) => new Date(m.starts_at) < now);
    expect(held.length).toBe(12);
    expect(held.every((m) => m.status === 'held')).toBe(true);
    const notes = await k.selectFrom('meeting_notes').select('meeting_id').execute();
    expect(notes.map((n) => n.meeting_id)).not.toContain(held[0]!.id);
    const names = await k.selectFrom('people').select('name').where('organisation_id', '=', careHome).execute();
    for (const name of ['Emma Employee', 'Noora Nurse', 'Sven Sjöskötare', 'Liisa Lähihoitaja'])
      expect(names.map((n) => n.name)).toContain(name);
    // A crisis continued as ordinary supervision, at the other organisation.
    const continued = await k
      .selectFrom('processes')
      .select(['status', 'continued_from_id'])
      .where('continued_from_id', 'is not', null)
      .execute();
    expect(continued).toEqual([{ status: 'active', continued_from_id: expect.any(String) }]);
    expect(await k.selectFrom('mail_outbox').select('id').where('provider_id', '=', providerId).execute()).toEqual([]);
    expect(await k.selectFrom('requests').select('id').execute()).toEqual([]);
  });
});
