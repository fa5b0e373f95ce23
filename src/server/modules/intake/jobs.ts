import type { SystemRunner } from '../../kernel/access/system.js';
import type { Clock } from '../../kernel/clock.js';
import type { JobDefinition } from '../../kernel/jobs/scheduler.js';

/** The privacy notice promises it: a request that led to no process is kept at most a year. */
export const requestRetentionDays = 365;

/**
 * Deletes requests that were declined or never handled and are older than the retention period,
 * as the `intake-retention` system caller of each provider (it may read and delete requests and
 * nothing else), and records how many per provider in the audit trail (the count, never the content).
 */
export async function purgeExpiredRequests(system: SystemRunner, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - requestRetentionDays * 86400_000);
  const counts = await system.forEachProvider('intake-retention', async (repo) => {
    const expired = await repo
      .select('requests')
      .select('requests.id')
      .where('requests.status', 'in', ['new', 'contacted', 'declined'])
      .where('requests.created_at', '<', cutoff)
      .execute();
    for (const r of expired) await repo.delete('requests', r.id);
    if (expired.length) {
      await repo.audit({
        action: 'request.retention_purge',
        entityType: 'request',
        details: { count: expired.length, olderThan: cutoff.toISOString() },
      });
    }
    return expired.length;
  });
  return counts.reduce((a, b) => a + b, 0);
}

export function intakeJobs(deps: { system: SystemRunner; clock: Clock }): JobDefinition[] {
  return [{ name: 'intake-retention', pattern: '0 40 3 * * *', run: () => purgeExpiredRequests(deps.system, deps.clock.now()) }];
}
