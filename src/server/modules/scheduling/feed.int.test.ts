import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schedulingLimits } from '../../../shared/scheduling.js';
import { DataCipher } from '../../kernel/crypto.js';
import { Client, seedWorld, startTestApp, type TestApp, type World } from '../../testing/harness.js';
import { seedSupervision } from '../../testing/supervision.js';

// Issue 9, item 5: the calendar feed's state told truthfully. Its address is shown once (only a
// hash is kept), so after a reload the owner must still learn that a feed is active, since when,
// and whether a calendar app reads it; making a new address must kill the old one.

/** The app's clock: the wall clock, moved forward by `ahead` when a test needs time to pass. */
const clock = { ahead: 0, now: () => new Date(Date.now() + clock.ahead) };
const limit = 5;

let t: TestApp;
let world: World;
let me: Client;

beforeAll(async () => {
  // A small per-address limit so the 429 is reachable; sign-in shares the setting, and signs in once.
  t = await startTestApp({ clock, config: { authRateLimitPerMinute: limit } });
  const cipher = new DataCipher(t.config.dataKey);
  world = await seedWorld(t.db, cipher);
  await seedSupervision(t.db, world, cipher);
  me = new Client(t.app, 'practitioner');
  expect((await me.signIn(world.users.practitioner.email)).statusCode).toBe(200);
});
afterAll(() => t.close());

const pathOf = (url: string) => new URL(url).pathname;
const fetches = async () =>
  t.db.kysely
    .selectFrom('audit_events')
    .select(['entity_id', 'ip', 'user_agent', 'details'])
    .where('action', '=', 'calendar_feed.fetch')
    .execute();

/** A browser reload: a new client, a new session, nothing remembered from the answer that made the feed. */
async function reloaded(): Promise<Client> {
  const c = new Client(t.app, 'practitioner again');
  expect((await c.signIn(world.users.practitioner.email)).statusCode).toBe(200);
  return c;
}

describe('the calendar feed’s state', () => {
  let path: string;

  it('is active with its creation time after a reload, though the address is not shown again', async () => {
    expect((await me.get('/api/me/calendar-feed')).json()).toEqual({ url: null, active: false, createdAt: null, lastFetchedAt: null });
    const before = Date.now();
    const made = await me.post('/api/me/calendar-feed');
    expect(made.statusCode, made.body).toBe(200);
    path = pathOf(made.json().url);
    const status = (await (await reloaded()).get('/api/me/calendar-feed')).json();
    expect(status).toMatchObject({ url: null, active: true, lastFetchedAt: null });
    expect(Date.parse(status.createdAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(status.createdAt)).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('records a calendar app’s read once per window, with where it came from', async () => {
    const app = new Client(t.app, 'calendar app');
    const read = await app.request('GET', path, undefined, { 'user-agent': 'Google-Calendar-Importer' });
    expect(read.statusCode).toBe(200);
    const first = (await me.get('/api/me/calendar-feed')).json();
    expect(first.lastFetchedAt).not.toBeNull();
    expect(Math.abs(Date.parse(first.lastFetchedAt) - Date.now())).toBeLessThan(60_000);
    const noted = await fetches();
    expect(noted).toHaveLength(1);
    expect(noted[0]).toMatchObject({ user_agent: 'Google-Calendar-Importer', details: { actor: 'system:calendar-feed' } });
    expect(noted[0]!.ip).toBeTruthy();

    // Polled again within the window: served, not written.
    expect((await app.get(path)).statusCode).toBe(200);
    expect(await fetches()).toHaveLength(1);
    expect((await me.get('/api/me/calendar-feed')).json().lastFetchedAt).toBe(first.lastFetchedAt);

    // After the window: noted again.
    clock.ahead = (schedulingLimits.feedFetchRecordMinutes + 1) * 60_000;
    try {
      expect((await app.get(path)).statusCode).toBe(200);
      expect(await fetches()).toHaveLength(2);
      const later = (await me.get('/api/me/calendar-feed')).json().lastFetchedAt;
      expect(Date.parse(later)).toBeGreaterThan(Date.parse(first.lastFetchedAt));
    } finally {
      clock.ahead = 0;
    }
  });

  it('rotating kills the old address at once and starts the state afresh', async () => {
    const anonymous = new Client(t.app);
    const rotated = await me.post('/api/me/calendar-feed');
    expect(rotated.statusCode).toBe(200);
    const fresh = pathOf(rotated.json().url);
    expect(fresh).not.toBe(path);
    expect((await anonymous.get(path)).statusCode).toBe(404);
    expect((await me.get('/api/me/calendar-feed')).json()).toMatchObject({ active: true, lastFetchedAt: null });
    expect((await anonymous.get(fresh)).statusCode).toBe(200);
    path = fresh;
  });

  it('answers 429 past the limit per address; another address from the same IP is still served; revoking kills it', async () => {
    const app = new Client(t.app, 'busy app');
    const codes: number[] = [];
    for (let i = 0; i < limit; i++) codes.push((await app.get(path)).statusCode);
    expect(codes).toContain(429);
    const refused = await app.get(path);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json().error.code).toBe('rate_limited');

    const next = pathOf((await me.post('/api/me/calendar-feed')).json().url);
    expect((await app.get(next)).statusCode).toBe(200);
    expect((await me.delete('/api/me/calendar-feed')).statusCode).toBe(204);
    expect((await app.get(next)).statusCode).toBe(404);
    expect((await me.get('/api/me/calendar-feed')).json()).toEqual({ url: null, active: false, createdAt: null, lastFetchedAt: null });
  });
});
