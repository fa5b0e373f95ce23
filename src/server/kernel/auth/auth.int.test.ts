import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, seedWorld, startTestApp, type TestApp, testPassword, testTotpSecret, type World } from '../../testing/harness.js';
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

describe('sign-in', () => {
  it('signs a participant in with a password alone, in an httpOnly SameSite cookie', async () => {
    const c = new Client(t.app);
    const res = await c.post('/api/auth/sign-in', { email: world.users.participant.email, password: testPassword });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ stage: 'signed-in' });
    const cookie = res.cookies.find((k) => k.name === 'rinnalla_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const session = await c.get('/api/auth/session');
    expect(session.statusCode).toBe(200);
    expect(session.json().roles).toEqual(['participant']);
  });

  it('matches the address case-insensitively', async () => {
    const c = new Client(t.app);
    const res = await c.post('/api/auth/sign-in', { email: world.users.participant.email.toUpperCase(), password: testPassword });
    expect(res.json().stage).toBe('signed-in');
  });

  it('refuses a wrong password and an unknown address alike', async () => {
    const c = new Client(t.app);
    const wrong = await c.post('/api/auth/sign-in', { email: world.users.job_seeker.email, password: 'not the password' });
    const unknown = await c.post('/api/auth/sign-in', { email: 'nobody@example.test', password: 'not the password' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe(unknown.json().error.code);
  });

  it('locks an address out with a growing delay after repeated failures', async () => {
    const c = new Client(t.app);
    const email = world.users.peer_supporter.email;
    for (let i = 0; i < 5; i++) expect((await c.post('/api/auth/sign-in', { email, password: 'wrong-password-x' })).statusCode).toBe(401);
    const locked = await c.post('/api/auth/sign-in', { email, password: testPassword });
    expect(locked.statusCode).toBe(429);
    const first = Number(locked.headers['retry-after']);
    expect(first).toBeGreaterThan(0);
    clock.advance(first * 1000 + 1);
    expect((await c.post('/api/auth/sign-in', { email, password: 'wrong-password-x' })).statusCode).toBe(401);
    const again = await c.post('/api/auth/sign-in', { email, password: testPassword });
    expect(again.statusCode).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(first);
    clock.advance(16 * 60_000);
    expect((await c.post('/api/auth/sign-in', { email, password: testPassword })).statusCode).toBe(200);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const c = new Client(t.app);
    const res = await c.request(
      'POST',
      '/api/auth/sign-in',
      { email: world.users.participant.email, password: testPassword },
      { 'x-csrf-token': 'forged' },
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_invalid');
  });
});

describe('second factor', () => {
  it('asks staff for a TOTP code and lets nothing else through until it is given', async () => {
    const c = new Client(t.app);
    const res = await c.post('/api/auth/sign-in', { email: world.users.practitioner.email, password: testPassword });
    expect(res.json().stage).toBe('mfa-required');
    expect((await c.get('/api/members')).statusCode).toBe(401);
    expect((await c.get('/api/members')).json().error.code).toBe('second_factor_required');
    expect((await c.post('/api/auth/mfa/enrol/start')).statusCode).toBe(403);
    const bad = await c.post('/api/auth/mfa/verify', { code: '000000' });
    expect(bad.statusCode).toBe(401);
    const ok = await c.post('/api/auth/mfa/verify', { code: totpCodeAt(testTotpSecret, clock.now()) });
    expect(ok.statusCode).toBe(200);
    expect((await c.get('/api/members')).statusCode).toBe(200);
  });

  it('refuses a replayed code', async () => {
    clock.advance(60_000);
    const code = totpCodeAt(testTotpSecret, clock.now());
    const first = new Client(t.app);
    await first.post('/api/auth/sign-in', { email: world.users.municipal_expert.email, password: testPassword });
    expect((await first.post('/api/auth/mfa/verify', { code })).statusCode).toBe(200);
    const second = new Client(t.app);
    await second.post('/api/auth/sign-in', { email: world.users.municipal_expert.email, password: testPassword });
    expect((await second.post('/api/auth/mfa/verify', { code })).statusCode).toBe(401);
  });

  it('enrols a new staff member: QR and secret, confirm, ten single-use recovery codes', async () => {
    const cipherless = await t.db.kysely
      .updateTable('users')
      .set({ totp_secret: null, totp_enabled_at: null })
      .where('id', '=', world.users.other_tenant_admin.id)
      .returning('id')
      .executeTakeFirst();
    expect(cipherless).toBeTruthy();
    const c = new Client(t.app);
    const res = await c.post('/api/auth/sign-in', { email: world.users.other_tenant_admin.email, password: testPassword });
    expect(res.json().stage).toBe('mfa-enrolment-required');
    const start = await c.post('/api/auth/mfa/enrol/start');
    expect(start.statusCode).toBe(200);
    const { secret, qrDataUrl, otpauthUrl } = start.json();
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(otpauthUrl).toContain('otpauth://totp/');
    expect((await c.post('/api/auth/mfa/enrol/confirm', { code: '123' })).statusCode).toBe(400);
    const confirm = await c.post('/api/auth/mfa/enrol/confirm', { code: totpCodeAt(secret, clock.now()) });
    expect(confirm.statusCode).toBe(200);
    const codes: string[] = confirm.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    expect((await c.get('/api/auth/session')).json().stage).toBe('signed-in');

    const later = new Client(t.app);
    await later.post('/api/auth/sign-in', { email: world.users.other_tenant_admin.email, password: testPassword });
    expect((await later.post('/api/auth/mfa/verify', { code: codes[0] })).statusCode).toBe(200);
    const reuse = new Client(t.app);
    await reuse.post('/api/auth/sign-in', { email: world.users.other_tenant_admin.email, password: testPassword });
    expect((await reuse.post('/api/auth/mfa/verify', { code: codes[0] })).statusCode).toBe(401);
    // The secret is stored encrypted, never in the clear.
    const stored = await t.db.kysely
      .selectFrom('users')
      .select('totp_secret')
      .where('id', '=', world.users.other_tenant_admin.id)
      .executeTakeFirstOrThrow();
    expect(stored.totp_secret).not.toContain(secret);
    expect(stored.totp_secret).toMatch(/^v1\./);
  });
});

describe('sign-out', () => {
  it('ends this session, and sign-out-everywhere ends all of them', async () => {
    const a = new Client(t.app);
    const b = new Client(t.app);
    await a.signIn(world.users.client_contact.email);
    await b.signIn(world.users.client_contact.email);
    expect((await a.post('/api/auth/sign-out')).statusCode).toBe(204);
    expect((await a.get('/api/auth/session')).statusCode).toBe(401);
    expect((await b.get('/api/auth/session')).statusCode).toBe(200);
    const c = new Client(t.app);
    await c.signIn(world.users.client_contact.email);
    expect((await c.post('/api/auth/sign-out-everywhere')).statusCode).toBe(204);
    expect((await b.get('/api/auth/session')).statusCode).toBe(401);
    expect((await c.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('expires a session after its lifetime', async () => {
    const c = new Client(t.app);
    await c.signIn(world.users.job_seeker.email);
    expect((await c.get('/api/auth/session')).statusCode).toBe(200);
    clock.advance((t.config.sessionTtlHours + 1) * 3600_000);
    expect((await c.get('/api/auth/session')).statusCode).toBe(401);
  });
});

describe('password reset', () => {
  it('mails a single-use link that sets a new password and ends old sessions', async () => {
    const email = world.users.job_seeker.email;
    const old = new Client(t.app);
    await old.signIn(email);
    const c = new Client(t.app);
    expect((await c.post('/api/auth/password-reset/request', { email })).statusCode).toBe(202);
    expect((await c.post('/api/auth/password-reset/request', { email: 'nobody@example.test' })).statusCode).toBe(202);
    const sent = (await t.deliverMail()).filter((m) => m.to === email);
    expect(sent).toHaveLength(1);
    const token = /reset-password\?token=([\w-]+)/.exec(sent[0]!.text)?.[1];
    expect(token).toBeTruthy();
    expect((await c.post('/api/auth/password-reset/complete', { token, password: 'short' })).statusCode).toBe(400);
    expect((await c.post('/api/auth/password-reset/complete', { token, password: 'a brand new password' })).statusCode).toBe(204);
    expect((await c.post('/api/auth/password-reset/complete', { token, password: 'another new password' })).statusCode).toBe(422);
    expect((await old.get('/api/auth/session')).statusCode).toBe(401);
    expect((await new Client(t.app).post('/api/auth/sign-in', { email, password: testPassword })).statusCode).toBe(401);
    expect((await new Client(t.app).post('/api/auth/sign-in', { email, password: 'a brand new password' })).statusCode).toBe(200);
  });

  it('refuses an expired link', async () => {
    const email = world.users.participant.email;
    await new Client(t.app).post('/api/auth/password-reset/request', { email });
    const sent = (await t.deliverMail()).filter((m) => m.to === email);
    const token = /token=([\w-]+)/.exec(sent.at(-1)!.text)?.[1];
    clock.advance(2 * 3600_000);
    const res = await new Client(t.app).post('/api/auth/password-reset/complete', { token, password: 'a brand new password' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('invalid_token');
  });
});

describe('profile', () => {
  it('changes language and time zone, and refuses an unknown zone naming the field', async () => {
    const c = new Client(t.app);
    await c.signIn(world.users.client_contact.email);
    const ok = await c.patch('/api/me', { locale: 'sv', timeZone: 'Europe/Stockholm' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ locale: 'sv', timeZone: 'Europe/Stockholm' });
    const bad = await c.patch('/api/me', { timeZone: 'Mars/Olympus' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('timeZone');
  });
});
