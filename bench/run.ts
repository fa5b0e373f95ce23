/**
 * Rinnalla load benchmark: `npm run bench [-- --duration=10 --connections=10 --scale=small --keep]`.
 *
 * 1. creates a fresh PostgreSQL database on BENCH_DATABASE_URL's server, migrates and seeds it in bulk;
 * 2. starts the real server (buildApp) and the floor (a bare Fastify app) in a child process each;
 * 3. loads each endpoint with autocannon from this process, on loopback;
 * 4. prints and writes the results (bench/results/), EXPLAIN ANALYZE of the hot queries included;
 * 5. drops the database (unless --keep).
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { hashPassword, verifyPassword } from '../src/server/kernel/auth/passwords.js';
import { loadConfig } from '../src/server/kernel/config.js';
import { migrateToLatest, openDatabase } from '../src/server/kernel/db/database.js';
import { type Child, startChild } from './child.js';
import {
  benchDatabaseName,
  createDatabase,
  databaseUrl,
  defaultAdminUrl,
  dropDatabase,
  serverSettings,
  serverVersion,
} from './database.js';
import { explainAll, type Plan } from './explain.js';
import {
  type CsrfPair,
  csrfPair,
  type Endpoint,
  type Measurement,
  measure,
  probe,
  probePost,
  rotating,
  settle,
  signIn,
  signInWithTotp,
} from './load.js';
import { answeredLinks, answerLinkToken, createAnswerLinks } from './measures.js';
import { type Report, textTable, withRatios, writeResults } from './report.js';
import { benchPassword, type Scale, scales, seed } from './seed.js';
import { measureTenantWall, type WallRow, wallTable } from './tenant-wall.js';

const usage = `Usage: npm run bench -- [--duration=10] [--connections=10] [--warmup=2] [--scale=full|small] [--keep]
  --duration     seconds of measured load per endpoint (default 10)
  --connections  concurrent autocannon connections (default 10)
  --warmup       seconds of discarded load before each measurement (default 2)
  --scale        full (50,000 people, 200,000 audit events, 1,000,000 answers) or small (10× smaller, for a quick check)
  --keep         keep the benchmark database afterwards (its URL is printed)
Environment: BENCH_DATABASE_URL  admin connection to the PostgreSQL server (default ${defaultAdminUrl})`;

const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    scale: { type: 'string', default: 'full' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (flags.help) {
  console.log(usage);
  process.exit(0);
}
const positive = (name: string, v: string, min: number) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < min) {
    console.error(`--${name} must be a number ≥ ${min}\n\n${usage}`);
    process.exit(2);
  }
  return n;
};
const duration = positive('duration', flags.duration, 1);
const connections = Math.round(positive('connections', flags.connections, 1));
const warmup = positive('warmup', flags.warmup, 0);
if (flags.scale !== 'full' && flags.scale !== 'small') {
  console.error(`--scale must be full or small\n\n${usage}`);
  process.exit(2);
}
const scale: Scale = scales[flags.scale];

const here = path.dirname(fileURLToPath(import.meta.url));
const adminUrl = process.env.BENCH_DATABASE_URL ?? defaultAdminUrl;
const started = new Date();
const loadBefore = os.loadavg()[0] ?? 0;
const dbName = benchDatabaseName(started);
const url = databaseUrl(adminUrl, dbName);
const log = (line = '') => process.stdout.write(`${line}\n`);
/**
 * Each answer link answers once, so the answer load gets one fresh link per request it may send:
 * (warm-up + duration) at this rate, well above what a write transaction reaches on a small machine
 * (re-check it against the measured rate; a used-up rotation shows as 409 already_answered failures).
 */
const answerLinkRate = 3_000;

