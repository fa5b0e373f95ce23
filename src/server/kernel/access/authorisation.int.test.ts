/**
 * The authorisation walk: every API route, called by every role, by an administrator of another
 * provider, by the holder of a check-in link and by nobody, must be allowed or refused exactly as
 * this table says. An allowed caller must succeed (2xx, or the status its entry names with a
 * reason), so every request is real: real ids, real tokens, throwaway rows for destructive routes.
 * A route that is not in the table fails the suite, so a new route cannot ship without its access
 * decided. No refusal and no answer to the other tenant may carry any marker of the fixture.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modules } from '../../modules/index.js';
import { Client, seedWorld, startTestApp, type TestApp, type World } from '../../testing/harness.js';
import { type OtherProviderWorld, type SupervisionWorld, seedOtherProvider, seedSupervision } from '../../testing/supervision.js';
import { createSession } from '../auth/sessions.js';
import { DataCipher } from '../crypto.js';
import { kernelJobs } from '../jobs/kernel-jobs.js';
import type { JobDefinition } from '../jobs/scheduler.js';
import { type JobPurpose, type SystemRunner, systemRunner } from './system.js';
import { callers, type WalkEntry as Entry, judge, type Markers, ofProviderA, type WalkContext, type Who } from './walk.js';

/** Every route's entry: the kernel's and each module's, from the module list (their manifests' `walk`). */
const table: Record<string, Entry> = Object.assign({}, ...(await Promise.all(modules.map((m) => m.walk()))));

let t: TestApp;
let world: World;
let sup: SupervisionWorld;
let other: OtherProviderWorld;
let markersA: string[];
let markersB: string[];
/** The token of a check-in really sent to the world's participant: the respondent carries it everywhere. */
let respondentToken: string;

/**
 * Every distinctive string and id the fixture wrote for one provider: ids and free text of every
 * row that carries its provider_id, and the accounts that belong to it alone. Enum-like values,
 * dates and time zones are not distinctive, and neither is anything both providers have.
 */
