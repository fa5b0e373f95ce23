import { processesNav } from '../../../shared/nav.js';
import { defineModule } from '../../kernel/module.js';
import * as m0012 from './migrations/0012_processes_services_vat_names.js';
import { processesPolicy } from './policy.js';
import { processesTables } from './tables.js';

/** Client processes (contracts), their people, practitioners, goals and status history; services. */
export const processesModule = defineModule({
  name: 'processes',
  tables: processesTables,
  migrations: { '0012_processes_services_vat_names': m0012 },
  policy: processesPolicy,
  routes: async () => [(await import('./routes.js')).processesRoutes],
  walk: async () => (await import('./access.walk.js')).processesWalk,
  nav: processesNav,
});
