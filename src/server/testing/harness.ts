import { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { buildApp } from '../app.js';
import { hashPassword } from '../kernel/auth/passwords.js';
import { totpCodeAt } from '../kernel/auth/totp.js';
import { type Clock, systemClock } from '../kernel/clock.js';
import { type Config, loadConfig } from '../kernel/config.js';
import type { DataCipher } from '../kernel/crypto.js';
import type { Db } from '../kernel/db/database.js';
import type { Database } from '../kernel/db/schema.js';
import { Contract } from '../kernel/http/contract.js';
import { deliverDueMail, type MailTransport } from '../kernel/mail/mailer.js';
import type { Role } from '../kernel/roles.js';
import { freshDatabase, type TestDb } from './database.js';

export const testPassword = 'correct horse battery staple';
export const testTotpSecret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

export interface SentMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  attachments?: { filename: string; contentType: string; content: string }[] | undefined;
}

/** Replaces SMTP, the only part of the outside world the kernel talks to. */
export class RecordingTransport implements MailTransport {
  sent: SentMail[] = [];
  async send(mail: SentMail): Promise<void> {
    this.sent.push(mail);
  }
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig({
    RINNALLA_ENV: 'test',
    DATA_KEY: Buffer.alloc(32, 7).toString('base64'),
    SESSION_SECRET: 'test-session-secret-that-is-long-enough-0123456789',
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://rinnalla.test',
    JOBS: 'off',
    RATE_LIMIT_PER_MINUTE: '100000',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
  });
  return { ...base, ...overrides };
}

/** The database behind each test app, so a test client can clear TOTP replay state between its own sign-ins. */
const databases = new WeakMap<FastifyInstance, Db>();

