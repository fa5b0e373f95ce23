/**
 * No secret in any log line (issue 7, finding 9): a whole run — sign-in with the second factor, a
 * calendar feed made and fetched, a check-in sent, opened, drafted and answered (and a mistyped
 * link), an invitation accepted, a password reset asked for and used — is logged at debug level,
 * and the log is searched for every secret the run created or used.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  memoryLog,
  seedWorld,
  startTestApp,
  type TestApp,
  testPassword,
  testTotpSecret,
  type World,
} from '../../testing/harness.js';
import { type SupervisionWorld, seedSupervision } from '../../testing/supervision.js';
import { totpCodeAt } from '../auth/totp.js';
import { DataCipher } from '../crypto.js';

let t: TestApp;
let world: World;
let sup: SupervisionWorld;
const log = memoryLog();
/** Every secret the run handles, named for the failure message. */
const secrets = new Map<string, string>();
const remember = (name: string, value: string | null | undefined) => {
  expect(value, name).toBeTruthy();
  secrets.set(name, value as string);
};
const codes = new Set<string>();

/** A sign-in that records the codes of the steps around it and the cookies and CSRF token it ends with. */
async function signIn(client: Client, email: string, password = testPassword, label = email): Promise<void> {
  const now = Date.now();
  for (const d of [-30_000, 0, 30_000]) codes.add(totpCodeAt(testTotpSecret, new Date(now + d)));
  const res = await client.signIn(email, password);
  expect(res.statusCode, res.body).toBe(200);
  remembered(client, label);
}

function remembered(client: Client, label: string) {
  for (const [i, part] of client.cookieHeader().split('; ').entries()) {
    const value = part.slice(part.indexOf('=') + 1);
    remember(`${label} cookie ${i}`, value);
    // A signed cookie is value.signature: the value alone is the credential.
    const bare = decodeURIComponent(value).split('.')[0];
    if (bare && bare.length >= 16) remember(`${label} cookie ${i} (unsigned part)`, bare);
  }
}

const newMail = async (to: string) => (await t.deliverMail()).filter((m) => m.to === to).at(-1)?.text ?? '';

beforeAll(async () => {
  t = await startTestApp({ logStream: log.stream, config: { logLevel: 'debug' } });
  const cipher = new DataCipher(t.config.dataKey);
  world = await seedWorld(t.db, cipher);
  sup = await seedSupervision(t.db, world, cipher);
  remember('password', testPassword);
  remember('totp secret', testTotpSecret);
  remember('session secret', t.config.sessionSecret);
  remember('data key', t.config.dataKey.toString('base64'));
});
afterAll(() => t.close());

describe('the log of a whole run', () => {
  it('names no token, feed secret, password, code, cookie or CSRF token', async () => {
    const practitioner = new Client(t.app);
    await signIn(practitioner, world.users.practitioner.email);
    remember('practitioner csrf', await practitioner.csrfToken());

    // The calendar feed: made, fetched, and fetched with a typo.
    const feedUrl = (await practitioner.post('/api/me/calendar-feed')).json().url as string;
    const feedPath = new URL(feedUrl).pathname;
    remember('feed secret', feedPath.slice('/calendar/'.length, -'.ics'.length));
    expect((await new Client(t.app).get(feedPath)).statusCode).toBe(200);
    await new Client(t.app).get(`${feedPath}x`);
    await new Client(t.app).get(`${feedPath}?nocache=1`);

    // A check-in: sent, opened, drafted, answered; the link mistyped and reused.
    const sent = await practitioner.post(`/api/processes/${sup.processId}/checkins`, {
      instrumentKey: 'session_feedback',
      personIds: [sup.otherPersonIds[0]],
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const link = /\/r\/([A-Za-z0-9_-]{20,})/.exec(await newMail('one@example.test'))?.[1];
    remember('check-in token', link);
    const respondent = new Client(t.app);
    expect((await respondent.get(`/api/respond/${link}`)).statusCode).toBe(200);
    expect((await respondent.request('PUT', `/api/respond/${link}/draft`, { answers: { i1: 3 } })).statusCode).toBe(200);
    expect((await respondent.post(`/api/respond/${link}`, { answers: { i1: 8, i2: 7, i3: 9, i4: 8 } })).statusCode).toBe(200);
    await respondent.post(`/api/respond/${link}`, { answers: { i1: 8 } });
    await respondent.get(`/api/respond/${link}/nothing-here`);
    await respondent.get(`/r/${link}`);

    // An invitation, accepted with a password of the invitee's choosing, then the second factor enrolled.
    const admin = new Client(t.app);
    await signIn(admin, world.users.provider_admin.email);
    remember('admin csrf', await admin.csrfToken());
    expect((await admin.post('/api/invitations', { email: 'logged.newcomer@example.test', role: 'practitioner' })).statusCode).toBe(201);
    const invitation = /token=([\w-]+)/.exec(await newMail('logged.newcomer@example.test'))?.[1];
    remember('invitation token', invitation);
    const newcomer = new Client(t.app);
    expect((await newcomer.get(`/api/invitations/by-token/${invitation}`)).statusCode).toBe(200);
    remember('invitee password', 'newcomer chose this long password');
    const accepted = await newcomer.post(`/api/invitations/by-token/${invitation}/accept`, {
      name: 'Newcomer',
      password: 'newcomer chose this long password',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const { secret } = (await newcomer.post('/api/auth/mfa/enrol/start')).json();
    remember('enrolled totp secret', secret);
    const enrolCode = totpCodeAt(secret, new Date());
    codes.add(enrolCode);
    expect((await newcomer.post('/api/auth/mfa/enrol/confirm', { code: enrolCode })).statusCode).toBe(200);
    remembered(newcomer, 'newcomer');
    remember('newcomer csrf', await newcomer.csrfToken());

    // A password reset asked for and used; the used link tried again.
    const forgetful = new Client(t.app);
    expect((await forgetful.post('/api/auth/password-reset/request', { email: world.users.job_seeker.email })).statusCode).toBe(202);
    const reset = /token=([\w-]+)/.exec(await newMail(world.users.job_seeker.email))?.[1];
    remember('reset token', reset);
    remember('reset password', 'the reset gave me this password');
    expect(
      (await forgetful.post('/api/auth/password-reset/complete', { token: reset, password: 'the reset gave me this password' })).statusCode,
    ).toBe(204);
    await forgetful.post('/api/auth/password-reset/complete', { token: reset, password: 'the reset gave me this password' });
    await signIn(new Client(t.app), world.users.job_seeker.email, 'the reset gave me this password', 'job seeker');
    // A wrong password and a wrong code are logged as failures, never with what was tried.
    await new Client(t.app).post('/api/auth/sign-in', { email: world.users.practitioner.email, password: 'a wrong guess of a password' });
    remember('wrong password', 'a wrong guess of a password');

    const text = log.text();
    const found = [...secrets].filter(([, value]) => text.includes(value)).map(([name]) => name);
    expect(found).toEqual([]);
    // The run was logged (one line per request and its answer), with the route shapes kept.
    expect(text).toContain('"reqId"');
    expect(text).toContain('/calendar/[token].ics');
    expect(text).toContain('/api/respond/[token]/draft');
    const lines = text.split('\n');
    const leakedCodes = [...codes].filter((code) =>
      lines.some((l) => new RegExp(`(?<![0-9])${code}(?![0-9])`).test(l.replace(/"time":\d+/, ''))),
    );
    expect(leakedCodes).toEqual([]);
  });
});
