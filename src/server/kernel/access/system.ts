import { sql } from 'kysely';
import { hashToken } from '../crypto.js';
import type { Db } from '../db/database.js';
import { type Caller, linkCaller, namedSystemCaller, type SystemPurpose } from './caller.js';
import { Repository } from './repository.js';

// What the domain modules would otherwise hand-roll with the raw database: named system
// repositories for jobs (Medplum's habit), the callers behind a credential in a URL (a calendar
// feed's secret, a check-in link), and the public request form's caller. Each hands out a
// Repository and never the handle, so the policy decides every row a job or a link reaches.

/** Purposes a scheduled job may run as. */
export type JobPurpose = Extract<SystemPurpose, 'checkin-sender' | 'alert-escalation' | 'reminders' | 'nudges' | 'intake-retention'>;

export interface SystemRunner {
  /**
   * Runs `work` once per provider, each in its own transaction with a repository for the named
   * system caller of that provider (the cross-provider scan is the kernel's: which providers
   * exist). With `exclusive`, a transaction-scoped advisory lock per purpose and provider keeps a
   * second server or a re-run out until the first commits. With `transaction: false` the work
   * opens its own transactions (`repo.transaction`), e.g. one per process.
   */
  forEachProvider<R>(
    purpose: JobPurpose,
    work: (repo: Repository) => Promise<R>,
    opts?: { exclusive?: boolean; transaction?: boolean },
  ): Promise<R[]>;
}

export function systemRunner(db: Db): SystemRunner {
  return {
    async forEachProvider(purpose, work, opts = {}) {
      const providers = await db.kysely.selectFrom('providers').select('id').orderBy('id').execute();
      const results = [];
      for (const p of providers) {
        if (opts.transaction === false && !opts.exclusive) {
          results.push(await work(new Repository(db.kysely, namedSystemCaller(p.id, purpose))));
          continue;
        }
        results.push(
          await db.kysely.transaction().execute(async (trx) => {
            if (opts.exclusive) await sql`select pg_advisory_xact_lock(hashtext(${`rinnalla.${purpose}.${p.id}`}))`.execute(trx);
            return work(new Repository(trx, namedSystemCaller(p.id, purpose), true));
          }),
        );
      }
      return results;
    },
  };
}

type RequestMeta = Pick<Caller, 'ip' | 'userAgent' | 'requestId'>;

// The kernel functions below take the Kernel (modules hold it but never read its `db`).

/**
 * The public request form of the provider with this slug: a repository for its `public-intake`
 * caller (may create requests, nothing else) and the provider row the form shows; null when no
 * provider has the slug.
 */
export async function publicIntake(kernel: { db: Db }, slug: string, meta: RequestMeta): Promise<Repository | null> {
  const provider = await kernel.db.kysely.selectFrom('providers').select('id').where('slug', '=', slug).executeTakeFirst();
  if (!provider) return null;
  return new Repository(kernel.db.kysely, namedSystemCaller(provider.id, 'public-intake', meta));
}

export interface CheckinCredential {
  repo: Repository;
  checkinId: string;
  status: string;
  expiresAt: Date | null;
  providerName: string;
}

/**
 * Token credentials: the secret in a URL stands for a caller. The module asks "whose is this
 * token of kind X" and gets a repository for exactly that caller, or null for an unknown token.
 * - `calendar-feed`: the feed's owner, as the `calendar-feed` system caller (reads that
 *   practitioner's own meetings and hours, nothing else), while the feed is not revoked and the
 *   owner is still a practitioner of the provider.
 * - `checkin-link`: the link's respondent (`Caller.link`), reaching the one check-in it names; the
 *   module decides what an expired or used link answers.
 */
/** Credential resolution bound to the kernel, for a module's context (it never holds the database). */
export interface Credentials {
  resolve(kind: 'calendar-feed', token: string, meta: RequestMeta): Promise<{ repo: Repository; userId: string } | null>;
  resolve(kind: 'checkin-link', token: string, meta: RequestMeta): Promise<CheckinCredential | null>;
}

export function credentials(kernel: { db: Db }): Credentials {
  return {
    resolve: ((kind: 'calendar-feed' | 'checkin-link', token: string, meta: RequestMeta) =>
      // biome-ignore lint/suspicious/noExplicitAny: one implementation behind the two overloads
      resolveCredential(kernel, kind as any, token, meta)) as Credentials['resolve'],
  };
}

export function resolveCredential(
  kernel: { db: Db },
  kind: 'calendar-feed',
  token: string,
  meta: RequestMeta,
): Promise<{ repo: Repository; userId: string } | null>;
export function resolveCredential(
  kernel: { db: Db },
  kind: 'checkin-link',
  token: string,
  meta: RequestMeta,
): Promise<CheckinCredential | null>;
export async function resolveCredential(
  kernel: { db: Db },
  kind: 'calendar-feed' | 'checkin-link',
  token: string,
  meta: RequestMeta,
): Promise<{ repo: Repository; userId: string } | CheckinCredential | null> {
  const k = kernel.db.kysely;
  if (kind === 'calendar-feed') {
    const feed = await k
      .selectFrom('calendar_feeds')
      .select(['calendar_feeds.provider_id', 'calendar_feeds.user_id'])
      .where('calendar_feeds.token_hash', '=', hashToken(token))
      .where('calendar_feeds.revoked_at', 'is', null)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('memberships')
            .select('memberships.id')
            .whereRef('memberships.provider_id', '=', 'calendar_feeds.provider_id')
            .whereRef('memberships.user_id', '=', 'calendar_feeds.user_id')
            .where('memberships.role', '=', 'practitioner'),
        ),
      )
      .executeTakeFirst();
    if (!feed) return null;
    const caller = namedSystemCaller(feed.provider_id, 'calendar-feed', { ...meta, userId: feed.user_id });
    return { repo: new Repository(k, caller), userId: feed.user_id };
  }
  const found = await k
    .selectFrom('checkins')
    .innerJoin('providers', 'providers.id', 'checkins.provider_id')
    .select([
      'checkins.id',
      'checkins.provider_id',
      'checkins.person_id',
      'checkins.status',
      'checkins.expires_at',
      'providers.name as provider_name',
    ])
    // The first link or the reminder's: both name the check-in until it is answered.
    .where((eb) => eb.or([eb('checkins.token_hash', '=', hashToken(token)), eb('checkins.reminder_token_hash', '=', hashToken(token))]))
    .executeTakeFirst();
  if (!found) return null;
  return {
    repo: new Repository(k, linkCaller(found.provider_id, { checkinId: found.id, personId: found.person_id }, meta)),
    checkinId: found.id,
    status: found.status,
    expiresAt: found.expires_at ? new Date(found.expires_at) : null,
    providerName: found.provider_name,
  };
}
