import { defineModule } from '../../kernel/module.js';

/** The home page's summary: no tables of its own; it reads the other modules' through the repository. */
export const homeModule = defineModule({
  name: 'home',
  tables: [],
  migrations: {},
  policy: {},
  routes: async () => [(await import('./routes.js')).homeRoutes],
  walk: async () => (await import('./access.walk.js')).homeWalk,
  nav: [],
});
