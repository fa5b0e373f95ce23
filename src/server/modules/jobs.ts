import type { JobDefinition, JobDeps } from '../kernel/module.js';
import { modules } from './index.js';

/** Every module's scheduled jobs, from their manifests. */
export async function moduleJobs(deps: JobDeps): Promise<JobDefinition[]> {
  return (await Promise.all(modules.map((m) => m.jobs?.(deps) ?? []))).flat();
}
