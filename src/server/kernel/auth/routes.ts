import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hashToken, newToken } from '../crypto.js';
import { forbidden, HttpError, notFound, unprocessable } from '../errors.js';
import { email, errors, locale, password, timeZone, uuid } from '../http/schemas.js';
import { verifyPassword } from './passwords.js';
import { auditForUser, changePassword, completePasswordReset, requestPasswordReset, signIn, verifySecondFactor } from './service.js';
import { csrfBinding, lookupSession, rotateSessionToken, sessionCookie } from './sessions.js';
import { matchTotp, newTotpSecret, totpEnrolment } from './totp.js';

const stage = z.enum(['signed-in', 'mfa-required', 'mfa-enrolment-required']);
const stageBody = z.object({ stage });

const sessionBody = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    locale: z.string().nullable(),
    timeZone: z.string().nullable(),
    totpEnabled: z.boolean(),
    isPlatformAdmin: z.boolean(),
  }),
  stage,
  providerId: z.string().nullable(),
  memberships: z.array(
    z.object({
      id: z.string(),
      providerId: z.string(),
      providerName: z.string(),
      role: z.string(),
      organisationId: z.string().nullable(),
      organisationName: z.string().nullable(),
    }),
  ),
  roles: z.array(z.string()),
});

const meBody = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  locale: z.string().nullable(),
  timeZone: z.string().nullable(),
  totpEnabled: z.boolean(),
});

export function setSessionCookie(app: FastifyInstance, reply: FastifyReply, token: string): void {
  reply.setCookie(sessionCookie, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: app.kernel.config.publicUrl.startsWith('https://'),
    path: '/',
    maxAge: Math.min(app.kernel.config.sessionTtlHours, app.kernel.config.sessionMaxHours) * 3600,
  });
}

async function currentStage(app: FastifyInstance, token: string) {
  const found = await lookupSession(
    app.kernel.db,
    app.kernel.clock,
    token,
    app.kernel.config.sessionTtlHours,
    app.kernel.config.sessionMaxHours,
  );
  return found?.session.stage ?? 'signed-in';
}

export async function sessionPayload(app: FastifyInstance, req: FastifyRequest) {
  const db = app.kernel.db.kysely;
  const session = req.session!;
  const user = await db.selectFrom('users').selectAll().where('id', '=', session.userId).executeTakeFirstOrThrow();
  const memberships = await db
    .selectFrom('memberships as m')
    .innerJoin('providers as p', 'p.id', 'm.provider_id')
    .leftJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['m.id', 'm.provider_id', 'p.name as provider_name', 'm.role', 'm.organisation_id', 'o.name as organisation_name'])
    .where('m.user_id', '=', session.userId)
    .orderBy('p.name')
    .execute();
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale,
      timeZone: user.time_zone,
      totpEnabled: !!user.totp_enabled_at,
      isPlatformAdmin: user.is_platform_admin,
    },
    stage: session.stage,
    providerId: session.providerId,
    memberships: memberships.map((m) => ({
      id: m.id,
      providerId: m.provider_id,
      providerName: m.provider_name,
      role: m.role,
      organisationId: m.organisation_id,
      organisationName: m.organisation_name,
    })),
    roles: [...new Set(memberships.filter((m) => m.provider_id === session.providerId).map((m) => m.role))],
  };
}

