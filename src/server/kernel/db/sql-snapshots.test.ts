/**
 * Every hot or access-shaping query is kept as generated SQL in `queries.sql` beside this file, so a
 * change to a query (or to the conditions the repository adds) shows up in review.
 * Update with `npx vitest run --project unit -u` and read the diff.
 */
import { type Compilable, DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import { aggregateRowsQuery, alertQuery } from '../../modules/measures/follow-up.js';
import { practitionerCalendarQuery } from '../../modules/scheduling/queries.js';
import type { Caller } from '../access/caller.js';
import { Repository } from '../access/repository.js';
import { auditSearch } from '../audit/queries.js';
import { sessionLookupQuery } from '../auth/sessions.js';
import { memberSearch } from '../tenancy/queries.js';
import type { Database } from './schema.js';

const db = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

const caller = (grants: Caller['grants']): Caller => ({
  userId: 'user-1',
  sessionId: 'session-1',
  providerId: 'provider-1',
  grants,
  isPlatformAdmin: false,
  fullySignedIn: true,
  ip: null,
  userAgent: null,
  requestId: null,
});
const admin = new Repository(db, caller([{ role: 'provider_admin', organisationId: null, unitId: null }]));
const contact = new Repository(db, caller([{ role: 'client_contact', organisationId: 'org-1', unitId: null }]));

const queries: Record<string, Compilable> = {
  'session lookup (every signed-in request)': sessionLookupQuery(db, 'token-hash'),
  'member search, provider admin, filtered': memberSearch(admin, {
    q: 'ann',
    role: 'participant',
    organisationId: 'org-1',
    page: 3,
    pageSize: 25,
  }),
  'member search, provider admin, unfiltered': memberSearch(admin, { page: 1, pageSize: 25 }),
  'organisations as a client contact (row scope)': contact.select('organisations').selectAll('organisations'),
  "a practitioner's calendar week (one range scan)": practitionerCalendarQuery(
    new Repository(db, caller([{ role: 'practitioner', organisationId: null, unitId: null }])),
    'user-1',
    new Date('2026-11-23T00:00:00Z'),
    new Date('2026-11-30T00:00:00Z'),
  ),
  "a client contact's aggregate of their organisation's answers (aggregate grant, never read)": aggregateRowsQuery(contact, {
    organisationId: 'org-1',
  }),
  "a practitioner's open alerts (processes they practise in)": alertQuery(
    new Repository(db, caller([{ role: 'practitioner', organisationId: null, unitId: null }])),
  ).where('measure_alerts.status', '!=', 'closed'),
  'the holder of a check-in link reads that check-in only': new Repository(db, {
    ...caller([]),
    userId: null,
    link: { checkinId: 'checkin-1', personId: 'person-1' },
  })
    .select('checkins')
    .selectAll('checkins'),
  'audit browse, provider admin': auditSearch(admin, {
    action: 'auth.sign_in',
    from: new Date('2026-01-01T00:00:00Z'),
    page: 1,
    pageSize: 50,
  }),
};

describe('SQL snapshots', () => {
  it('match queries.sql', async () => {
    const text = Object.entries(queries)
      .map(([name, q]) => {
        const compiled = q.compile();
        return `-- ${name}\n${compiled.sql};\n-- parameters: ${JSON.stringify(compiled.parameters)}\n`;
      })
      .join('\n');
    await expect(text).toMatchFileSnapshot('./queries.sql');
  });
});
