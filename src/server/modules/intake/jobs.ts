import { appendAudit } from '../../kernel/audit/audit.js';
import type { Clock } from '../../kernel/clock.js';
import type { Db } from '../../kernel/db/database.js';
import type { JobDefinition } from '../../kernel/jobs/scheduler.js';

/** The privacy notice promises it: a request that led to no process is kept at most a year. */
export const requestRetentionDays = 365;

/**
 * Deletes requests that were declined or never handled and are older than the retention period,
 * and records how many per provider in the audit trail (the count, never the content).
 */
export async function purgeExpiredRequests(db: Db, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - requestRetentionDays * 86400_000);
  return db.kysely.transaction().execute(async (trx) => {
    const deleted = await trx
      .deleteFrom('requests')
      .where('status', 'in', ['new', 'contacted', 'declined'])
      .where('created_at', '<', cutoff)
      .returning(['provider_id'])
      .execute();
    const perProvider = new Map<string, number>();
    for (const row of deleted) perProvider.set(row.provider_id, (perProvider.get(row.provider_id) ?? 0) + 1);
    for (const [providerId, count] of perProvider) {
      await appendAudit(trx, { userId: null, sessionId: null, providerId, grants: [], isPlatformAdmin: false, fullySignedIn: true, ip: null, userAgent: null, requestId: null }, {
        action: 'request.retention_purge',
        entityType: 'request',
        details: { count, olderThan: cutoff.toISOString() },
      });
    }
    return deleted.length;
  });
}

export function intakeJobs(deps: { db: Db; clock: Clock }): JobDefinition[] {
  return [{ name: 'intake-retention', pattern: '0 40 3 * * *', run: () => purgeExpiredRequests(deps.db, deps.clock.now()) }];
}