const setup = [
  `The server under test is the real app (\`buildApp\` from src/server/app.ts: helmet, cookies, CSRF, rate limiter, zod validation and serialisation, session lookup, repository) in its own Node process, with a pg pool of ${process.env.DATABASE_POOL_SIZE ?? 10} connections (the default).`,
  'The floor is a bare Fastify app in another Node process: `GET /bare` answers `{ ok: true }`; `GET /bare-query` runs `select id, name from users where id = $1` on its own pg.Pool of the same size.',
  `autocannon runs in the benchmark process, so it does not share an event loop with either server; all three processes and PostgreSQL share the machine's ${os.cpus().length} cores, so the absolute figures are a lower bound and the ratios are the point.`,
  'Latency percentiles come from every response time autocannon reports (sub-millisecond), not from its whole-millisecond histogram. Each endpoint gets a discarded warm-up first.',
  `The server sets the tenant wall (row-level security) for every repository query${process.env.RINNALLA_ROW_SECURITY === 'off' ? ', except in this run (RINNALLA_ROW_SECURITY=off)' : ''}; it connects as the benchmark's own role, which the policies do not bind, so the endpoint rows carry the wall's round trips but not its policy checks — the "Tenant wall" rows measure both.`,
].join(' ');

let children: Child[] = [];
let created = false;
let cleaning: Promise<void> | null = null;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await Promise.allSettled(children.map((c) => c.stop()));
    children = [];
    if (created && !flags.keep) {
      await dropDatabase(adminUrl, dbName).catch((err) => log(`Could not drop ${dbName}: ${err instanceof Error ? err.message : err}`));
      log(`Dropped database ${dbName}.`);
    } else if (created) {
      log(`Kept database ${dbName}: ${url}`);
    }
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`\n${signal}: stopping…`);
    void cleanup().finally(() => process.exit(130));
  });
}

