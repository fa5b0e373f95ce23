import type { Kysely } from 'kysely';
import type { Caller } from '../access/caller.js';
import { appendAudit } from '../audit/audit.js';
import { hashToken, newToken } from '../crypto.js';
import type { Database } from '../db/schema.js';
import { HttpError, unprocessable } from '../errors.js';
import type { Kernel } from '../http/types.js';
import { translator } from '../i18n/i18n.js';
import { enqueueMail } from '../mail/mailer.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { createSession, rotateSessionToken } from './sessions.js';
import { claimAttempt, clearAttempts, throttleSubject } from './throttle.js';
import { matchTotp } from './totp.js';

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

async function providersOf(db: Kysely<Database>, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('memberships').select('provider_id').distinct().where('user_id', '=', userId).execute();
  return rows.map((r) => r.provider_id);
}

/** Audits an account event into the trail of every provider the account belongs to. */
async function auditForUser(db: Kysely<Database>, caller: Caller, userId: string, action: string, details?: Record<string, unknown>) {
  const providers = await providersOf(db, userId);
  for (const providerId of providers.length ? providers : [null]) {
    await appendAudit(db, caller, {
      action,
      entityType: 'user',
      entityId: userId,
      providerId,
      actorUserId: userId,
      details: details ?? null,
    });
  }
}

/** Claims an attempt for the subject or refuses with 429 and the wait; see throttle.ts. */
async function throttle(kernel: Kernel, key: string): Promise<string> {
  const subject = throttleSubject(kernel.config.sessionSecret, key);
  const now = kernel.clock.now();
  const allowedAt = await claimAttempt(kernel.db.kysely, subject, now);
  if (allowedAt) {
    const seconds = Math.max(1, Math.ceil((allowedAt.getTime() - now.getTime()) / 1000));
    throw new HttpError(429, 'rate_limited', `Too many failed attempts; try again in ${seconds} s`, undefined, {
      'retry-after': String(seconds),
    });
  }
  return subject;
}

export async function signIn(kernel: Kernel, caller: Caller, email: string, password: string) {
  const db = kernel.db.kysely;
  const key = normaliseEmail(email);
  // Claimed before the password hash is checked: parallel guesses cannot all see a clean slate.
  const subject = await throttle(kernel, key);
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where(db.fn('lower', ['email']), '=', key)
    .executeTakeFirst();
  const ok = await verifyPassword(user?.password_hash, password);
  if (!user || !ok || user.disabled_at) {
    await db.transaction().execute(async (trx) => {
      if (user) await auditForUser(trx, caller, user.id, 'auth.sign_in_failed');
      else await appendAudit(trx, caller, { action: 'auth.sign_in_failed', providerId: null, details: null });
    });
    throw new HttpError(401, 'invalid_credentials', 'E-mail or password is wrong');
  }
  return db.transaction().execute(async (trx) => {
    await clearAttempts(trx, subject);
    const token = await createSession(trx, kernel.clock, {
      userId: user.id,
      ttlHours: kernel.config.sessionTtlHours,
      maxHours: kernel.config.sessionMaxHours,
      ip: caller.ip,
      userAgent: caller.userAgent,
    });
    await auditForUser(trx, caller, user.id, 'auth.sign_in');
    return token;
  });
}

