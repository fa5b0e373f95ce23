import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  Client,
  seedWorld,
  startTestApp,
  type TestApp,
  testConfig,
  testPassword,
  testTotpSecret,
  type World,
} from '../../testing/harness.js';
import { FixedClock } from '../clock.js';
import { DataCipher } from '../crypto.js';
import { totpCodeAt } from './totp.js';

let t: TestApp;
let world: World;
const clock = new FixedClock(new Date('2026-11-23T10:00:00Z'));

beforeAll(async () => {
  t = await startTestApp({ clock });
  world = await seedWorld(t.db, new DataCipher(t.config.dataKey));
});
afterAll(() => t.close());

function cookiesOf(c: Client): Record<string, string> {
  return Object.fromEntries(
    c
      .cookieHeader()
      .split('; ')
      .filter(Boolean)
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );
}

const count = (values: number[], status: number) => values.filter((s) => s === status).length;

describe('second factor under concurrency (finding 5)', () => {
  it('lets exactly one of eight sessions in with the same code at the same time', async () => {
    clock.advance(5 * 60_000);
    const email = world.users.practitioner.email;
    const sessions: Client[] = [];
    for (let i = 0; i < 8; i++) {
      const c = new Client(t.app);
      const res = await c.post('/api/auth/sign-in', { email, password: testPassword });
      expect(res.json().stage).toBe('mfa-required');
      sessions.push(c);
    }
    const code = totpCodeAt(testTotpSecret, clock.now());
    const results = await Promise.all(sessions.map((c) => c.post('/api/auth/mfa/verify', { code })));
    const statuses = results.map((r) => r.statusCode);
    expect(count(statuses, 200), statuses.join(',')).toBe(1);
    expect(
      statuses.every((s) => s === 200 || s === 401 || s === 429),
      statuses.join(','),
    ).toBe(true);
    const through = await Promise.all(sessions.map((c) => c.get('/api/members')));
    expect(
      count(
        through.map((r) => r.statusCode),
        200,
      ),
    ).toBe(1);
  });
});

describe('lockout under concurrency (finding 6)', () => {
  it('evaluates at most the free attempts of 25 parallel wrong passwords for one address', async () => {
    const variants = ['racer@example.test', 'Racer@Example.test', 'RACER@example.test'];
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        new Client(t.app).post('/api/auth/sign-in', { email: variants[i % 3], password: 'wrong password here' }),
      ),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(count(statuses, 401), statuses.join(',')).toBeLessThanOrEqual(5);
    expect(count(statuses, 429), statuses.join(',')).toBeGreaterThanOrEqual(20);
  });

  it('shares the count between two app servers over one database', async () => {
    const second = await startTestApp({ db: t.db, clock });
    try {
      const email = world.users.other_practitioner.email;
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          new Client(i % 2 ? second.app : t.app).post('/api/auth/sign-in', { email, password: 'wrong password here' }),
        ),
      );
      const statuses = results.map((r) => r.statusCode);
      expect(count(statuses, 401), statuses.join(',')).toBeLessThanOrEqual(5);
      // Either server now refuses even the right password for this address.
      expect((await new Client(t.app).post('/api/auth/sign-in', { email, password: testPassword })).statusCode).toBe(429);
      expect((await new Client(second.app).post('/api/auth/sign-in', { email, password: testPassword })).statusCode).toBe(429);
      clock.advance(16 * 60_000);
      expect((await new Client(second.app).post('/api/auth/sign-in', { email, password: testPassword })).statusCode).toBe(200);
    } finally {
      await second.app.close();
    }
  });

  it('keeps no address in the clear in the throttle', async () => {
    await new Client(t.app).post('/api/auth/sign-in', { email: 'plain-text-check@example.test', password: 'wrong password here' });
    const rows = await t.db.kysely.selectFrom('sign_in_throttle').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('example.test');
  });
});

