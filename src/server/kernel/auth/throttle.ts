import { type Kysely, sql } from 'kysely';
import { hmac } from '../crypto.js';
import type { Database } from '../db/schema.js';

export interface ThrottlePolicy {
  /** This long without an attempt forgets the count. */
  quietMs: number;
  freeAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const throttlePolicy: ThrottlePolicy = { quietMs: 15 * 60_000, freeAttempts: 5, baseDelayMs: 30_000, maxDelayMs: 15 * 60_000 };

/** Pure: how long after the last attempt the next one must wait, given the attempts counted so far. */
export function delayAfter(failures: number, opts: ThrottlePolicy = throttlePolicy): number {
  if (failures < opts.freeAttempts) return 0;
  return Math.min(opts.baseDelayMs * 2 ** Math.min(failures - opts.freeAttempts, 30), opts.maxDelayMs);
}

/**
 * Pure: after `freeAttempts` failures each further one doubles the wait, up to a cap; a quiet
 * period forgets them. Returns the moment the next attempt is allowed, or null when it is allowed now.
 */
export function nextAttemptAllowedAt(failures: number, lastAttemptAt: Date, now: Date, opts: ThrottlePolicy = throttlePolicy): Date | null {
  if (now.getTime() - lastAttemptAt.getTime() >= opts.quietMs) return null;
  const allowedAt = new Date(lastAttemptAt.getTime() + delayAfter(failures, opts));
  return allowedAt > now ? allowedAt : null;
}

/** The address (or `mfa:<user>`) is kept only as a keyed hash: the table names nobody. */
export const throttleSubject = (secret: string, key: string) => hmac(secret, `sign-in-throttle:${key}`);

/**
 * Claims one attempt before the credential is checked, in one statement, so parallel attempts
 * (from any number of app servers) are counted one by one: the attempt counts as a failure until
 * `clearAttempts` says it succeeded. Returns null when claimed, or when the next one is allowed.
 */
export async function claimAttempt(
  db: Kysely<Database>,
  subject: string,
  now: Date,
  opts: ThrottlePolicy = throttlePolicy,
): Promise<Date | null> {
  const quietBefore = new Date(now.getTime() - opts.quietMs);
  const delay = sql`least(${opts.baseDelayMs}::float8 * power(2::float8, least(t.failures - ${opts.freeAttempts}, 30)::float8), ${opts.maxDelayMs}::float8) * interval '1 millisecond'`;
  const claimed = await sql<{ failures: number }>`
    insert into sign_in_throttle as t (subject_hash, failures, last_attempt_at) values (${subject}, 1, ${now})
    on conflict (subject_hash) do update set
      failures = case when t.last_attempt_at <= ${quietBefore} then 1 else t.failures + 1 end,
      last_attempt_at = ${now}
    where t.last_attempt_at <= ${quietBefore} or t.failures < ${opts.freeAttempts} or t.last_attempt_at + ${delay} <= ${now}
    returning t.failures`.execute(db);
  if (claimed.rows.length) return null;
  const row = await db
    .selectFrom('sign_in_throttle')
    .select(['failures', 'last_attempt_at'])
    .where('subject_hash', '=', subject)
    .executeTakeFirst();
  // A success in between may have cleared the row: the caller tries again later, not never.
  return (row && nextAttemptAllowedAt(row.failures, new Date(row.last_attempt_at), now, opts)) ?? new Date(now.getTime() + 1000);
}

export async function clearAttempts(db: Kysely<Database>, subject: string): Promise<void> {
  await db.deleteFrom('sign_in_throttle').where('subject_hash', '=', subject).execute();
}
