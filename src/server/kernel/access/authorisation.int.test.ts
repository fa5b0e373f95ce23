/**
 * The authorisation walk: every API route, called by every role, by an administrator of another
 * provider and by nobody, must be allowed or refused exactly as this table says. A route that is
 * not in the table fails the suite, so a new route cannot ship without its access decided.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeWalk } from '../../modules/intake/access.walk.js';
import { measuresWalk } from '../../modules/measures/access.walk.js';
import { processesWalk } from '../../modules/processes/access.walk.js';
import { schedulingWalk } from '../../modules/scheduling/access.walk.js';
import { Client, seedWorld, startTestApp, type TestApp, type World } from '../../testing/harness.js';
import { type SupervisionWorld, seedSupervision } from '../../testing/supervision.js';
import { createSession } from '../auth/sessions.js';
import { DataCipher } from '../crypto.js';
import { callers, type WalkEntry as Entry, signedIn, type Who } from './walk.js';

const staff: Who[] = ['provider_admin', 'practitioner', 'other_practitioner', 'other_tenant_admin'];
const admins: Who[] = ['provider_admin', 'other_tenant_admin'];
const clientSide: Who[] = ['client_contact', 'participant', 'peer_supporter', 'job_seeker'];

async function throwawayMembership({ t, world }: { t: TestApp; world: World; sup?: SupervisionWorld }) {
  const user = await t.db.kysely
    .insertInto('users')
    .values({
      email: `tmp-${crypto.randomUUID()}@example.test`,
      name: 'Temporary',
      password_hash: null,
      updated_at: new Date(),
      locale: null,
      time_zone: null,
      totp_secret: null,
      totp_pending_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
      disabled_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const m = await t.db.kysely
    .insertInto('memberships')
    .values({ provider_id: world.providerId, user_id: user.id, role: 'participant', organisation_id: world.organisationId, unit_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return m.id;
}

async function throwawayInvitation({ t, world }: { t: TestApp; world: World; sup?: SupervisionWorld }) {
  const row = await t.db.kysely
    .insertInto('invitations')
    .values({
      provider_id: world.providerId,
      email: 'x@example.test',
      role: 'practitioner',
      organisation_id: null,
      unit_id: null,
      token_hash: crypto.randomUUID(),
      invited_by: null,
      expires_at: new Date(Date.now() + 86400_000),
      accepted_at: null,
      revoked_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const table: Record<string, Entry> = {
  'GET /': { allowed: callers },
  'GET /healthz': { allowed: callers },
  'GET /readyz': { allowed: callers },
  'GET /api/openapi.json': { allowed: callers },
  'GET /api/auth/csrf': { allowed: callers },
  'GET /api/auth/session': { allowed: signedIn },
  'POST /api/auth/sign-in': {
    allowed: callers,
    request: async () => ({ body: { email: 'nobody@example.test', password: 'wrong password' } }),
  },
  'POST /api/auth/mfa/verify': { allowed: signedIn, request: async () => ({ body: { code: '000000' } }) },
  'POST /api/auth/mfa/enrol/start': { allowed: signedIn },
  'POST /api/auth/mfa/enrol/confirm': { allowed: signedIn, request: async () => ({ body: { code: '000000' } }) },
  'POST /api/auth/sign-out': { allowed: callers },
  'POST /api/auth/sign-out-everywhere': { allowed: signedIn },
  'POST /api/auth/password-reset/request': { allowed: callers, request: async () => ({ body: { email: 'nobody@example.test' } }) },
  'POST /api/auth/password-reset/complete': {
    allowed: callers,
    request: async () => ({ body: { token: 'an-unknown-token-of-enough-length', password: 'a long enough password' } }),
  },
  // Only a member of provider B may switch into it: everyone else is refused.
  'POST /api/auth/switch-provider': {
    allowed: ['other_tenant_admin'],
    request: async ({ world }) => ({ body: { providerId: world.otherProviderId } }),
  },
  'GET /api/me': { allowed: signedIn },
  'PATCH /api/me': { allowed: signedIn, request: async () => ({ body: { locale: 'fi' } }) },
  'POST /api/me/password': {
    allowed: signedIn,
    request: async () => ({ body: { currentPassword: 'wrong', newPassword: 'a long enough password' } }),
  },
  'GET /api/me/sessions': { allowed: signedIn },
  // Everyone may end their own sessions; the walk names the provider admin's, so all others get 404.
  'DELETE /api/me/sessions/:id': {
    allowed: ['provider_admin'],
    tenantResource: true,
    request: async ({ t, world }) => {
      const row = await t.db.kysely
        .insertInto('sessions')
        .values({
          token_hash: crypto.randomUUID(),
          user_id: world.users.provider_admin.id,
          provider_id: world.providerId,
          mfa_verified_at: null,
          expires_at: new Date(Date.now() + 3600_000),
          last_seen_at: new Date(),
          ip: null,
          user_agent: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { url: `/api/me/sessions/${row.id}` };
    },
  },
  'GET /api/home': { allowed: signedIn },
  'GET /api/members': { allowed: staff },
  'PATCH /api/members/:id': {
    allowed: ['provider_admin'],
    tenantResource: true,
    request: async (ctx) => ({ url: `/api/members/${await throwawayMembership(ctx)}`, body: { role: 'client_contact' } }),
  },
  'DELETE /api/members/:id': {
    allowed: ['provider_admin'],
    tenantResource: true,
    request: async (ctx) => ({ url: `/api/members/${await throwawayMembership(ctx)}` }),
  },
  'GET /api/invitations': { allowed: admins },
  'POST /api/invitations': { allowed: admins, request: async () => ({ body: { email: 'new.person@example.test', role: 'practitioner' } }) },
  'DELETE /api/invitations/:id': {
    allowed: ['provider_admin'],
    tenantResource: true,
    request: async (ctx) => ({ url: `/api/invitations/${await throwawayInvitation(ctx)}` }),
  },
  'GET /api/invitations/by-token/:token': {
    allowed: callers,
    request: async () => ({ url: '/api/invitations/by-token/an-unknown-token-of-enough-length' }),
  },
  'POST /api/invitations/by-token/:token/accept': {
    allowed: callers,
    request: async () => ({
      url: '/api/invitations/by-token/an-unknown-token-of-enough-length/accept',
      body: { name: 'X', password: 'a long enough password' },
    }),
  },
  'GET /api/organisations': { allowed: [...staff, ...clientSide] },
  'POST /api/organisations': { allowed: admins, request: async () => ({ body: { name: `Org ${crypto.randomUUID()}` } }) },
  'GET /api/organisations/:id': {
    allowed: ['provider_admin', 'practitioner', 'other_practitioner', ...clientSide],
    tenantResource: true,
    request: async ({ world }) => ({ url: `/api/organisations/${world.organisationId}` }),
  },
  'PATCH /api/organisations/:id': {
    allowed: ['provider_admin'],
    tenantResource: true,
    request: async ({ world }) => ({ url: `/api/organisations/${world.otherOrganisationId}`, body: { name: 'Insurance Beta' } }),
  },
  'POST /api/organisations/:id/units': {
    allowed: ['provider_admin'],
    tenantResource: true,
    request: async ({ world }) => ({
      url: `/api/organisations/${world.organisationId}/units`,
      body: { name: `Unit ${crypto.randomUUID()}` },
    }),
  },
  'GET /api/audit': { allowed: admins },
  'GET /api/audit/actions': { allowed: admins },
  'GET /api/platform/providers': { allowed: ['platform_admin'] },
  'POST /api/platform/providers': {
    allowed: ['platform_admin'],
    request: async () => ({
      body: { name: 'New provider', slug: `p-${crypto.randomUUID().slice(0, 8)}`, country: 'SE', adminEmail: 'boss@example.test' },
    }),
  },
  'GET /api/dev/outbox': { allowed: callers },
  ...intakeWalk,
  ...processesWalk,
  ...schedulingWalk,
  ...measuresWalk,
};

const refusalCodes = new Set(['unauthorised', 'second_factor_required', 'forbidden']);

let t: TestApp;
let world: World;
let sup: SupervisionWorld;

beforeAll(async () => {
  t = await startTestApp();
  const cipher = new DataCipher(t.config.dataKey);
  world = await seedWorld(t.db, cipher);
  sup = await seedSupervision(t.db, world, cipher);
});
afterAll(() => t.close());

/** A fresh, fully signed-in session per request, so sign-outs and deletions cannot disturb the walk. */
async function clientFor(who: Who): Promise<Client> {
  const client = new Client(t.app, who);
  if (who === 'anonymous') return client;
  const user = world.users[who as keyof World['users']];
  const token = await createSession(t.db.kysely, t.clock, {
    userId: user.id,
    providerId: who === 'other_tenant_admin' ? world.otherProviderId : who === 'platform_admin' ? null : world.providerId,
    ttlHours: 1,
    ip: null,
    userAgent: null,
    mfaVerified: true,
  });
  (client as unknown as { cookies: Map<string, string> }).cookies.set('rinnalla_session', token);
  return client;
}