describe('CSRF (finding 7)', () => {
  it('checks the routed path, not the raw URL', async () => {
    for (const url of ['/%61pi/auth/sign-in', '/api/auth/%73ign-in', '/API/auth/sign-in', '/api//auth/sign-in']) {
      const res = await t.app.inject({ method: 'POST', url, payload: { email: world.users.participant.email, password: testPassword } });
      expect(res.statusCode, url).not.toBe(200);
      expect(
        res.cookies.find((k) => k.name === 'rinnalla_session'),
        url,
      ).toBeUndefined();
    }
    const res = await t.app.inject({
      method: 'POST',
      url: '/%61pi/auth/sign-in',
      payload: { email: world.users.participant.email, password: testPassword },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_invalid');
  });

  it("refuses an attacker's own cookie and token beside the victim's session", async () => {
    const attacker = new Client(t.app, 'attacker');
    const preToken = await attacker.csrfToken();
    const preCookie = cookiesOf(attacker).rinnalla_csrf;
    await attacker.signIn(world.users.client_contact.email);
    const signedToken = await attacker.csrfToken();
    const signedCookie = cookiesOf(attacker).rinnalla_csrf;

    const victim = new Client(t.app, 'victim');
    await victim.signIn(world.users.job_seeker.email);
    const victimSession = cookiesOf(victim).rinnalla_session;
    for (const [csrfCookie, token] of [
      [preCookie, preToken],
      [signedCookie, signedToken],
    ]) {
      const res = await t.app.inject({
        method: 'PATCH',
        url: '/api/me',
        headers: { cookie: `rinnalla_session=${victimSession}; rinnalla_csrf=${csrfCookie}`, 'x-csrf-token': token as string },
        payload: { name: 'Hijacked' },
      });
      expect(res.statusCode).toBe(403);
    }
    // The victim's own pair still works.
    expect((await victim.patch('/api/me', { name: 'Job Seeker' })).statusCode).toBe(200);
  });

  it('binds a token fetched before sign-in to the pre-session cookie, and a new one to the session', async () => {
    const c = new Client(t.app);
    const before = await c.csrfToken();
    const other = new Client(t.app);
    await other.csrfToken();
    // Someone else's pre-session cookie does not go with this token.
    const mixed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { cookie: `rinnalla_csrf=${cookiesOf(other).rinnalla_csrf}`, 'x-csrf-token': before },
      payload: { email: world.users.participant.email, password: testPassword },
    });
    expect(mixed.statusCode).toBe(403);
    expect((await c.post('/api/auth/sign-in', { email: world.users.participant.email, password: testPassword })).statusCode).toBe(200);
    // Once signed in, the pre-session token no longer passes; a fresh one does.
    expect((await c.request('PATCH', '/api/me', { name: 'Participant' }, { 'x-csrf-token': before })).statusCode).toBe(403);
    const fresh = await t.app.inject({ method: 'GET', url: '/api/auth/csrf', headers: { cookie: c.cookieHeader() } });
    const res = await c.request('PATCH', '/api/me', { name: 'Participant' }, { 'x-csrf-token': fresh.json().csrfToken });
    expect(res.statusCode).toBe(200);
  });
});

