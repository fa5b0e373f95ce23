import { measuresNav } from '../../../shared/nav.js';
import { defineModule } from '../../kernel/module.js';
import * as m0011 from './migrations/0011_measures_instrument_translations.js';
import { measuresPolicy } from './policy.js';
import { measuresTables } from './tables.js';

/**
 * Questionnaires (check-ins) sent to the people of a process, their answers and scores, alerts on
 * worrying answers and their follow-up, and aggregates for the client. The worked example of a
 * module's anatomy (docs/architecture.md).
 */
export const measuresModule = defineModule({
  name: 'measures',
  // Its seven tables: Kysely types, columns, personal data (answers are health data: `special`).
  tables: measuresTables,
  // 0005_measures created the first six before manifests existed (kernel/db/migrations, history).
  migrations: { '0011_measures_instrument_translations': m0011 },
  policy: measuresPolicy,
  routes: async () => [(await import('./routes.js')).measuresRoutes],
  jobs: async (deps) => (await import('./jobs.js')).measuresJobs(deps),
  walk: async () => (await import('./access.walk.js')).measuresWalk,
  snapshots: async () => {
    const { aggregateRowsQuery, alertQuery } = await import('./use-cases/follow-up.js');
    return {
      "a client contact's aggregate of their organisation's answers (aggregate grant, never read)": ({ repo }) =>
        aggregateRowsQuery(repo([{ role: 'client_contact', organisationId: 'org-1', unitId: null }]), { organisationId: 'org-1' }),
      "a practitioner's open alerts (processes they practise in)": ({ repo }) =>
        alertQuery(repo([{ role: 'practitioner', organisationId: null, unitId: null }])).where('measure_alerts.status', '!=', 'closed'),
      'the holder of a check-in link reads that check-in only': ({ repo }) =>
        repo([], { userId: null, link: { checkinId: 'checkin-1', personId: 'person-1' } })
          .select('checkins')
          .selectAll('checkins'),
    };
  },
  nav: measuresNav,
});