async function markersOf(providerId: string): Promise<Set<string>> {
  const k = t.db.kysely;
  const found = new Set<string>();
  const add = (v: unknown) => {
    if (typeof v !== 'string') return;
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)) found.add(v);
    else if (v.length >= 8 && !/^[a-z0-9_:.-]+$/.test(v) && !/^[A-Z][a-z]+\/[A-Za-z_]+$/.test(v) && !/^\d{4}-\d{2}/.test(v)) found.add(v);
  };
  const tables = await sql<{ table_name: string }>`
    select distinct table_name from information_schema.columns
    where column_name = 'provider_id' and table_schema = current_schema()`.execute(k);
  for (const { table_name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table_name)} where provider_id = ${providerId}`.execute(k);
    for (const row of rows.rows) for (const v of Object.values(row)) add(v);
  }
  const own = await sql<{ id: string; email: string; name: string }>`
    select u.id, u.email, u.name from users u
    where exists (select 1 from memberships m where m.user_id = u.id and m.provider_id = ${providerId})
      and not exists (select 1 from memberships m where m.user_id = u.id and m.provider_id <> ${providerId})`.execute(k);
  for (const u of own.rows) for (const v of Object.values(u)) add(v);
  return found;
}

const tokenIn = (text: string) => /\/r\/([A-Za-z0-9_-]{20,})/.exec(text)?.[1] ?? null;

/**
 * The respondent's own process: the world's practitioner leads it and one person with an address
 * nobody else writes to, so the newest mail there is always the link just sent.
 */
const respondentEmail = 'walk.respondent@example.test';
let respondentProcess: { processId: string; personId: string };

async function seedRespondent(): Promise<void> {
  const k = t.db.kysely;
  const person = await k
    .insertInto('people')
    .values({
      provider_id: world.providerId,
      organisation_id: world.organisationId,
      unit_id: null,
      user_id: null,
      name: 'Walk Respondent',
      email: respondentEmail,
      phone: null,
      locale: 'en',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const process = await k
    .insertInto('processes')
    .values({
      provider_id: world.providerId,
      organisation_id: world.organisationId,
      service_id: sup.serviceId,
      kind: 'group',
      title: 'Walk respondent process',
      status: 'active',
      agreed_sessions: null,
      cadence: 'monthly',
      session_minutes: 90,
      place: 'on_site',
      location: null,
      video_link: null,
      price_cents: 24000,
      start_date: null,
      review_date: null,
      crisis_event_at: null,
      continued_from_id: null,
      request_id: null,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await k
    .insertInto('process_practitioners')
    .values({ provider_id: world.providerId, process_id: process.id, user_id: world.users.practitioner.id })
    .execute();
  await k
    .insertInto('process_participants')
    .values({ provider_id: world.providerId, process_id: process.id, person_id: person.id })
    .execute();
  respondentProcess = { processId: process.id, personId: person.id };
}

/** Sends a WHO-5 to the respondent through the practitioner, as the app does, and reads the link from the mail. */
async function checkinLink(): Promise<string> {
  const practitioner = await clientFor('practitioner');
  const res = await practitioner.request('POST', `/api/processes/${respondentProcess.processId}/checkins`, {
    instrumentKey: 'who5',
    personIds: [respondentProcess.personId],
  });
  if (res.statusCode !== 201) throw new Error(`sending a check-in for the walk failed: ${res.statusCode} ${res.body}`);
  // Delivery goes in batches, oldest first, and the walk queues much mail: drain the outbox.
  let delivered = -1;
  for (let i = 0; i < 50 && delivered !== t.mail.sent.length; i++) {
    delivered = t.mail.sent.length;
    await t.deliverMail();
  }
  const links = t.mail.sent.filter((m) => m.to === respondentEmail).map((m) => tokenIn(m.text));
  const token = links[links.length - 1];
  if (!token) throw new Error('the check-in mail carried no link');
  return token;
}

beforeAll(async () => {
  t = await startTestApp();
  const cipher = new DataCipher(t.config.dataKey);
  world = await seedWorld(t.db, cipher);
  sup = await seedSupervision(t.db, world, cipher);
  other = await seedOtherProvider(t.db, world);
  await seedRespondent();
  respondentToken = await checkinLink();
  const a = await markersOf(world.providerId);
  const b = await markersOf(world.otherProviderId);
  markersA = [...a].filter((m) => !b.has(m));
  markersB = [...b].filter((m) => !a.has(m));
});
afterAll(() => t.close());

/** A fresh, fully signed-in session per request, so sign-outs and deletions cannot disturb the walk. */
async function clientFor(who: Who): Promise<Client> {
  const client = new Client(t.app, who);
  const cookies = (client as unknown as { cookies: Map<string, string> }).cookies;
  if (who === 'anonymous') return client;
  // The link holder has no account: it offers its check-in token where a session would go, which must open nothing.
  if (who === 'respondent') {
    cookies.set('rinnalla_session', respondentToken);
    return client;
  }
  const user = world.users[who as keyof World['users']];
  const token = await createSession(t.db.kysely, t.clock, {
    userId: user.id,
    providerId: who === 'other_tenant_admin' ? world.otherProviderId : who === 'platform_admin' ? null : world.providerId,
    ttlHours: 1,
    ip: null,
    userAgent: null,
    mfaVerified: true,
  });
  cookies.set('rinnalla_session', token);
  return client;
}

const context = (who: Who): WalkContext => ({ t, world, sup, who, checkinLink, as: clientFor });

/** The markers one caller must not meet: its own request's strings are not a leak. */
function markersFor(who: Who, sent: string): Markers {
  const unsent = (list: string[]) => list.filter((m) => !sent.includes(m));
  return {
    refused: unsent([...markersA, ...markersB]),
    crossTenant: unsent(who === 'other_tenant_admin' ? markersA : ofProviderA.includes(who) ? markersB : []),
  };
}

describe('authorisation walk', () => {
  it('knows the fixture well enough to look for it', () => {
    expect(markersB).toEqual(
      expect.arrayContaining([
        world.otherProviderId,
        world.foreignOrganisationId,
        other.processId,
        'Foreign Gamma',
        'Bjørn Foreign Person',
        world.users.other_tenant_admin.email,
      ]),
    );
    expect(markersA).toEqual(
      expect.arrayContaining([
        world.providerId,
        sup.processId,
        'Care Home Alpha',
        world.users.participant.email,
        'A resident threatened staff with a knife last night.',
      ]),
    );
    expect(markersA.length + markersB.length).toBeGreaterThan(100);
  });

  it('has an entry for every API route and no entry for a route that does not exist', () => {
    const routes = t.app.routeTable.filter((r) => !r.url.startsWith('/api/docs') && r.url !== '/*').map((r) => `${r.method} ${r.url}`);
    expect(
      routes.filter((r) => !(r in table)),
      'routes without an authorisation entry',
    ).toEqual([]);
    expect(
      Object.keys(table).filter((k) => !routes.includes(k)),
      'entries for routes that do not exist',
    ).toEqual([]);
  });

  it('declares every route access rule on the route itself', () => {
    const undeclared = t.app.routeTable.filter((r) => !r.url.startsWith('/api/docs') && r.url !== '/*' && !r.access);
    expect(undeclared).toEqual([]);
  });

  for (const [key, entry] of Object.entries(table)) {
    const [method, path] = key.split(' ') as [string, string];
    it(`${key}`, async () => {
      const outcomes: string[] = [];
      for (const who of callers) {
        const client = await clientFor(who);
        const { url = path, body } = (await entry.request?.(context(who))) ?? {};
        if (/\/:[a-z]/i.test(url)) outcomes.push(`${who}: the request was not made real (${url})`);
        const res = await client.request(method as 'GET', url, method === 'GET' ? undefined : (body ?? {}));
        const code: string | undefined = String(res.headers['content-type'] ?? '').includes('json') ? res.json()?.error?.code : undefined;
        const sent = `${url} ${JSON.stringify(body ?? null)}`;
        outcomes.push(...judge(entry, who, { status: res.statusCode, code, body: res.body }, markersFor(who, sent)));
      }
      // One line per failing caller, so a red walk reads as a list of what went wrong.
      if (outcomes.length > 0) expect.fail(`${key}:\n${outcomes.join('\n')}`);
    });
  }
});

describe('second factor in the walk', () => {
  it('refuses every fully-signed-in route to a staff session that has not passed its second factor', async () => {
    const token = await createSession(t.db.kysely, t.clock, {
      userId: world.users.provider_admin.id,
      providerId: world.providerId,
      ttlHours: 1,
      ip: null,
      userAgent: null,
    });
    const client = new Client(t.app);
    (client as unknown as { cookies: Map<string, string> }).cookies.set('rinnalla_session', token);
    const strict = t.app.routeTable.filter((r) => r.access && r.access !== 'public' && r.access !== 'session');
    expect(strict.length).toBeGreaterThan(10);
    for (const r of strict) {
      const { url = r.url, body } = (await table[`${r.method} ${r.url}`]?.request?.(context('provider_admin'))) ?? {};
      const res = await client.request(r.method as 'GET', url, r.method === 'GET' ? undefined : (body ?? {}));
      expect([401], `${r.method} ${r.url}`).toContain(res.statusCode);
    }
  });
});

/**
 * The system callers: every scheduled job runs once, for real, over due work in both providers. A
 * module's job reaches a provider only through the kernel's runner, as the named system caller its
 * entry says, and what it writes for a provider (mail, audit events) stays that provider's: mail to
 * its own people and staff, carrying nothing of the other provider.
 */
const jobsWalk: Record<string, { purposes: JobPurpose[] } | { kernel: string }> = {
  'mail-delivery': { kernel: "delivers the outbox, which is the kernel's own table" },
  'expired-credentials-cleanup': { kernel: "removes expired sessions and reset links, which are the kernel's own tables" },
  'scheduling-reminders': { purposes: ['reminders'] },
  'scheduling-nudges': { purposes: ['nudges'] },
  'measures-checkins': { purposes: ['checkin-sender'] },
  'measures-reminders': { purposes: ['checkin-sender'] },
  'measures-escalation': { purposes: ['alert-escalation'] },
  'intake-retention': { purposes: ['intake-retention'] },
};

describe('system callers in the walk', () => {
  const runs: { purpose: JobPurpose; providerId: string | null; system: unknown }[] = [];
  let jobs: JobDefinition[];

  beforeAll(async () => {
    const inner = systemRunner(t.db);
    const recording: SystemRunner = {
      forEachProvider: (purpose, work, opts) =>
        inner.forEachProvider(
          purpose,
          (repo) => {
            runs.push({ purpose, providerId: repo.caller.providerId, system: repo.caller.system });
            return work(repo);
          },
          opts,
        ),
    };
    // One set of dependencies for every module's jobs, as main.ts hands them out.
    const deps = {
      db: t.db,
      system: recording,
      config: t.config,
      clock: t.clock,
      cipher: new DataCipher(t.config.dataKey),
      mailTransport: t.mail,
    };
    jobs = [...kernelJobs(deps), ...(await Promise.all(modules.map((m) => m.jobs?.(deps) ?? []))).flat()];

    // Due work in both providers: a meeting in three hours, an active process with nothing planned,
    // a declined request older than the retention period.
    const k = t.db.kysely;
    const soon = new Date(Math.floor((Date.now() + 3 * 3600_000) / 3600_000) * 3600_000);
    for (const [providerId, processId, personId, practitionerId] of [
      [world.providerId, sup.processId, sup.participantPersonId, world.users.practitioner.id],
      [world.otherProviderId, other.processId, other.personId, world.users.other_tenant_admin.id],
    ] as const) {
      const process = await k.selectFrom('processes').selectAll().where('id', '=', processId).executeTakeFirstOrThrow();
      const meeting = await k
        .insertInto('meetings')
        .values({
          provider_id: providerId,
          process_id: processId,
          organisation_id: process.organisation_id,
          starts_at: soon,
          ends_at: new Date(soon.getTime() + 3600_000),
          time_zone: 'Europe/Helsinki',
          place: 'video',
          location: null,
          video_link: null,
          cancelled_at: null,
          cancel_reason: null,
          cancelled_by_role: null,
          price_cents: 10000,
          reminder_sent_at: null,
          created_by: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await k
        .insertInto('meeting_attendance')
        .values({ provider_id: providerId, meeting_id: meeting.id, process_id: processId, person_id: personId })
        .execute();
      const { id: _id, created_at: _c, updated_at: _u, ...copy } = process as typeof process & { updated_at?: unknown };
      const idle = await k
        .insertInto('processes')
        .values({ ...copy, title: `${process.title} (idle)`, status: 'active' } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      await k
        .insertInto('process_practitioners')
        .values({ provider_id: providerId, process_id: idle.id, user_id: practitionerId })
        .execute();
      await sql`update requests set created_at = now() - interval '400 days' where provider_id = ${providerId} and status = 'new'`.execute(
        k,
      );
    }
  });

  it('has an entry for every job and none for a job that does not exist', () => {
    expect(jobs.map((j) => j.name).sort()).toEqual(Object.keys(jobsWalk).sort());
  });

  for (const [name, entry] of Object.entries(jobsWalk)) {
    it(`${name}`, async () => {
      const job = jobs.find((j) => j.name === name);
      if (!job) return expect.fail(`no job named ${name}`);
      const k = t.db.kysely;
      const seenMail = new Set((await k.selectFrom('mail_outbox').select('id').execute()).map((r) => r.id));
      const seenAudit = new Set((await k.selectFrom('audit_events').select('id').execute()).map((r) => r.id));
      runs.length = 0;
      await job.run();
      const problems: string[] = [];
      if ('purposes' in entry) {
        if (runs.length === 0) problems.push('reached no provider through the runner');
        for (const r of runs) {
          if (!entry.purposes.includes(r.purpose) || r.system !== r.purpose) problems.push(`ran as ${String(r.system)} (${r.purpose})`);
        }
        const reached = new Set(runs.map((r) => r.providerId));
        if (!reached.has(world.providerId) || !reached.has(world.otherProviderId)) problems.push('did not run for each provider');
      }
      // What the run wrote for a provider is that provider's alone.
      const addresses = async (providerId: string) =>
        new Set(
          (
            await sql<{ email: string }>`
              select lower(u.email) as email from users u join memberships m on m.user_id = u.id where m.provider_id = ${providerId}
              union select lower(p.email) from people p where p.provider_id = ${providerId} and p.email is not null`.execute(k)
          ).rows.map((r) => r.email),
        );
      const own = {
        [world.providerId]: await addresses(world.providerId),
        [world.otherProviderId]: await addresses(world.otherProviderId),
      };
      const foreign = { [world.providerId]: markersB, [world.otherProviderId]: markersA };
      for (const m of await k.selectFrom('mail_outbox').selectAll().execute()) {
        if (seenMail.has(m.id)) continue;
        const pid = m.provider_id as string | null;
        if (!pid || !own[pid]) {
          problems.push(`mail to ${m.to_address} belongs to no provider of the fixture`);
          continue;
        }
        if (!own[pid].has(m.to_address.toLowerCase())) problems.push(`mail of ${pid} goes to ${m.to_address}, not one of its own`);
        const text = `${m.subject} ${m.text_body ?? ''} ${m.html_body ?? ''}`;
        for (const marker of foreign[pid] ?? []) if (text.includes(marker)) problems.push(`mail of ${pid} carries ${marker}`);
      }
      for (const a of await k.selectFrom('audit_events').selectAll().execute()) {
        if (seenAudit.has(a.id)) continue;
        const pid = a.provider_id as string | null;
        const text = JSON.stringify(a);
        for (const marker of pid ? (foreign[pid] ?? []) : [])
          if (text.includes(marker)) problems.push(`audit event ${a.action} of ${pid} names ${marker}`);
      }
      if (problems.length > 0) expect.fail(`${name}:\n${[...new Set(problems)].join('\n')}`);
    });
  }

  it('reminded and purged in both providers, each for its own', async () => {
    const k = t.db.kysely;
    const reminded = await k.selectFrom('meetings').select('provider_id').where('reminder_sent_at', 'is not', null).execute();
    expect(new Set(reminded.map((r) => r.provider_id))).toEqual(new Set([world.providerId, world.otherProviderId]));
    expect(
      await sql`select id from requests where status = 'new' and created_at < now() - interval '1 year'`.execute(k).then((r) => r.rows),
    ).toEqual([]);
    const nudged = await k.selectFrom('audit_events').select('provider_id').where('action', '=', 'process.nudge').execute();
    expect(new Set(nudged.map((r) => r.provider_id))).toEqual(new Set([world.providerId, world.otherProviderId]));
  });
});