describe('sessions (finding 11)', () => {
  it('replaces the session token when the second factor is verified', async () => {
    clock.advance(60_000);
    const c = new Client(t.app);
    await c.post('/api/auth/sign-in', { email: world.users.municipal_expert.email, password: testPassword });
    const before = cookiesOf(c).rinnalla_session;
    const ok = await c.post('/api/auth/mfa/verify', { code: totpCodeAt(testTotpSecret, clock.now()) });
    expect(ok.statusCode).toBe(200);
    const after = cookiesOf(c).rinnalla_session;
    expect(after).toBeTruthy();
    expect(after).not.toBe(before);
    const old = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: `rinnalla_session=${before}` } });
    expect(old.statusCode).toBe(401);
    expect((await c.get('/api/auth/session')).json().stage).toBe('signed-in');
  });

  it('replaces the session token when a second factor is enrolled', async () => {
    await t.db.kysely
      .updateTable('users')
      .set({ totp_secret: null, totp_enabled_at: null })
      .where('id', '=', world.users.other_tenant_admin.id)
      .execute();
    const c = new Client(t.app);
    const res = await c.post('/api/auth/sign-in', { email: world.users.other_tenant_admin.email, password: testPassword });
    expect(res.json().stage).toBe('mfa-enrolment-required');
    const before = cookiesOf(c).rinnalla_session;
    const { secret } = (await c.post('/api/auth/mfa/enrol/start')).json();
    expect((await c.post('/api/auth/mfa/enrol/confirm', { code: totpCodeAt(secret, clock.now()) })).statusCode).toBe(200);
    expect(cookiesOf(c).rinnalla_session).not.toBe(before);
    const old = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: `rinnalla_session=${before}` } });
    expect(old.statusCode).toBe(401);
    expect((await c.get('/api/auth/session')).json().stage).toBe('signed-in');
  });

  it('replaces an enrolled second factor only with the account password, so a taken session cannot keep the account', async () => {
    const email = world.users.municipal_expert.email;
    const c = new Client(t.app);
    expect((await c.signIn(email, testPassword, testTotpSecret, clock)).statusCode).toBe(200);
    const { secret } = (await c.post('/api/auth/mfa/enrol/start')).json();
    const code = () => totpCodeAt(secret, clock.now());
    const bare = await c.post('/api/auth/mfa/enrol/confirm', { code: code() });
    expect(bare.statusCode).toBe(403);
    expect(bare.json().error.fields?.[0]?.path).toBe('currentPassword');
    const wrong = await c.post('/api/auth/mfa/enrol/confirm', { code: code(), currentPassword: 'not the password at all' });
    expect(wrong.statusCode).toBe(403);
    // The old factor still holds after both refusals.
    const again = new Client(t.app);
    expect((await again.signIn(email, testPassword, testTotpSecret, clock)).statusCode).toBe(200);
    const right = await c.post('/api/auth/mfa/enrol/confirm', { code: code(), currentPassword: testPassword });
    expect(right.statusCode).toBe(200);
    expect(right.json().recoveryCodes).toHaveLength(10);
  });

  it('ends a session after its absolute lifetime however active it is', async () => {
    expect(testConfig().sessionMaxHours).toBe(24);
    const c = new Client(t.app);
    await c.signIn(world.users.other_org_contact.email);
    for (let i = 0; i < 4; i++) {
      clock.advance(Math.floor(t.config.sessionTtlHours / 2) * 3600_000);
      expect((await c.get('/api/auth/session')).statusCode, `after ${i + 1} steps`).toBe(i < 3 ? 200 : 401);
    }
  });

  it('answers every /api request with Cache-Control: no-store', async () => {
    const c = new Client(t.app);
    await c.signIn(world.users.client_contact.email);
    const answers = [
      await c.get('/api/auth/session'),
      await c.get('/api/auth/csrf'),
      await new Client(t.app).get('/api/auth/session'),
      await c.get('/api/no-such-route'),
      await c.get('/%61pi/auth/session'),
      await c.post('/api/auth/sign-in', { email: 'x' }),
    ];
    for (const res of answers) expect(res.headers['cache-control'], `${res.statusCode} ${res.body.slice(0, 60)}`).toBe('no-store');
  });
});

describe('password reset (finding 11)', () => {
  it('answers a known and an unknown address after the same work, and mails only the known one', async () => {
    const background = t.app.kernel.background;
    const held: (() => Promise<void>)[] = [];
    const spy = vi.spyOn(background, 'run').mockImplementation((_name, task) => {
      held.push(task);
    });
    const resets = async () => (await t.db.kysely.selectFrom('password_resets').select('id').execute()).length;
    const outbox = async () => (await t.db.kysely.selectFrom('mail_outbox').select('id').execute()).length;
    const before = { resets: await resets(), outbox: await outbox() };
    try {
      const known = await new Client(t.app).post('/api/auth/password-reset/request', { email: world.users.peer_supporter.email });
      const unknown = await new Client(t.app).post('/api/auth/password-reset/request', { email: 'nobody-at-all@example.test' });
      expect([known.statusCode, unknown.statusCode]).toEqual([202, 202]);
      expect(known.body).toBe(unknown.body);
      // Each answer only handed one task over; nothing that depends on the address ran before it.
      expect(spy.mock.calls.map((call) => call[0])).toEqual(['password-reset', 'password-reset']);
      expect({ resets: await resets(), outbox: await outbox() }).toEqual(before);
    } finally {
      spy.mockRestore();
    }
    for (const task of held) await task();
    expect(await resets()).toBe(before.resets + 1);
    const sent = await t.deliverMail();
    expect(sent.filter((m) => m.to === 'nobody-at-all@example.test')).toHaveLength(0);
    expect(sent.filter((m) => m.to === world.users.peer_supporter.email)).toHaveLength(1);
  });
});
