import { Cron } from 'croner';
import type { FastifyBaseLogger } from 'fastify';

export interface JobDefinition {
  name: string;
  /** Cron pattern with seconds, e.g. every ten seconds: star-slash-10 then five stars. */
  pattern: string;
  run(): Promise<unknown>;
}

/**
 * Croner only ticks; the work itself is rows in the database claimed with SKIP LOCKED, so any
 * number of servers can run the same schedule safely. `protect` stops a slow run overlapping itself.
 */
export function startJobs(jobs: JobDefinition[], log: FastifyBaseLogger): () => void {
  const running = jobs.map(
    (job) =>
      new Cron(job.pattern, { protect: true, name: job.name }, async () => {
        try {
          await job.run();
        } catch (err) {
          log.error({ err, job: job.name }, 'job failed');
        }
      }),
  );
  return () => {
    for (const cron of running) cron.stop();
  };
}
