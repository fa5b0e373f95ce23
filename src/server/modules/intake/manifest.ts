import { intakeNav } from '../../../shared/nav.js';
import { defineModule } from '../../kernel/module.js';
import { intakePolicy } from './policy.js';
import { intakeTables } from './tables.js';

/** Requests for help (the public form and the client portal), first contact and triage. */
export const intakeModule = defineModule({
  name: 'intake',
  tables: intakeTables,
  migrations: {},
  policy: intakePolicy,
  routes: async () => [(await import('./routes.js')).intakeRoutes],
  jobs: async (deps) => (await import('./jobs.js')).intakeJobs(deps),
  walk: async () => (await import('./access.walk.js')).intakeWalk,
  nav: intakeNav,
});
