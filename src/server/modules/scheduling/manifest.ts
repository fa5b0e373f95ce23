import { schedulingNav } from '../../../shared/nav.js';
import { defineModule } from '../../kernel/module.js';
import * as m0013 from './migrations/0013_scheduling_feed_state.js';
import { schedulingPolicy } from './policy.js';
import { schedulingTables } from './tables.js';

/** Meetings, attendance, notes and summaries, practitioners' hours and absences, calendar feeds. */
export const schedulingModule = defineModule({
  name: 'scheduling',
  tables: schedulingTables,
  migrations: { '0013_scheduling_feed_state': m0013 },
  policy: schedulingPolicy,
  routes: async () => [(await import('./routes.js')).schedulingRoutes],
  jobs: async (deps) => (await import('./jobs.js')).schedulingJobs(deps),
  walk: async () => (await import('./access.walk.js')).schedulingWalk,
  snapshots: async () => {
    const { practitionerCalendarQuery } = await import('./queries.js');
    return {
      "a practitioner's calendar week (one range scan)": ({ repo }) =>
        practitionerCalendarQuery(
          repo([{ role: 'practitioner', organisationId: null, unitId: null }]),
          'user-1',
          new Date('2026-11-23T00:00:00Z'),
          new Date('2026-11-30T00:00:00Z'),
        ),
    };
  },
  nav: schedulingNav,
});
