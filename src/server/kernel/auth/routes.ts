import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authRoutes as auth, type Me, meRoutes, type Session } from '../../../shared/auth.js';
import type { Locale } from '../../../shared/locales.js';
import { hashToken, newToken } from '../crypto.js';
import { forbidden, HttpError, notFound, unprocessable } from '../errors.js';
import { endpoint } from '../http/endpoint.js';
import { verifyPassword } from './passwords.js';
import { auditForUser, changePassword, completePasswordReset, requestPasswordReset, signIn, verifySecondFactor } from './service.js';
import { csrfBinding, lookupSession, rotateSessionToken, sessionCookie } from './sessions.js';
import { matchTotp, newTotpSecret, totpEnrolment } from './totp.js';

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

export async function sessionPayload(app: FastifyInstance, req: FastifyRequest): Promise<Session> {
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
      locale: user.locale as Locale | null,
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
  /** A shared route mounted with the sign-in rate limit beside its access rule. */
  const limited = <E extends { config: object }>(e: E) => ({ ...e, config: { ...e.config, rateLimit: authLimit } });

  app.route({
    ...endpoint(auth.csrf, 'public'),
    // Bound to this session (or, before sign-in, to the pre-session cookie): a new one is needed
    // after sign-in, the second factor and sign-out.
    handler: async (req, reply) => ({ csrfToken: reply.generateCsrf({ userInfo: csrfBinding(req) }) }),
  });

  app.route({
    ...endpoint(auth.session, 'session'),
    handler: async (req) => sessionPayload(root, req),
  });

  app.route({
    ...limited(endpoint(auth.signIn, 'public')),
    handler: async (req, reply) => {
      const token = await signIn(kernel, req.caller, req.body.email, req.body.password);
      setSessionCookie(root, reply, token);
      return { stage: await currentStage(root, token) };
    },
  });

  app.route({
    ...limited(endpoint(auth.verifyMfa, 'session')),
    handler: async (req, reply) => {
      const token = await verifySecondFactor(kernel, req.caller, req.session!.id, req.session!.userId, req.body.code);
      setSessionCookie(root, reply, token);
      return { stage: 'signed-in' as const };
    },
  });

  app.route({
    ...endpoint(auth.startEnrolment, 'session'),
    handler: async (req) => {
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
  });

  app.route({
    ...limited(endpoint(auth.confirmEnrolment, 'session')),
    handler: async (req, reply) => {
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
  });

  app.route({
    ...endpoint(auth.signOut, 'public'),
    handler: async (req, reply) => {
      if (req.session) {
        await db.transaction().execute(async (trx) => {
          await trx.deleteFrom('sessions').where('id', '=', req.session!.id).execute();
          await auditForUser(trx, req.caller, req.session!.userId, 'auth.sign_out');
        });
      }
      reply.clearCookie(sessionCookie, { path: '/' });
      return reply.status(204).send(null);
    },
  });

  app.route({
    ...endpoint(auth.signOutEverywhere, 'session'),
    handler: async (req, reply) => {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('sessions').where('user_id', '=', req.session!.userId).execute();
        await auditForUser(trx, req.caller, req.session!.userId, 'auth.sign_out_everywhere');
      });
      reply.clearCookie(sessionCookie, { path: '/' });
      return reply.status(204).send(null);
    },
  });

  app.route({
    ...limited(endpoint(auth.requestPasswordReset, 'public')),
    handler: async (req, reply) => {
      requestPasswordReset(kernel, req.caller, req.body.email);
      return reply.status(202).send(null);
    },
  });

  app.route({
    ...limited(endpoint(auth.completePasswordReset, 'public')),
    handler: async (req, reply) => {
      await completePasswordReset(kernel, req.caller, req.body.token, req.body.password);
      return reply.status(204).send(null);
    },
  });

  app.route({
    ...endpoint(auth.switchProvider, 'signed-in'),
    handler: async (req) => {
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
  });

  async function me(userId: string): Promise<Me> {
    const u = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
    return {
      id: u.id,
      email: u.email,
      name: u.name,
      locale: u.locale as Locale | null,
      timeZone: u.time_zone,
      totpEnabled: !!u.totp_enabled_at,
    };
  }

  app.route({
    ...endpoint(meRoutes.get, 'session'),
    handler: async (req) => me(req.session!.userId),
  });

  app.route({
    ...endpoint(meRoutes.update, 'signed-in'),
    handler: async (req) => {
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
  });

  app.route({
    ...limited(endpoint(meRoutes.changePassword, 'signed-in')),
    handler: async (req, reply) => {
      await changePassword(kernel, req.caller, req.body.currentPassword, req.body.newPassword);
      return reply.status(204).send(null);
    },
  });

  app.route({
    ...endpoint(meRoutes.endSession, 'signed-in'),
    handler: async (req, reply) => {
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
  });

  app.route({
    ...endpoint(meRoutes.sessions, 'signed-in'),
    handler: async (req) => {
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
  });
}