describe('authorisation walk', () => {
  it('has an entry for every API route and no entry for a route that does not exist', () => {
    const routes = t.app.routeTable.filter((r) => !r.url.startsWith('/api/docs') && r.url !== '/*').map((r) => `${r.method} ${r.url}`);
    expect(
      routes.filter((r) => !(r in table)),
      'routes without an authorisation entry',
    ).toEqual([]);
    expect(
      Object.keys(table).filter((k) => !routes.includes(k)),
      'entries for routes that do not exist',
    ).toEqual([]);
  });

  it('declares every route access rule on the route itself', () => {
    const undeclared = t.app.routeTable.filter((r) => !r.url.startsWith('/api/docs') && r.url !== '/*' && !r.access);
    expect(undeclared).toEqual([]);
  });

  for (const [key, entry] of Object.entries(table)) {
    const [method, path] = key.split(' ') as [string, string];
    it(`${key}`, async () => {
      const outcomes: string[] = [];
      for (const who of callers) {
        const client = await clientFor(who);
        const { url = path, body } = (await entry.request?.({ t, world, sup })) ?? {};
        const res = await client.request(method as 'GET', url, method === 'GET' ? undefined : (body ?? {}));
        const code: string | undefined = String(res.headers['content-type'] ?? '').includes('json') ? res.json()?.error?.code : undefined;
        const refused = refusalCodes.has(code ?? '') || (entry.tenantResource && res.statusCode === 404);
        const allowed = entry.allowed.includes(who);
        if (allowed === refused) outcomes.push(`${who}: expected ${allowed ? 'allowed' : 'refused'}, got ${res.statusCode} ${code ?? ''}`);
        if (allowed && who === 'other_tenant_admin' && res.statusCode < 300) {
          // Allowed in its own provider: nothing of provider A may leak into the answer.
          for (const secret of [world.organisationId, world.users.participant.email, world.users.provider_admin.email, 'Care Home Alpha']) {
            if (res.body.includes(secret)) outcomes.push(`${who}: answer leaks ${secret}`);
          }
        }
        if (entry.tenantResource && who === 'other_tenant_admin' && res.statusCode !== 404 && res.statusCode !== 403) {
          outcomes.push(`${who}: reached another provider's record (${res.statusCode})`);
        }
      }
      expect(outcomes).toEqual([]);
    });
  }
});

describe('second factor in the walk', () => {
  it('refuses every fully-signed-in route to a staff session that has not passed its second factor', async () => {
    const token = await createSession(t.db.kysely, t.clock, {
      userId: world.users.provider_admin.id,
      providerId: world.providerId,
      ttlHours: 1,
      ip: null,
      userAgent: null,
    });
    const client = new Client(t.app);
    (client as unknown as { cookies: Map<string, string> }).cookies.set('rinnalla_session', token);
    const strict = t.app.routeTable.filter((r) => r.access && r.access !== 'public' && r.access !== 'session');
    expect(strict.length).toBeGreaterThan(10);
    for (const r of strict) {
      const { url = r.url, body } = (await table[`${r.method} ${r.url}`]?.request?.({ t, world, sup })) ?? {};
      const res = await client.request(r.method as 'GET', url, r.method === 'GET' ? undefined : (body ?? {}));
      expect([401], `${r.method} ${r.url}`).toContain(res.statusCode);
    }
  });
});
