/**
 * EXPLAIN ANALYZE of the queries behind the measured endpoints, compiled from the server's own
 * query builders (the same code the routes run), against the seeded database.
 */
import { type Compilable, DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import pg from 'pg';
import { type Caller, linkCaller } from '../src/server/kernel/access/caller.js';
import { Repository } from '../src/server/kernel/access/repository.js';
import { auditCount, auditSearch } from '../src/server/kernel/audit/queries.js';
import { sessionLookupQuery } from '../src/server/kernel/auth/sessions.js';
import { hashToken } from '../src/server/kernel/crypto.js';
import type { Database } from '../src/server/kernel/db/schema.js';
import { memberCount, memberSearch } from '../src/server/kernel/tenancy/queries.js';
import { practitionerCalendarQuery } from '../src/server/modules/scheduling/queries.js';

const compiler = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

export interface Plan {
  endpoint: string;
  query: string;
  /** Median wall time of the plain query (7 runs, as the server's pool sends it), in ms. */
  medianMs: number;
  /** From EXPLAIN ANALYZE, which adds its own timing overhead on plans that touch many rows. */
  executionMs: number;
  planningMs: number;
  plan: string;
}

export interface ExplainInput {
  providerId: string;
  adminUserId: string;
  /** The admin's session token (cookie value), for the session lookup. */
  sessionToken: string;
  participantEmail: string;
  /** Member-search prefixes to explain: a common one and a rare one. */
  prefixes: string[];
  /** The busy practitioner, and the calendar ranges to explain for them. */
  busyUserId: string;
  calendarRanges: { label: string; from: string; to: string }[];
  /** The measures load: the client contact's organisation and process, and a fresh answer link. */
  measures?: { organisationId: string; processId: string; linkToken: string };
}

export async function explainAll(url: string, input: ExplainInput): Promise<Plan[]> {
  const caller: Caller = {
    userId: input.adminUserId,
    sessionId: null,
    providerId: input.providerId,
    grants: [{ role: 'provider_admin', organisationId: null, unitId: null }],
    isPlatformAdmin: false,
    fullySignedIn: true,
    ip: null,
    userAgent: null,
    requestId: null,
  };
  const repo = new Repository(compiler, caller);
  // The busy practitioner as the calendar route sees them: the policy adds their caseload scope.
  const practitioner = new Repository(compiler, {
    ...caller,
    userId: input.busyUserId,
    grants: [{ role: 'practitioner', organisationId: null, unitId: null }],
  });
  const now = new Date();
  const queries: { endpoint: string; query: string; q: Compilable }[] = [
    { endpoint: 'every signed-in request', query: 'session lookup', q: sessionLookupQuery(compiler, hashToken(input.sessionToken)) },
    {
      endpoint: 'POST /api/auth/sign-in',
      query: 'user by e-mail',
      q: compiler
        .selectFrom('users')
        .selectAll()
        .where(compiler.fn('lower', ['email']), '=', input.participantEmail),
    },
    { endpoint: 'GET /api/home', query: 'count members', q: repo.select('memberships').select((eb) => eb.fn.countAll<number>().as('n')) },
    {
      endpoint: 'GET /api/home',
      query: 'count pending invitations',
      q: repo
        .select('invitations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('invitations.accepted_at', 'is', null)
        .where('invitations.revoked_at', 'is', null)
        .where('invitations.expires_at', '>', now),
    },
    {
      endpoint: 'GET /api/home',
      query: 'count organisations',
      q: repo.select('organisations').select((eb) => eb.fn.countAll<number>().as('n')),
    },
    ...input.prefixes.map((prefix) => ({
      endpoint: 'GET /api/members',
      query: `member search q=${prefix} role=participant page 3`,
      q: memberSearch(repo, { q: prefix, role: 'participant', page: 3, pageSize: 25 }),
    })),
    ...input.prefixes.map((prefix) => ({
      endpoint: 'GET /api/members',
      query: `member count (capped) q=${prefix} role=participant`,
      q: memberCount(repo, { q: prefix, role: 'participant' }),
    })),
    { endpoint: 'GET /api/members', query: 'member search, no filter, page 1', q: memberSearch(repo, { page: 1, pageSize: 25 }) },
    { endpoint: 'GET /api/members', query: 'member count (capped), no filter', q: memberCount(repo, {}) },
    { endpoint: 'GET /api/audit', query: 'audit browse page 1 of 50', q: auditSearch(repo, { page: 1, pageSize: 50 }) },
    { endpoint: 'GET /api/audit', query: 'audit count (capped)', q: auditCount(repo, {}) },
    ...input.calendarRanges.map((range) => ({
      endpoint: 'GET /api/calendar',
      query: `busy practitioner's calendar, a ${range.label}`,
      q: practitionerCalendarQuery(practitioner, input.busyUserId, new Date(range.from), new Date(range.to)),
    })),
    {
      // planMeetings reads the bookings through the calendar query, over the window it may look at:
      // now to now + (count × 35 + 130) days, so count 12 is 550 days.
      endpoint: 'POST /api/processes/:id/plan',
      query: "busy practitioner's bookings, count 12 window",
      q: practitionerCalendarQuery(practitioner, input.busyUserId, now, new Date(now.getTime() + (12 * 35 + 130) * 86_400_000)),
    },
  ];
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (input.measures) queries.push(...(await measuresQueries(client, input.providerId, input.measures)));
    const plans: Plan[] = [];
    for (const { endpoint, query, q } of queries) {
      const compiled = q.compile();
      const text = `explain (analyze, buffers) ${compiled.sql}`;
      await client.query(text, compiled.parameters as unknown[]); // warm the cache; keep the second run
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(text, compiled.parameters as unknown[]);
      const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      const runs: number[] = [];
      for (let i = 0; i < 7; i++) {
        const t = performance.now();
        await client.query(compiled.sql, compiled.parameters as unknown[]);
        runs.push(performance.now() - t);
      }
      runs.sort((a, b) => a - b);
      const ms = (label: string) => Number(new RegExp(`${label} Time: ([\\d.]+) ms`).exec(plan)?.[1] ?? Number.NaN);
      plans.push({
        endpoint,
        query,
        medianMs: runs[3] as number,
        executionMs: ms('Execution'),
        planningMs: ms('Planning'),
        plan: `${compiled.sql}\n-- ${JSON.stringify(compiled.parameters)}\n${plan}`,
      });
    }
    return plans;
  } finally {
    await client.end();
  }
}

/**
 * The measures routes' queries. The aggregate and link queries are written inline in
 * modules/measures (follow-up.ts `aggregates`, service.ts `openLink` and `submitAnswers`), so they
 * are rebuilt here the same way, through the same repository and policies.
 */
async function measuresQueries(
  client: pg.Client,
  providerId: string,
  m: NonNullable<ExplainInput['measures']>,
): Promise<{ endpoint: string; query: string; q: Compilable }[]> {
  const contact = new Repository(compiler, {
    userId: null,
    sessionId: null,
    providerId,
    grants: [{ role: 'client_contact', organisationId: m.organisationId, unitId: null }],
    isPlatformAdmin: false,
    fullySignedIn: true,
    ip: null,
    userAgent: null,
    requestId: null,
  });
  const answers = () =>
    contact
      .selectForAggregate('responses')
      .select([
        'responses.instrument_key',
        'responses.process_id',
        'responses.person_id',
        'responses.score',
        'responses.band',
        'responses.submitted_at',
      ]);
  const tokenHash = hashToken(m.linkToken);
  const { rows } = await client.query<{ id: string; person_id: string }>('select id, person_id from checkins where token_hash = $1', [
    tokenHash,
  ]);
  const link = rows[0];
  const respondent = link
    ? new Repository(
        compiler,
        linkCaller(providerId, { checkinId: link.id, personId: link.person_id }, { ip: null, userAgent: null, requestId: null }),
      )
    : null;
  return [
    {
      endpoint: 'GET /api/measures/aggregates',
      query: "client contact's organisation: its answers",
      q: answers().where('responses.organisation_id', '=', m.organisationId),
    },
    {
      endpoint: 'GET /api/measures/aggregates',
      query: 'client contact, the follow-up process: its answers',
      q: answers().where('responses.process_id', '=', m.processId),
    },
    {
      endpoint: 'POST /api/respond/:token',
      query: 'link lookup by token hash',
      q: compiler
        .selectFrom('checkins')
        .innerJoin('providers', 'providers.id', 'checkins.provider_id')
        .select([
          'checkins.id',
          'checkins.provider_id',
          'checkins.person_id',
          'checkins.status',
          'checkins.expires_at',
          'providers.name as provider_name',
        ])
        .where('checkins.token_hash', '=', tokenHash),
    },
    ...(respondent && link
      ? [
          {
            endpoint: 'POST /api/respond/:token',
            query: "the respondent's previous WHO-5 score",
            q: respondent
              .select('responses')
              .select(['responses.score'])
              .where('responses.person_id', '=', link.person_id)
              .where('responses.instrument_key', '=', 'who5')
              .orderBy('responses.submitted_at', 'desc')
              .limit(1),
          },
        ]
      : []),
  ];
}
