import { insertBareUser, type TestApp, testPassword, testTotpSecret, type World } from '../../testing/harness.js';
import type { SupervisionWorld } from '../../testing/supervision.js';
import { totpCodeAt } from '../auth/totp.js';
import { hashToken } from '../crypto.js';
import { callers, signedIn, type WalkContext, type WalkTable, type Who } from './walk.js';

/** Every route of the kernel, who may call it, and how (see walk.ts); the kernel manifest names it. */

const staff: Who[] = ['provider_admin', 'practitioner', 'other_practitioner', 'other_tenant_admin'];
const admins: Who[] = ['provider_admin', 'other_tenant_admin'];
const clientSide: Who[] = ['client_contact', 'participant', 'peer_supporter', 'job_seeker'];

async function throwawayMembership({ t, world }: { t: TestApp; world: World; sup?: SupervisionWorld }) {
  const user = await insertBareUser(t.db.kysely, `tmp-${crypto.randomUUID()}@example.test`, 'Temporary');
  const m = await t.db.kysely
    .insertInto('memberships')
    .values({ provider_id: world.providerId, user_id: user.id, role: 'participant', organisation_id: world.organisationId, unit_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return m.id;
}

async function throwawayInvitation(
  { t, world }: { t: TestApp; world: World; sup?: SupervisionWorld },
  token: string = crypto.randomUUID(),
) {
  const row = await t.db.kysely
    .insertInto('invitations')
    .values({
      provider_id: world.providerId,
      email: `invited-${crypto.randomUUID()}@example.test`,
      role: 'practitioner',
      organisation_id: null,
      unit_id: null,
      token_hash: hashToken(token),
      invited_by: null,
      expires_at: new Date(Date.now() + 86400_000),
      accepted_at: null,
      revoked_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A token as long as the real ones, for links the walk makes itself. */
const freshToken = () => `walk-${crypto.randomUUID()}-${crypto.randomUUID()}`;

/** A password-reset link of a throwaway account, stored as the app stores one. */
async function resetToken({ t }: WalkContext): Promise<string> {
  const user = await insertBareUser(t.db.kysely, `reset-${crypto.randomUUID()}@example.test`, 'Resetting');
  const token = freshToken();
  await t.db.kysely
    .insertInto('password_resets')
    .values({ user_id: user.id, token_hash: hashToken(token), expires_at: new Date(Date.now() + 3600_000), used_at: null })
    .execute();
  return token;
}

const noTotp = { status: 422, why: 'client-side accounts sign in with a password alone: there is no second factor to verify' };

/** The kernel's routes (auth, tenancy, audit, platform, health, the development outbox). */
export const kernelWalk: WalkTable = {
  // The test app serves no built web client, so the client's fallback route answers 404 here.
  'GET /': { allowed: callers, expect: { status: 404, why: 'the test app has no built web client (webRoot does not exist)' } },
  'GET /healthz': { allowed: callers },
  'GET /readyz': { allowed: callers },
  'GET /api/openapi.json': { allowed: callers },
  'GET /api/auth/csrf': { allowed: callers },
  'GET /api/auth/session': { allowed: signedIn },
  // A real sign-in (an account without a second factor), whoever asks: signing in again is allowed.
  'POST /api/auth/sign-in': {
    allowed: callers,
    request: async ({ world }) => ({ body: { email: world.users.job_seeker.email, password: testPassword } }),
  },
  // The current code of the account's real secret; each caller is its own account, so no code is replayed.
  'POST /api/auth/mfa/verify': {
    allowed: signedIn,
    expect: { client_contact: noTotp, participant: noTotp, peer_supporter: noTotp, job_seeker: noTotp },
    request: async () => ({ body: { code: totpCodeAt(testTotpSecret, new Date()) } }),
  },
  'POST /api/auth/mfa/enrol/start': { allowed: signedIn },
  // Enrolment started in another session of the same account; the code of the secret it handed out.
  'POST /api/auth/mfa/enrol/confirm': {
    allowed: signedIn,
    request: async ({ who, as }) => {
      const started = await (await as(who)).request('POST', '/api/auth/mfa/enrol/start', {});
      // Replacing a factor already enrolled takes the account's password too.
      if (started.statusCode !== 200) return { body: { code: '000000', currentPassword: testPassword } };
      return { body: { code: totpCodeAt(started.json().secret, new Date()), currentPassword: testPassword } };
    },
  },
  'POST /api/auth/sign-out': { allowed: callers },
  'POST /api/auth/sign-out-everywhere': { allowed: signedIn },
  'POST /api/auth/password-reset/request': {
    allowed: callers,
    request: async ({ world }) => ({ body: { email: world.users.job_seeker.email } }),
  },
  'POST /api/auth/password-reset/complete': {
    allowed: callers,
    request: async (ctx) => ({ body: { token: await resetToken(ctx), password: 'a long enough password' } }),
  },
  // Only a member of provider B may switch into it: everyone else is refused.
  'POST /api/auth/switch-provider': {
    allowed: ['other_tenant_admin'],
    request: async ({ world }) => ({ body: { providerId: world.otherProviderId } }),
  },
  'GET /api/me': { allowed: signedIn },
  'PATCH /api/me': { allowed: signedIn, request: async () => ({ body: { locale: 'fi' } }) },
  // Each caller changes its own password once; the walk signs nobody in with a password afterwards.
  'POST /api/me/password': {
    allowed: signedIn,
    request: async () => ({ body: { currentPassword: testPassword, newPassword: 'another long enough password' } }),
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
  // The link is the credential: whoever holds a real one sees the invitation.
  'GET /api/invitations/by-token/:token': {
    allowed: callers,
    request: async (ctx) => {
      const token = freshToken();
      await throwawayInvitation(ctx, token);
      return { url: `/api/invitations/by-token/${token}` };
    },
  },
  // A new address: accepted by someone signed out; someone signed in as another account is told to sign out.
  'POST /api/invitations/by-token/:token/accept': {
    allowed: callers,
    expect: Object.fromEntries(
      signedIn.map((who) => [
        who,
        { status: 409, why: 'signed in as another account: sign out first, then open the link (signed_in_as_other)' },
      ]),
    ),
    request: async (ctx) => {
      const token = freshToken();
      await throwawayInvitation(ctx, token);
      return { url: `/api/invitations/by-token/${token}/accept`, body: { name: 'Invited Walker', password: 'a long enough password' } };
    },
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
  'GET /api/audit/actors': { allowed: admins },
  'GET /api/platform/providers': { allowed: ['platform_admin'] },
  'POST /api/platform/providers': {
    allowed: ['platform_admin'],
    request: async () => ({
      body: { name: 'New provider', slug: `p-${crypto.randomUUID().slice(0, 8)}`, country: 'SE', adminEmail: 'boss@example.test' },
    }),
  },
  // Every admin of a provider sees who holds staff roles there; the other provider's admin sees its own.
  'GET /api/security/grants': { allowed: admins },
  'POST /api/platform/providers/:id/invitations': {
    allowed: ['platform_admin'],
    tenantResource: true,
    request: async ({ world }) => ({
      url: `/api/platform/providers/${world.providerId}/invitations`,
      body: { email: `second-admin-${crypto.randomUUID()}@example.test`, role: 'provider_admin' },
    }),
  },
  'GET /api/dev/outbox': {
    allowed: callers,
    acrossTenants: 'the development outbox (off in production, answered only to this machine) shows every mail queued',
  },
};