export async function authRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { kernel } = root;
  const db = kernel.db.kysely;
  const authLimit = { max: kernel.config.authRateLimitPerMinute, timeWindow: '1 minute' };

  app.get(
    '/api/auth/csrf',
    { config: { access: 'public' }, schema: { tags: ['auth'], response: { 200: z.object({ csrfToken: z.string() }) } } },
    // Bound to this session (or, before sign-in, to the pre-session cookie): a new one is needed
    // after sign-in, the second factor and sign-out.
    async (req, reply) => ({ csrfToken: reply.generateCsrf({ userInfo: csrfBinding(req) }) }),
  );

  app.get(
    '/api/auth/session',
    { config: { access: 'session' }, schema: { tags: ['auth'], response: { 200: sessionBody, ...errors } } },
    async (req) => sessionPayload(root, req),
  );

  app.post(
    '/api/auth/sign-in',
    {
      config: { access: 'public', rateLimit: authLimit },
      schema: { tags: ['auth'], body: z.object({ email, password: z.string().min(1).max(200) }), response: { 200: stageBody, ...errors } },
    },
    async (req, reply) => {
      const token = await signIn(kernel, req.caller, req.body.email, req.body.password);
      setSessionCookie(root, reply, token);
      return { stage: await currentStage(root, token) };
    },
  );

  app.post(
    '/api/auth/mfa/verify',
    {
      config: { access: 'session', rateLimit: authLimit },
      schema: { tags: ['auth'], body: z.object({ code: z.string().trim().min(6).max(40) }), response: { 200: stageBody, ...errors } },
    },
    async (req, reply) => {
      const token = await verifySecondFactor(kernel, req.caller, req.session!.id, req.session!.userId, req.body.code);
      setSessionCookie(root, reply, token);
      return { stage: 'signed-in' as const };
    },
  );

  app.post(
    '/api/auth/mfa/enrol/start',
    {
      config: { access: 'session' },
      schema: {
        tags: ['auth'],
        response: { 200: z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() }), ...errors },
      },
    },
    async (req) => {
      // Someone who owes a code for an existing factor must not replace it to get in.
      if (req.session!.stage === 'mfa-required') throw forbidden('Verify your current second factor first');
      const user = await db.selectFrom('users').select(['id', 'email']).where('id', '=', req.session!.userId).executeTakeFirstOrThrow();
      const secret = newTotpSecret();
      await db
        .updateTable('users')
        .set({ totp_pending_secret: kernel.cipher.encrypt(secret, `totp-pending:${user.id}`) })
        .where('id', '=', user.id)
        .execute();
      return totpEnrolment(secret, user.email);
    },
  );

  app.post(
    '/api/auth/mfa/enrol/confirm',
    {
      config: { access: 'session', rateLimit: authLimit },
      schema: {
        tags: ['auth'],
        body: z.object({
          code: z
            .string()
            .trim()
            .regex(/^\d{6}$/, 'six digits'),
          // Needed only to replace a factor already enrolled (see below).
          currentPassword: z.string().min(1).max(200).optional(),
        }),
        response: { 200: z.object({ recoveryCodes: z.array(z.string()) }), ...errors },
      },
    },
    async (req, reply) => {
      if (req.session!.stage === 'mfa-required') throw forbidden('Verify your current second factor first');
      const userId = req.session!.userId;
      const user = await db
        .selectFrom('users')
        .select(['totp_pending_secret', 'totp_enabled_at', 'password_hash'])
        .where('id', '=', userId)
        .executeTakeFirstOrThrow();
      if (!user.totp_pending_secret) throw unprocessable('mfa_not_started', 'Start the enrolment first');
      // Replacing a factor that is already enrolled would let whoever holds a session (a stolen
      // cookie, an unlocked screen) keep the account after it ends; the password proves the person.
      if (user.totp_enabled_at && !(req.body.currentPassword && (await verifyPassword(user.password_hash, req.body.currentPassword)))) {
        throw new HttpError(403, 'reauthentication_required', 'Give your password to replace your second factor', [
          { path: 'currentPassword', message: 'required' },
        ]);
      }
      const secret = kernel.cipher.decrypt(user.totp_pending_secret, `totp-pending:${userId}`);
      const now = kernel.clock.now();
      const step = matchTotp(secret, req.body.code, now);
      if (step === null) throw unprocessable('invalid_code', 'The code does not match', [{ path: 'code', message: 'invalid' }]);
      const recoveryCodes = Array.from({ length: 10 }, () =>
        newToken(8)
          .toLowerCase()
          .replace(/[^a-z0-9]/g, '')
          .slice(0, 10),
      );
      const token = await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({
            totp_secret: kernel.cipher.encrypt(secret, `totp:${userId}`),
            totp_pending_secret: null,
            totp_enabled_at: now,
            totp_last_step: step,
          })
          .where('id', '=', userId)
          .execute();
        await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
        await trx
          .insertInto('recovery_codes')
          .values(recoveryCodes.map((c) => ({ user_id: userId, code_hash: hashToken(c), used_at: null })))
          .execute();
        const fresh = await rotateSessionToken(trx, req.session!.id, { mfa_verified_at: now });
        await auditForUser(trx, req.caller, userId, 'auth.mfa_enrolled');
        return fresh;
      });
      setSessionCookie(root, reply, token);
      return { recoveryCodes };
    },
  );

  app.post(
    '/api/auth/sign-out',
    { config: { access: 'public' }, schema: { tags: ['auth'], response: { 204: z.null() } } },
    async (req, reply) => {
      if (req.session) {
        await db.transaction().execute(async (trx) => {
          await trx.deleteFrom('sessions').where('id', '=', req.session!.id).execute();
          await auditForUser(trx, req.caller, req.session!.userId, 'auth.sign_out');
        });
      }
      reply.clearCookie(sessionCookie, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/sign-out-everywhere',
    { config: { access: 'session' }, schema: { tags: ['auth'], response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('sessions').where('user_id', '=', req.session!.userId).execute();
        await auditForUser(trx, req.caller, req.session!.userId, 'auth.sign_out_everywhere');
      });
      reply.clearCookie(sessionCookie, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/password-reset/request',
    {
      config: { access: 'public', rateLimit: authLimit },
      schema: { tags: ['auth'], body: z.object({ email }), response: { 202: z.null(), ...errors } },
    },
    async (req, reply) => {
      requestPasswordReset(kernel, req.caller, req.body.email);
      return reply.status(202).send(null);
    },
  );

  app.post(
    '/api/auth/password-reset/complete',
    {
      config: { access: 'public', rateLimit: authLimit },
      schema: { tags: ['auth'], body: z.object({ token: z.string().min(20).max(200), password }), response: { 204: z.null(), ...errors } },
    },
    async (req, reply) => {
      await completePasswordReset(kernel, req.caller, req.body.token, req.body.password);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/switch-provider',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['auth'], body: z.object({ providerId: uuid }), response: { 200: sessionBody, ...errors } },
    },
    async (req) => {
      const member = await db
        .selectFrom('memberships')
        .select('id')
        .where('user_id', '=', req.session!.userId)
        .where('provider_id', '=', req.body.providerId)
        .executeTakeFirst();
      if (!member) throw forbidden('You are not a member of that provider');
      await db.updateTable('sessions').set({ provider_id: req.body.providerId }).where('id', '=', req.session!.id).execute();
      req.session = { ...req.session!, providerId: req.body.providerId };
      return sessionPayload(root, req);
    },
  );

  app.get('/api/me', { config: { access: 'session' }, schema: { tags: ['me'], response: { 200: meBody, ...errors } } }, async (req) =>
    me(req.session!.userId),
  );

  async function me(userId: string) {
    const u = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
    return { id: u.id, email: u.email, name: u.name, locale: u.locale, timeZone: u.time_zone, totpEnabled: !!u.totp_enabled_at };
  }

  app.patch(
    '/api/me',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['me'],
        body: z.object({ name: z.string().trim().min(1).max(200).optional(), locale: locale.optional(), timeZone: timeZone.optional() }),
        response: { 200: meBody, ...errors },
      },
    },
    async (req) => {
      const userId = req.session!.userId;
      const patch = {
        ...(req.body.name !== undefined ? { name: req.body.name } : {}),
        ...(req.body.locale !== undefined ? { locale: req.body.locale } : {}),
        ...(req.body.timeZone !== undefined ? { time_zone: req.body.timeZone } : {}),
      };
      if (Object.keys(patch).length) {
        await db.transaction().execute(async (trx) => {
          await trx
            .updateTable('users')
            .set({ ...patch, updated_at: kernel.clock.now() })
            .where('id', '=', userId)
            .execute();
          await auditForUser(trx, req.caller, userId, 'profile.update', { fields: Object.keys(req.body) });
        });
      }
      return me(userId);
    },
  );

  app.post(
    '/api/me/password',
    {
      config: { access: 'signed-in', rateLimit: authLimit },
      schema: {
        tags: ['me'],
        body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: password }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await changePassword(kernel, req.caller, req.body.currentPassword, req.body.newPassword);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/me/sessions/:id',
    { config: { access: 'signed-in' }, schema: { tags: ['me'], params: z.object({ id: uuid }), response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      const userId = req.session!.userId;
      await db.transaction().execute(async (trx) => {
        // Only one's own sessions: another user's id is simply not found.
        const ended = await trx.deleteFrom('sessions').where('id', '=', req.params.id).where('user_id', '=', userId).executeTakeFirst();
        if (Number(ended.numDeletedRows) === 0) throw notFound();
        await auditForUser(trx, req.caller, userId, 'auth.session_revoked', { sessionId: req.params.id });
      });
      if (req.params.id === req.session!.id) reply.clearCookie(sessionCookie, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/me/sessions',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['me'],
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                createdAt: z.string(),
                lastSeenAt: z.string(),
                ip: z.string().nullable(),
                userAgent: z.string().nullable(),
                current: z.boolean(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const rows = await db
        .selectFrom('sessions')
        .select(['id', 'created_at', 'last_seen_at', 'ip', 'user_agent'])
        .where('user_id', '=', req.session!.userId)
        .where('expires_at', '>', kernel.clock.now())
        .orderBy('last_seen_at', 'desc')
        .execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          createdAt: new Date(r.created_at).toISOString(),
          lastSeenAt: new Date(r.last_seen_at).toISOString(),
          ip: r.ip,
          userAgent: r.user_agent,
          current: r.id === req.session!.id,
        })),
      };
    },
  );
}