export interface TestApp {
  app: FastifyInstance;
  /** The app's connection (`kysely`, the non-owner role on PostgreSQL) and the owner's (`owner`). */
  db: TestDb;
  config: Config;
  mail: RecordingTransport;
  clock: Clock;
  /** Runs the delivery job once and returns everything delivered so far. */
  deliverMail(): Promise<SentMail[]>;
  /**
   * Runs `fn` with the contract check off, for a test that breaks the server on purpose (its
   * database taken away): the only way past the check, and it says why.
   */
  withoutContractCheck<T>(reason: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** An answer the OpenAPI document does not declare (see kernel/http/contract.ts). */
export class ContractViolation extends Error {
  override name = 'ContractViolation';
  constructor(
    message: string,
    /** The answer itself, for a test that reports more about it (e.g. the server's log line). */
    readonly response: LightMyRequestResponse,
  ) {
    super(message);
  }
}

/**
 * Every answer a test sees through `app.inject` (and so through every Client) is checked against
 * the app's own OpenAPI document: its status declared for the operation, its body valid against
 * the declared schema. A mismatch fails the test that made the request.
 */
function checkEveryAnswer(app: FastifyInstance): { off: (reason: string) => () => void } {
  const contract = Contract.of(app);
  const inject = app.inject.bind(app);
  let suspended = 0;
  const checked = async (opts: InjectOptions | string): Promise<LightMyRequestResponse> => {
    const options: InjectOptions = typeof opts === 'string' ? { url: opts } : opts;
    const res = await inject(options);
    if (suspended) return res;
    // The URL as the server received it (dot segments already resolved, as a browser would).
    const asked = options.url ?? options.path ?? '/';
    const url = res.raw?.req?.url ?? (typeof asked === 'string' ? asked : `${asked.pathname ?? '/'}`);
    const problem = contract.check(String(options.method ?? 'GET'), url, {
      statusCode: res.statusCode,
      headers: res.headers,
      body: res.body,
    });
    if (problem) throw new ContractViolation(`The answer breaks the OpenAPI document: ${problem}`, res);
    return res;
  };
  (app as unknown as { inject: unknown }).inject = (opts?: InjectOptions | string, callback?: unknown) => {
    if (opts === undefined || callback !== undefined) {
      throw new Error('Tests call app.inject(options) and await it, so the contract check sees every answer');
    }
    return checked(opts);
  };
  return {
    off: (reason: string) => {
      if (!reason.trim()) throw new Error('withoutContractCheck needs a reason');
      suspended++;
      return () => {
        suspended--;
      };
    },
  };
}

export async function startTestApp(
  opts: { config?: Partial<Config>; clock?: Clock; logStream?: NodeJS.WritableStream; db?: TestDb } = {},
): Promise<TestApp> {
  const db = opts.db ?? (await freshDatabase());
  const config = testConfig(opts.config);
  const mail = new RecordingTransport();
  const clock = opts.clock ?? systemClock;
  const app = await buildApp({ config, db, clock, mailTransport: mail, logStream: opts.logStream, webRoot: '/nonexistent' });
  await app.ready();
  databases.set(app, db);
  const contract = checkEveryAnswer(app);
  return {
    app,
    db,
    config,
    mail,
    clock,
    async deliverMail() {
      // Password-reset mail is enqueued after the answer (see requestPasswordReset).
      await app.kernel.background.idle();
      await deliverDueMail(db.kysely, mail, config.mailFrom, clock);
      return mail.sent;
    },
    async withoutContractCheck(reason, fn) {
      const on = contract.off(reason);
      try {
        return await fn();
      } finally {
        on();
      }
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}

/** Collects log lines in memory to prove what is and is not written to them. */
export function memoryLog(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  return {
    stream: new Writable({
      write(chunk, _enc, done) {
        chunks.push(String(chunk));
        done();
      },
    }),
    text: () => chunks.join(''),
  };
}

/** A browser-like client: keeps cookies, fetches and sends the CSRF token. */
export class Client {
  private cookies = new Map<string, string>();
  private csrf: string | null = null;
  constructor(
    private readonly app: FastifyInstance,
    readonly label = 'anonymous',
  ) {}

  private absorb(res: LightMyRequestResponse) {
    for (const c of res.cookies) {
      // CSRF tokens are bound to the session: a new (or no) session needs a new token, as in the web client.
      if (c.name === 'rinnalla_session' && c.value !== this.cookies.get(c.name)) this.csrf = null;
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }

  async csrfToken(): Promise<string> {
    if (!this.csrf) {
      const res = await this.app.inject({ method: 'GET', url: '/api/auth/csrf', headers: { cookie: this.cookieHeader() } });
      this.absorb(res);
      this.csrf = res.json().csrfToken;
    }
    return this.csrf as string;
  }

  async request(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const m = String(method).toUpperCase();
    const csrf = !['GET', 'HEAD', 'OPTIONS'].includes(m) && !('x-csrf-token' in headers) ? await this.csrfToken() : null;
    const h: Record<string, string> = { cookie: this.cookieHeader(), 'user-agent': 'rinnalla-test', ...headers };
    if (csrf) h['x-csrf-token'] = csrf;
    const send = () =>
      this.app.inject({
        method: m as InjectOptions['method'],
        url,
        headers: h,
        ...(body !== undefined ? { payload: body as object } : {}),
      });
    let res = await send();
    this.absorb(res);
    if (csrf && res.statusCode === 403 && res.json().error?.code === 'csrf_invalid') {
      // The session ended on the server (expiry, sign-out elsewhere): refetch once, as the web client does.
      this.csrf = null;
      h['x-csrf-token'] = await this.csrfToken();
      h.cookie = this.cookieHeader();
      res = await send();
      this.absorb(res);
    }
    return res;
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body ?? {});
  }
  patch(url: string, body?: unknown) {
    return this.request('PATCH', url, body ?? {});
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }

  /** Signs in and passes the second factor when the account has one. */
  async signIn(
    email: string,
    password = testPassword,
    totpSecret = testTotpSecret,
    clock: Clock = systemClock,
  ): Promise<LightMyRequestResponse> {
    const res = await this.post('/api/auth/sign-in', { email, password });
    if (res.statusCode !== 200) return res;
    if (res.json().stage === 'mfa-required') {
      // Tests sign the same account in many times within one 30 s step; replay protection itself
      // is proven in auth.int.test.ts, so the harness forgets the last used step here.
      const db = databases.get(this.app);
      if (db)
        await db.kysely
          .updateTable('users')
          .set({ totp_last_step: null })
          .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
          .execute();
      return this.post('/api/auth/mfa/verify', { code: totpCodeAt(totpSecret, clock.now()) });
    }
    return res;
  }
}

export type WorldRole = Role | 'platform_admin';

export interface World {
  providerId: string;
  otherProviderId: string;
  organisationId: string;
  otherOrganisationId: string;
  foreignOrganisationId: string;
  unitId: string;
  users: Record<
    WorldRole | 'other_tenant_admin' | 'other_org_contact' | 'other_practitioner',
    { id: string; email: string; membershipId: string | null }
  >;
}

/**
 * Two providers; in the first, one account per role (client-side roles in one organisation,
 * another organisation beside it); in the second, its own administrator. Staff have TOTP enrolled.
 */
/**
 * A user with no password, second factor or role: the bare account tests and walk fixtures put
 * in place of somebody (a second practitioner, an invitee, a reset's owner).
 */
export async function insertBareUser(
  db: Kysely<Database>,
  email: string,
  name: string,
  locale: string | null = null,
): Promise<{ id: string }> {
  return db
    .insertInto('users')
    .values({
      email,
      name,
      password_hash: null,
      updated_at: new Date(),
      locale,
      time_zone: null,
      totp_secret: null,
      totp_pending_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
      disabled_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function seedWorld(db: Db, cipher: DataCipher): Promise<World> {
  const k = db.kysely;
  const passwordHash = await hashPassword(testPassword);
  const [a, b] = await k
    .insertInto('providers')
    .values([
      { name: 'Provider A', slug: 'provider-a', country: 'FI', default_locale: 'fi', time_zone: 'Europe/Helsinki' },
      { name: 'Provider B', slug: 'provider-b', country: 'NO', default_locale: 'nb', time_zone: 'Europe/Oslo' },
    ])
    .returning('id')
    .execute();
  const providerId = a!.id;
  const otherProviderId = b!.id;
  const org = await k
    .insertInto('organisations')
    .values({ provider_id: providerId, name: 'Care Home Alpha', business_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const org2 = await k
    .insertInto('organisations')
    .values({ provider_id: providerId, name: 'Insurance Beta', business_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const foreign = await k
    .insertInto('organisations')
    .values({ provider_id: otherProviderId, name: 'Foreign Gamma', business_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const unit = await k
    .insertInto('units')
    .values({ provider_id: providerId, organisation_id: org.id, name: 'Night shift', parent_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const specs: { key: keyof World['users']; role: Role | null; provider: string; org: string | null; platform?: boolean }[] = [
    { key: 'platform_admin', role: null, provider: providerId, org: null, platform: true },
    { key: 'provider_admin', role: 'provider_admin', provider: providerId, org: null },
    { key: 'practitioner', role: 'practitioner', provider: providerId, org: null },
    { key: 'client_contact', role: 'client_contact', provider: providerId, org: org.id },
    { key: 'participant', role: 'participant', provider: providerId, org: org.id },
    { key: 'peer_supporter', role: 'peer_supporter', provider: providerId, org: org.id },
    { key: 'job_seeker', role: 'job_seeker', provider: providerId, org: org.id },
    { key: 'municipal_expert', role: 'municipal_expert', provider: providerId, org: null },
    { key: 'other_tenant_admin', role: 'provider_admin', provider: otherProviderId, org: null },
    { key: 'other_org_contact', role: 'client_contact', provider: providerId, org: org2.id },
    { key: 'other_practitioner', role: 'practitioner', provider: providerId, org: null },
  ];
  const users = {} as World['users'];
  for (const s of specs) {
    const email = `${s.key.replace(/_/g, '-')}@example.test`;
    const mfa = s.platform || s.role === 'provider_admin' || s.role === 'practitioner' || s.role === 'municipal_expert';
    const user = await k
      .insertInto('users')
      .values({
        email,
        name: s.key.replace(/_/g, ' '),
        password_hash: passwordHash,
        is_platform_admin: !!s.platform,
        updated_at: new Date(),
        locale: 'en',
        time_zone: 'Europe/Helsinki',
        totp_pending_secret: null,
        totp_last_step: null,
        disabled_at: null,
        totp_secret: null,
        totp_enabled_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (mfa) {
      await k
        .updateTable('users')
        .set({ totp_secret: cipher.encrypt(testTotpSecret, `totp:${user.id}`), totp_enabled_at: new Date() })
        .where('id', '=', user.id)
        .execute();
    }
    let membershipId: string | null = null;
    if (s.role) {
      const m = await k
        .insertInto('memberships')
        .values({ provider_id: s.provider, user_id: user.id, role: s.role, organisation_id: s.org, unit_id: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      membershipId = m.id;
    }
    users[s.key] = { id: user.id, email, membershipId };
  }
  return {
    providerId,
    otherProviderId,
    organisationId: org.id,
    otherOrganisationId: org2.id,
    foreignOrganisationId: foreign.id,
    unitId: unit.id,
    users,
  };
}