/** Verifies a TOTP or recovery code and returns the session's new token (the old one stops working). */
export async function verifySecondFactor(kernel: Kernel, caller: Caller, sessionId: string, userId: string, code: string): Promise<string> {
  const db = kernel.db.kysely;
  const subject = await throttle(kernel, `mfa:${userId}`);
  const user = await db.selectFrom('users').select(['totp_secret']).where('id', '=', userId).executeTakeFirstOrThrow();
  if (!user.totp_secret) throw unprocessable('mfa_not_enrolled', 'No second factor is set up');
  const secret = kernel.cipher.decrypt(user.totp_secret, `totp:${userId}`);
  const now = kernel.clock.now();
  const step = matchTotp(secret, code, now);
  const token = await db.transaction().execute(async (trx) => {
    let method: 'totp' | 'recovery_code' | null = null;
    if (step !== null) {
      // Read-then-write let parallel sessions spend one code several times: the step is claimed
      // by one conditional update, which only one of them can win.
      const claimed = await trx
        .updateTable('users')
        .set({ totp_last_step: step })
        .where('id', '=', userId)
        .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
        .returning('id')
        .executeTakeFirst();
      if (claimed) method = 'totp';
    } else {
      const used = await trx
        .updateTable('recovery_codes')
        .set({ used_at: now })
        .where('user_id', '=', userId)
        .where(
          'code_hash',
          '=',
          hashToken(
            code
              .trim()
              .toLowerCase()
              .replace(/[^a-z0-9]/g, ''),
          ),
        )
        .where('used_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (used) method = 'recovery_code';
    }
    if (!method) {
      await auditForUser(trx, caller, userId, 'auth.mfa_failed');
      return null;
    }
    const fresh = await rotateSessionToken(trx, sessionId, { mfa_verified_at: now });
    await clearAttempts(trx, subject);
    await auditForUser(trx, caller, userId, 'auth.mfa_verified', { method });
    return fresh;
  });
  if (!token) throw new HttpError(401, 'invalid_code', 'The code is wrong or already used', [{ path: 'code', message: 'invalid' }]);
  return token;
}

/**
 * Answers at once, the same for every address: the lookup, the token and the mail run after the
 * answer, so its timing cannot tell a known address from an unknown one.
 */
export function requestPasswordReset(kernel: Kernel, caller: Caller, email: string): void {
  const address = normaliseEmail(email);
  kernel.background.run('password-reset', () => sendPasswordReset(kernel, caller, address));
}

async function sendPasswordReset(kernel: Kernel, caller: Caller, address: string): Promise<void> {
  const db = kernel.db.kysely;
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'locale'])
    .where(db.fn('lower', ['email']), '=', address)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!user) return;
  const token = newToken();
  const now = kernel.clock.now();
  const t = translator(user.locale);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('password_resets').set({ used_at: now }).where('user_id', '=', user.id).where('used_at', 'is', null).execute();
    await trx
      .insertInto('password_resets')
      .values({ user_id: user.id, token_hash: hashToken(token), expires_at: new Date(now.getTime() + 3600_000) })
      .execute();
    await enqueueMail(trx, {
      to: user.email,
      subject: t('mail.passwordReset.subject'),
      text: `${t('mail.passwordReset.body', { link: `${kernel.config.publicUrl}/reset-password?token=${token}` })}\n\n— ${t('mail.signatureNoProvider')}`,
    });
    await auditForUser(trx, caller, user.id, 'auth.password_reset_requested');
  });
}

export async function completePasswordReset(kernel: Kernel, caller: Caller, token: string, password: string): Promise<void> {
  const db = kernel.db.kysely;
  const now = kernel.clock.now();
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const reset = await trx
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('token_hash', '=', hashToken(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('user_id')
      .executeTakeFirst();
    if (!reset) throw unprocessable('invalid_token', 'The link is invalid, used or expired', [{ path: 'token', message: 'invalid' }]);
    await trx.updateTable('users').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', reset.user_id).execute();
    // A reset means the old password may be known to someone else: end every session.
    await trx.deleteFrom('sessions').where('user_id', '=', reset.user_id).execute();
    await auditForUser(trx, caller, reset.user_id, 'auth.password_reset');
  });
}

export async function changePassword(kernel: Kernel, caller: Caller, current: string, next: string): Promise<void> {
  const db = kernel.db.kysely;
  const userId = caller.userId as string;
  const user = await db.selectFrom('users').select(['password_hash', 'email', 'locale']).where('id', '=', userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, current))) {
    throw unprocessable('invalid_credentials', 'The current password is wrong', [{ path: 'currentPassword', message: 'wrong' }]);
  }
  const passwordHash = await hashPassword(next);
  const t = translator(user.locale);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash, updated_at: kernel.clock.now() }).where('id', '=', userId).execute();
    await trx
      .deleteFrom('sessions')
      .where('user_id', '=', userId)
      .where('id', '!=', caller.sessionId as string)
      .execute();
    await enqueueMail(trx, {
      to: user.email,
      subject: t('mail.passwordChanged.subject'),
      text: `${t('mail.passwordChanged.body', { link: `${kernel.config.publicUrl}/forgot-password` })}\n\n— ${t('mail.signatureNoProvider')}`,
    });
    await auditForUser(trx, caller, userId, 'auth.password_changed');
  });
}

export { auditForUser };