async function main(): Promise<number> {
  log(`Rinnalla load benchmark — scale ${scale.name}, ${connections} connections, ${duration} s per endpoint (+${warmup} s warm-up)`);
  if (loadBefore > os.cpus().length / 2) {
    log(
      `Note: the machine is already busy (1-minute load average ${loadBefore.toFixed(2)} on ${os.cpus().length} cores); figures will be lower and noisier.`,
    );
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    RINNALLA_ENV: 'test',
    LOG_LEVEL: 'silent',
    JOBS: 'off',
    RATE_LIMIT_PER_MINUTE: '100000000',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000000',
    DATABASE_URL: url,
    DATA_KEY: randomBytes(32).toString('base64'),
    SESSION_SECRET: randomBytes(48).toString('base64url'),
    PUBLIC_URL: 'http://127.0.0.1',
  };
  const config = loadConfig(env);

  await createDatabase(adminUrl, dbName);
  created = true;
  log(`Created database ${dbName}.`);
  const db = await openDatabase({ databaseUrl: url, poolSize: 2 });
  try {
    await migrateToLatest(db.kysely);
  } finally {
    await db.close();
  }

  log('Seeding:');
  const seeded = await seed(url, scale, config.dataKey, log);
  log(
    `Seeded in ${seeded.seconds.toFixed(1)} s: ${Object.entries(seeded.counts)
      .map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`)
      .join(', ')}`,
  );

  // Fresh single-use answer links (sent WHO-5 check-ins with known tokens), made after the seed's counts.
  const linkPrefix = `bench-${randomBytes(6).toString('base64url')}-`;
  const linkCount = Math.ceil((duration + warmup) * answerLinkRate) + 1_000;
  const linksMade = await createAnswerLinks(url, seeded.providerId, linkPrefix, linkCount);
  const measures = seeded.measures;
  log(
    `Measures: ${measures.organisationAnswers.toLocaleString('en-US')} answers in ${measures.organisationName}, ${measures.processAnswers.toLocaleString('en-US')} of them in its follow-up process (${measures.processParticipants.toLocaleString('en-US')} participants); bands ${JSON.stringify(measures.bands)}; ${linksMade.toLocaleString('en-US')} fresh answer links`,
  );

  const server = await startChild('server', 'server.ts', env);
  children.push(server);
  const floor = await startChild('floor', 'floor.ts', env);
  children.push(floor);
  const app = `http://127.0.0.1:${server.port}`;
  const bare = `http://127.0.0.1:${floor.port}`;
  log(`Server under test: ${app} (pid ${server.pid}); floor: ${bare} (pid ${floor.pid})`);

  // Signed-in provider admins (password + TOTP), one session per account, shared round-robin by the connections.
  const admins = seeded.admins.slice(0, Math.max(1, Math.min(seeded.admins.length, connections)));
  const sessions: string[] = [];
  for (const a of admins) sessions.push(await signInWithTotp(app, a.email, benchPassword, a.totpSecret));
  const csrf = await csrfPair(app);

  // Fail early, and show what the endpoints answer.
  await probe(`${bare}/bare`);
  await probe(`${bare}/bare-query`);
  await probe(`${app}/healthz`);
  await probe(`${app}/api/me`, sessions[0]);
  const home = await probe(`${app}/api/home`, sessions[0]);
  const prefix = seeded.searchPrefixes[0] ?? 'an';
  const members = await probe(`${app}/api/members?q=${prefix}&role=participant&page=3&pageSize=25`, sessions[0]);
  const audit = await probe(`${app}/api/audit?page=1&pageSize=50`, sessions[0]);
  log(
    `Probes: home ${JSON.stringify(home.cards)}; members q=${prefix} total ${members.total} (${(members.items as unknown[]).length} on page 3); audit total ${audit.total}`,
  );

  // Supervision: the busy practitioner (five years of weekly sessions, a crisis process) and the
  // planner load's ordinary practitioners, each signed in once (password + TOTP).
  const work = seeded.supervision;
  const busySession = await signInWithTotp(app, work.busy.email, benchPassword, work.busy.totpSecret);
  const planners: { cookie: string; processId: string }[] = [];
  for (const pl of work.planners)
    planners.push({ cookie: await signInWithTotp(app, pl.email, benchPassword, pl.totpSecret), processId: pl.processId });
  const calendarQuery = (range: { from: string; to: string }) =>
    `from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`;
  // Weeks and months spread over the five years in a fixed shuffled order, so consecutive requests differ.
  const spread = <T>(items: T[]): T[] =>
    items
      .map((item, i) => ({ item, k: (i * 7919) % items.length }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.item);
  const weeks = spread(work.weeks.slice(0, -1).map((from, i) => ({ from, to: work.weeks[i + 1] as string })));
  const months = spread(work.months);
  const planBody = JSON.stringify({ count: 12 });
  // A CSRF token passes only with the session it was issued to: one pair per signed-in session.
  const bound = new Map<string, CsrfPair>();
  for (const session of [busySession, ...planners.map((pl) => pl.cookie)]) bound.set(session, await csrfPair(app, session));
  const postHeaders = (session: string) => {
    const pair = bound.get(session) as CsrfPair;
    return { 'content-type': 'application/json', cookie: `${pair.cookie}; ${session}`, 'x-csrf-token': pair.token };
  };
  // The scheduling routes are written alongside this benchmark: a missing route skips its rows instead of failing the run.
  const missing: string[] = [];
  const probeRoute = async (label: string, run: () => Promise<Record<string, unknown>>): Promise<Record<string, unknown> | null> => {
    try {
      return await run();
    } catch (err) {
      if (err instanceof Error && /HTTP 404 .*No route/.test(err.message)) {
        missing.push(label);
        return null;
      }
      throw err;
    }
  };
  const week = await probeRoute('GET /api/calendar', () => probe(`${app}/api/calendar?${calendarQuery(weeks[0]!)}`, busySession));
  const month = week && (await probe(`${app}/api/calendar?${calendarQuery(months[0]!)}`, busySession));
  const crisisPlan = await probeRoute('POST /api/processes/:id/plan', () =>
    probePost(`${app}/api/processes/${work.crisisProcessId}/plan`, { count: 12 }, bound.get(busySession) as CsrfPair, busySession),
  );
  const monthlyPlan =
    crisisPlan &&
    (await probePost(
      `${app}/api/processes/${planners[0]!.processId}/plan`,
      { count: 12 },
      bound.get(planners[0]!.cookie) as CsrfPair,
      planners[0]!.cookie,
    ));
  const items = (body: Record<string, unknown> | null, key: string) => (body ? (body[key] as unknown[]).length : '–');
  log(
    `Probes: busy practitioner's week ${items(week, 'items')} meetings, month ${items(month, 'items')}; crisis plan ${items(crisisPlan, 'proposals')} proposals, monthly plan ${items(monthlyPlan, 'proposals')}`,
  );

  // Measures: a client contact of the organisation with the most answers (password only: client-side
  // roles need no second factor), and the respondent's answer through a fresh single-use link.
  const contactSession = await signIn(app, measures.clientContactEmail, benchPassword);
  // Timed: one request alone, on a quiet server, sizes the load below.
  const aggregateMs: Record<string, number> = {};
  const aggregatesOf = async (query: string) => {
    const t = performance.now();
    const body = await probe(`${app}/api/measures/aggregates?${query}`, contactSession);
    aggregateMs[query.split('=')[0] as string] = performance.now() - t;
    return body;
  };
  const orgAggregates = await probeRoute('GET /api/measures/aggregates', () => aggregatesOf(`organisationId=${measures.organisationId}`));
  const processAggregates = orgAggregates && (await aggregatesOf(`processId=${measures.processId}`));
  log(
    `One aggregate request alone: ${Object.entries(aggregateMs)
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`)
      .join(', ')}`,
  );
  // An endpoint whose single request takes over a second would only time out under the common load
  // (10 connections on one event loop): it gets one connection, long enough for a few answers.
  const slowLoad = (aloneMs: number | undefined): Endpoint['load'] =>
    aloneMs !== undefined && aloneMs > 1_000
      ? {
          connections: 1,
          duration: Math.max(duration, Math.ceil((3 * aloneMs) / 1000)),
          warmup: 0,
          timeoutSeconds: Math.ceil((4 * aloneMs) / 1000) + 30,
        }
      : undefined;
  const aloneNote = (aloneMs: number | undefined, load: Endpoint['load']) =>
    aloneMs === undefined
      ? ''
      : ` One request alone (quiet server) took ${(aloneMs / 1000).toFixed(2)} s${load ? `, so it was loaded with 1 connection for ${load.duration} s, no warm-up` : ''}.`;
  const orgLoad = slowLoad(aggregateMs.organisationId);
  const processLoad = slowLoad(aggregateMs.processId);
  const who5Answer = { answers: { i1: 3, i2: 3, i3: 4, i4: 2, i5: 3 } };
  const linkTokens = Array.from({ length: linkCount }, (_, i) => answerLinkToken(linkPrefix, i));
  const firstAnswer = await probeRoute('POST /api/respond/:token', () =>
    probePost(`${app}/api/respond/${linkTokens.shift() as string}`, who5Answer, csrf),
  );
  const shownMonths = (body: Record<string, unknown> | null) => {
    const item = (body?.items as { months: { shown: boolean; respondents?: number }[] }[] | undefined)?.[0];
    if (!item) return '–';
    const shown = item.months.filter((m) => m.shown);
    return `${shown.length} of ${item.months.length} months shown, ~${Math.round(shown.reduce((a, m) => a + (m.respondents ?? 0), 0) / (shown.length || 1))} respondents a month`;
  };
  log(
    `Probes: organisation aggregates ${shownMonths(orgAggregates)}; process aggregates ${shownMonths(processAggregates)}; an answer scored ${JSON.stringify((firstAnswer?.result as { score?: number } | undefined)?.score ?? '–')}`,
  );
  if (missing.length) log(`Not in the server yet, so not measured: ${missing.join(', ')}`);

  // Before the load, on a quiet database: the queries behind the endpoints, explained and timed.
  log('EXPLAIN ANALYZE of the queries behind the endpoints…');
  let plans: Plan[] = [];
  try {
    plans = await explainAll(url, {
      providerId: seeded.providerId,
      adminUserId: admins[0]!.id,
      sessionToken: decodeURIComponent((sessions[0] as string).split('=')[1] ?? ''),
      participantEmail: seeded.participantEmails[0] ?? '',
      // A common first-name prefix and a rarer last-name one.
      prefixes: [...new Set([prefix, seeded.searchPrefixes.includes('virt') ? 'virt' : (seeded.searchPrefixes.at(-1) ?? prefix)])],
      busyUserId: work.busy.id,
      // The current week and month of the busy practitioner: a full calendar.
      calendarRanges: [
        { label: 'week', ...(weeks.find((w) => w.from <= started.toISOString() && started.toISOString() < w.to) ?? weeks[0]!) },
        { label: 'month', ...(months.find((m) => m.from <= started.toISOString() && started.toISOString() < m.to) ?? months[0]!) },
      ],
      measures: {
        organisationId: measures.organisationId,
        processId: measures.processId,
        // A fresh link the load has not reached yet.
        linkToken: linkTokens.at(-1) as string,
      },
    });
  } catch (err) {
    log(`  could not explain: ${err instanceof Error ? err.message : err}`);
  }

  // The tenant wall (row-level security): the same repository operations with it off and on.
  log('Tenant wall (row-level security), off vs on…');
  let tenantWall: WallRow[] = [];
  try {
    tenantWall = await measureTenantWall(url, { providerId: seeded.providerId, adminUserId: admins[0]!.id }, 200);
    log(wallTable(tenantWall));
  } catch (err) {
    log(`  could not measure: ${err instanceof Error ? err.message : err}`);
  }

  // What one argon2id verification costs on this machine, alone: the floor under every sign-in.
  const hash = await hashPassword(benchPassword);
  const verifications: number[] = [];
  for (let i = 0; i < 21; i++) {
    const t = performance.now();
    await verifyPassword(hash, benchPassword);
    verifications.push(performance.now() - t);
  }
  const argon2Ms = verifications.sort((a, b) => a - b)[10] as number;
  log(`One argon2id verification takes ${argon2Ms.toFixed(1)} ms here (median of 21, idle machine).`);

  let n = 0;
  const nextSession = () => sessions[n++ % sessions.length] as string;
  let s = 0;
  let p = 0;
  const signInHeaders = {
    'content-type': 'application/json',
    cookie: csrf.cookie,
    'x-csrf-token': csrf.token,
    'user-agent': 'rinnalla-bench',
  };
  const endpoints: Endpoint[] = [
    { key: 'bare', label: 'GET /bare (floor)', target: 'floor', request: { method: 'GET', path: '/bare' } },
    { key: 'bare-query', label: 'GET /bare-query (floor + 1 PK query)', target: 'floor', request: { method: 'GET', path: '/bare-query' } },
    {
      key: 'healthz',
      label: 'GET /healthz (app, context)',
      target: 'app',
      note: "context, not in the brief: the real app's plugin stack (helmet, cookies, rate limiter, hooks, zod serialiser) with no session and no query.",
      request: { method: 'GET', path: '/healthz' },
    },
    {
      key: 'me',
      label: 'GET /api/me (app, context)',
      target: 'app',
      note: "context, not in the brief: the app's analogue of the bare query: session lookup plus one primary-key query.",
      request: { method: 'GET', path: '/api/me', setupRequest: (req) => ({ ...req, headers: { ...req.headers, cookie: nextSession() } }) },
    },
    {
      key: 'sign-in',
      label: 'POST /api/auth/sign-in',
      target: 'app',
      note: `dominated by argon2id by design (19 MiB, 2 passes; one verification ≈ ${argon2Ms.toFixed(1)} ms of CPU here, so ${os.cpus().length} cores cap sign-in near ${Math.round((os.cpus().length * 1000) / argon2Ms)}/s before anything else runs); rotating over ${seeded.participantEmails.length.toLocaleString('en-US')} participant accounts; each success also writes a session and an audit event.`,
      request: {
        method: 'POST',
        path: '/api/auth/sign-in',
        headers: signInHeaders,
        setupRequest: (req) => ({
          ...req,
          body: JSON.stringify({ email: seeded.participantEmails[s++ % seeded.participantEmails.length], password: benchPassword }),
        }),
      },
    },
    {
      key: 'home',
      label: 'GET /api/home (provider admin)',
      target: 'app',
      request: {
        method: 'GET',
        path: '/api/home',
        setupRequest: (req) => ({ ...req, headers: { ...req.headers, cookie: nextSession() } }),
      },
    },
    {
      key: 'members',
      label: 'GET /api/members?q=…&role=participant&page=3',
      target: 'app',
      note: `prefix search rotating over ${seeded.searchPrefixes.length} two- to four-letter name prefixes, page 3 of 25.`,
      request: {
        method: 'GET',
        path: '/api/members',
        setupRequest: (req) => ({
          ...req,
          path: `/api/members?q=${encodeURIComponent(seeded.searchPrefixes[p++ % seeded.searchPrefixes.length] as string)}&role=participant&page=3&pageSize=25`,
          headers: { ...req.headers, cookie: nextSession() },
        }),
      },
    },
    {
      key: 'audit',
      label: 'GET /api/audit?page=1&pageSize=50',
      target: 'app',
      request: {
        method: 'GET',
        path: '/api/audit?page=1&pageSize=50',
        setupRequest: (req) => ({ ...req, headers: { ...req.headers, cookie: nextSession() } }),
      },
    },
  ];
  if (week) {
    endpoints.push(
      {
        key: 'calendar-week',
        label: 'GET /api/calendar (busy practitioner, a week)',
        target: 'app',
        note: `the practitioner with ${work.busyMeetings.toLocaleString('en-US')} meetings over five years (20 a week); Monday to next Monday (Europe/Helsinki), rotating over ${weeks.length} weeks.`,
        request: {
          method: 'GET',
          path: '/api/calendar',
          headers: { cookie: busySession },
          setupRequest: rotating(weeks, (req, range) => ({ ...req, path: `/api/calendar?${calendarQuery(range)}` })),
        },
      },
      {
        key: 'calendar-month',
        label: 'GET /api/calendar (busy practitioner, a month)',
        target: 'app',
        note: `first of the month to the first of the next (about 85 meetings); rotating over ${months.length} months.`,
        request: {
          method: 'GET',
          path: '/api/calendar',
          headers: { cookie: busySession },
          setupRequest: rotating(months, (req, range) => ({ ...req, path: `/api/calendar?${calendarQuery(range)}` })),
        },
      },
    );
  }
  if (crisisPlan) {
    let q = 0;
    endpoints.push(
      {
        key: 'plan-crisis',
        label: 'POST /api/processes/:id/plan (crisis, 12)',
        target: 'app',
        note: "the busy practitioner's crisis process, `{ count: 12 }`: planned around their weekday hours, their bookings (20 a week, three months ahead) and the Finnish holidays. Proposes only, writes nothing.",
        request: { method: 'POST', path: `/api/processes/${work.crisisProcessId}/plan`, headers: postHeaders(busySession), body: planBody },
      },
      {
        key: 'plan-monthly',
        label: 'POST /api/processes/:id/plan (monthly, 12)',
        target: 'app',
        note: `ordinary practitioners (2–3 monthly processes each), one monthly process each, \`{ count: 12 }\`; rotating over ${planners.length} practitioners.`,
        request: {
          method: 'POST',
          path: `/api/processes/${planners[0]?.processId}/plan`,
          body: planBody,
          setupRequest: (req) => {
            const pl = planners[q++ % planners.length]!;
            return { ...req, path: `/api/processes/${pl.processId}/plan`, headers: { ...req.headers, ...postHeaders(pl.cookie) } };
          },
        },
      },
    );
  }

  if (orgAggregates) {
    endpoints.push(
      {
        key: 'aggregates-org',
        label: 'GET /api/measures/aggregates?organisationId=',
        target: 'app',
        note: `a signed-in client contact of ${measures.organisationName}, whose ${measures.organisationAnswers.toLocaleString('en-US')} WHO-5 answers over 24 months (of ${seeded.counts.responses?.toLocaleString('en-US')}) are read and folded into monthly aggregates with the no-differencing rule; ${shownMonths(orgAggregates)}.${aloneNote(aggregateMs.organisationId, orgLoad)}`,
        request: {
          method: 'GET',
          path: `/api/measures/aggregates?organisationId=${measures.organisationId}`,
          headers: { cookie: contactSession },
        },
        load: orgLoad,
      },
      {
        key: 'aggregates-process',
        label: 'GET /api/measures/aggregates?processId=',
        target: 'app',
        note: `the same client contact, the organisation-wide follow-up process (${measures.processParticipants.toLocaleString('en-US')} participants, ${measures.processAnswers.toLocaleString('en-US')} answers); ${shownMonths(processAggregates)}.${aloneNote(aggregateMs.processId, processLoad)}`,
        request: { method: 'GET', path: `/api/measures/aggregates?processId=${measures.processId}`, headers: { cookie: contactSession } },
        load: processLoad,
      },
    );
  }
  if (firstAnswer) {
    // Last: every answer is a write (response, check-in update, two audit events, sometimes an alert).
    endpoints.push({
      key: 'respond',
      label: 'POST /api/respond/:token (WHO-5 answer)',
      target: 'app',
      note: `the respondent's answer \`${JSON.stringify(who5Answer)}\` through a fresh single-use link each time (no session; CSRF pair), rotating over ${linkTokens.length.toLocaleString('en-US')} sent check-ins of ordinary process participants with up to two years of biweekly answers behind each: link lookup, scoring against the previous answer, the response, the check-in closed and audited, an alert on a drop, in one transaction.`,
      request: {
        method: 'POST',
        path: '/api/respond/x',
        headers: { 'content-type': 'application/json', cookie: csrf.cookie, 'x-csrf-token': csrf.token },
        body: JSON.stringify(who5Answer),
        setupRequest: rotating(linkTokens, (req, token) => ({ ...req, path: `/api/respond/${token}` })),
      },
    });
  }

  const measurements: Measurement[] = [];
  for (const e of endpoints) {
    const m = await measure(e.target === 'floor' ? bare : app, e, { connections, duration, warmup });
    measurements.push(m);
    if (e.target === 'app') {
      const waited = await settle(app);
      if (waited > 1_000) log(`  (waited ${(waited / 1000).toFixed(1)} s for the server to finish requests still in flight)`);
    }
    log(
      `  ${e.label.padEnd(48)} ${m.requestsPerSecond.toFixed(1).padStart(9)} req/s  p50 ${m.latency.p50.toFixed(2).padStart(7)} ms  p99 ${m.latency.p99.toFixed(2).padStart(7)} ms  non-2xx/errors ${m.non2xx + m.errors}`,
    );
  }

  const answering = measurements.find((m) => m.key === 'respond');
  if (answering) {
    const used = await answeredLinks(url, linkPrefix, linkCount);
    answering.note += ` ${used.toLocaleString('en-US')} of the ${linkCount.toLocaleString('en-US')} links were answered (warm-up, probe and load)${used >= linkCount ? ': all used, so the rotation came round to used links (409 already_answered)' : ''}.`;
    log(`  answer links used: ${used.toLocaleString('en-US')} of ${linkCount.toLocaleString('en-US')}`);
  }

  const loadAfter = os.loadavg()[0] ?? 0;
  const postgres = await serverVersion(url);
  const settings = await serverSettings(url, [
    'shared_buffers',
    'work_mem',
    'effective_cache_size',
    'max_connections',
    'jit',
    'synchronous_commit',
  ]);
  await cleanup();

  const rows = withRatios(measurements);
  const failures = rows
    .filter((r) => r.failureRate > 0.01)
    .map((r) => `${r.label}: ${(r.failureRate * 100).toFixed(1)} % not 2xx (status ${JSON.stringify(r.statusCodes)}, errors ${r.errors})`);
  const skipped = missing.map((route) => `${route}: no such route in the server yet`);
  const report: Report = {
    date: started.toISOString(),
    machine: {
      node: process.version,
      cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
      cores: os.cpus().length,
      memoryGiB: os.totalmem() / 2 ** 30,
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      postgres,
      postgresSettings: settings,
      loadAverage: { before: loadBefore, after: loadAfter },
    },
    options: { scale: scale.name, durationSeconds: duration, warmupSeconds: warmup, connections, database: dbName, kept: flags.keep },
    setup,
    seed: { seconds: seeded.seconds, counts: seeded.counts, steps: seeded.steps },
    rows,
    plans,
    failures,
    skipped,
    tenantWall,
  };
  const written = writeResults(path.join(here, 'results'), report);

  log('');
  log(textTable(rows));
  log('');
  for (const r of rows.filter((row) => row.note)) log(`${r.label}: ${r.note}`);
  log('');
  log('Server-side query times (median of 7 plain runs; EXPLAIN ANALYZE in latest-plans.txt):');
  for (const plan of plans) log(`  ${plan.medianMs.toFixed(2).padStart(9)} ms  ${plan.endpoint}: ${plan.query}`);
  log('');
  log(`Wrote ${written.map((f) => path.relative(process.cwd(), f)).join(', ')}`);
  if (skipped.length) log(`\nNot measured: ${skipped.join('; ')}`);
  if (failures.length) {
    log('');
    log(`FAILED: more than 1 % of requests were not 2xx:\n  ${failures.join('\n  ')}`);
    return 1;
  }
  return 0;
}

main()
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    await cleanup();
    process.exit(1);
  });
