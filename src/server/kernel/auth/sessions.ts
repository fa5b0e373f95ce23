import type { FastifyRequest } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type { Caller, RoleGrant } from '../access/caller.js';
import type { Clock } from '../clock.js';
import { hashToken, newToken } from '../crypto.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { ResolvedSession } from '../http/types.js';
import { type Role, requiresSecondFactor, secondFactorRoles } from '../roles.js';

export const sessionCookie = 'rinnalla_session';

/** SESSION_MAX_HOURS's default, for callers that only need the stage of a session just made. */
export const defaultSessionMaxHours = 24;

export interface SessionLookup {
  session: ResolvedSession;
  grants: RoleGrant[];
  isPlatformAdmin: boolean;
}

export async function createSession(
  db: Kysely<Database>,
  clock: Clock,
  input: {
    userId: string;
    providerId?: string | null;
    ttlHours: number;
    maxHours?: number;
    ip: string | null;
    userAgent: string | null;
    mfaVerified?: boolean;
  },
): Promise<string> {
  const token = newToken();
  const now = clock.now();
  const providerId =
    input.providerId ??
    (
      await db
        .selectFrom('memberships')
        .select('provider_id')
        .where('user_id', '=', input.userId)
        .orderBy('created_at')
        .limit(1)
        .executeTakeFirst()
    )?.provider_id ??
    null;
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: input.userId,
      provider_id: providerId,
      mfa_verified_at: input.mfaVerified ? now : null,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + Math.min(input.ttlHours, input.maxHours ?? defaultSessionMaxHours) * 3600_000),
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 400) ?? null,
    })
    .execute();
  return token;
}

/**
 * Gives the session a new token and invalidates the old one, when it gains privilege (the second
 * factor): a token seen or planted before that moment is worth nothing after it.
 */
export async function rotateSessionToken(db: Kysely<Database>, sessionId: string, patch: { mfa_verified_at?: Date } = {}): Promise<string> {
  const token = newToken();
  await db
    .updateTable('sessions')
    .set({ token_hash: hashToken(token), ...patch })
    .where('id', '=', sessionId)
    .execute();
  return token;
}

/**
 * What a CSRF token is bound to: a hash of the session token, so a token fetched
 * with another session (an attacker's own) or before sign-in does not pass beside this one.
 * Without a live session, the pre-session CSRF cookie alone carries the binding.
 */
export function csrfBinding(req: FastifyRequest): string {
  const token = req.session ? req.cookies[sessionCookie] : undefined;
  return token ? `session:${hashToken(token)}` : 'pre-session';
}

export function sessionStage(input: { mfaRequired: boolean; totpEnabled: boolean; mfaVerified: boolean }): ResolvedSession['stage'] {
  if (input.mfaVerified) return 'signed-in';
  if (input.totpEnabled) return 'mfa-required';
  return input.mfaRequired ? 'mfa-enrolment-required' : 'signed-in';
}

/** The session, its user, its roles in the active provider and whether any role needs a second factor. */
export function sessionLookupQuery(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id',
      's.user_id',
      's.provider_id',
      's.mfa_verified_at',
      's.expires_at',
      's.created_at',
      's.last_seen_at',
      'u.is_platform_admin',
      'u.totp_enabled_at',
      'u.disabled_at',
      sql<
        RoleGrant[]
      >`coalesce((select json_agg(json_build_object('role', m.role, 'organisationId', m.organisation_id, 'unitId', m.unit_id)) from memberships m where m.user_id = s.user_id and m.provider_id = s.provider_id), '[]'::json)`.as(
        'grants',
      ),
      sql<boolean>`exists (select 1 from memberships m2 where m2.user_id = s.user_id and m2.role in (${sql.join(secondFactorRoles)}))`.as(
        'has_mfa_role',
      ),
    ])
    .where('s.token_hash', '=', tokenHash);
}

/**
 * One round trip per request: the session, its user and the user's roles in the active provider.
 * Sliding expiry is written at most once a minute so reads stay reads; however active, a session
 * ends `maxHours` after it was made.
 */
export async function lookupSession(
  database: Db,
  clock: Clock,
  token: string,
  ttlHours: number,
  maxHours: number = defaultSessionMaxHours,
): Promise<SessionLookup | null> {
  const now = clock.now();
  const db = database.kysely;
  const [row] = await database.prepared('session_lookup', sessionLookupQuery(db, hashToken(token)).compile());
  if (!row || row.disabled_at || new Date(row.expires_at) <= now) return null;
  const endOfLife = new Date(row.created_at).getTime() + maxHours * 3600_000;
  if (endOfLife <= now.getTime()) return null;
  if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now, expires_at: new Date(Math.min(now.getTime() + ttlHours * 3600_000, endOfLife)) })
      .where('id', '=', row.id)
      .execute();
  }
  const grants = (typeof row.grants === 'string' ? JSON.parse(row.grants) : row.grants) as RoleGrant[];
  const mfaRequired = row.has_mfa_role || requiresSecondFactor([] as Role[], row.is_platform_admin);
  const mfaVerified = !!row.mfa_verified_at;
  return {
    session: {
      id: row.id,
      userId: row.user_id,
      providerId: row.provider_id,
      mfaVerified,
      stage: sessionStage({ mfaRequired, totpEnabled: !!row.totp_enabled_at, mfaVerified }),
    },
    grants,
    isPlatformAdmin: row.is_platform_admin,
  };
}

export function callerFromSession(lookup: SessionLookup, meta: Pick<Caller, 'ip' | 'userAgent' | 'requestId'>): Caller {
  return {
    userId: lookup.session.userId,
    sessionId: lookup.session.id,
    providerId: lookup.session.providerId,
    grants: lookup.grants,
    isPlatformAdmin: lookup.isPlatformAdmin,
    fullySignedIn: lookup.session.stage === 'signed-in',
    ...meta,
  };
}
