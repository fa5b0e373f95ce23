/**
 * The cost of the tenant wall (row-level security, migration 0010 and kernel/db/tenant-wall.ts):
 * the same repository operations, in this process on one connection, with the wall off and on.
 *
 * - off: as before the wall: no transaction-local setting, connected as the benchmark's superuser
 *   (policies bypassed): exactly the code path the server ran before.
 * - on: the repository sets `rinnalla.provider_id` for every query (a read outside a transaction
 *   gets one of its own: begin + set_config, query, commit), connected as a role that is neither
 *   superuser nor owner, so every policy is evaluated: the production shape.
 *
 * Run alone: `npx tsx bench/tenant-wall.ts [--rounds=300] [--people=20000]` (own database, dropped
 * afterwards); `npm run bench` runs it on its seeded database and reports the same rows.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import type { Caller } from '../src/server/kernel/access/caller.js';
import { Repository } from '../src/server/kernel/access/repository.js';
import { type Db, migrateToLatest, openDatabase } from '../src/server/kernel/db/database.js';
import { createDatabase, databaseUrl, defaultAdminUrl, dropDatabase } from './database.js';

export interface WallRow {
  operation: string;
  offMs: number;
  onMs: number;
  /** on ÷ off, median latency: 1.00 = free. */
  ratio: number;
}

const wallRole = 'rinnalla_bench_wall';

const adminCaller = (providerId: string, userId: string): Caller => ({
  userId,
  sessionId: null,
  providerId,
  grants: [{ role: 'provider_admin', organisationId: null, unitId: null }],
  isPlatformAdmin: false,
  fullySignedIn: true,
  ip: null,
  userAgent: null,
  requestId: null,
});

/** A role the policies bind for, with the app's privileges on this database's tables. */
async function prepareRole(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`do $$ begin create role ${wallRole} nologin; exception when duplicate_object or unique_violation then null; end $$`);
    await c.query(`grant select, insert, update, delete on all tables in schema public to ${wallRole}`);
    await c.query(`grant usage on all sequences in schema public to ${wallRole}`);
  } finally {
    await c.end();
  }
}

async function open(url: string, wall: boolean): Promise<Db> {
  const before = process.env.RINNALLA_ROW_SECURITY;
  process.env.RINNALLA_ROW_SECURITY = wall ? 'on' : 'off';
  try {
    const u = new URL(url);
    // Every pooled connection takes the role at start-up, as the app's own role would.
    if (wall) u.searchParams.set('options', `-c role=${wallRole}`);
    return await openDatabase({ databaseUrl: u.toString(), poolSize: 1 });
  } finally {
    if (before === undefined) delete process.env.RINNALLA_ROW_SECURITY;
    else process.env.RINNALLA_ROW_SECURITY = before;
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

/** Times the operations with the wall off and on, interleaved round by round so drift hits both alike. */
export async function measureTenantWall(
  url: string,
  target: { providerId: string; adminUserId: string },
  rounds = 300,
): Promise<WallRow[]> {
  await prepareRole(url);
  const off = await open(url, false);
  const on = await open(url, true);
  try {
    const caller = adminCaller(target.providerId, target.adminUserId);
    const k = off.kysely;
    const someOrganisation = await k
      .selectFrom('organisations')
      .select('id')
      .where('provider_id', '=', target.providerId)
      .executeTakeFirstOrThrow();
    const processIds = (await k.selectFrom('processes').select('id').where('provider_id', '=', target.providerId).limit(50).execute()).map(
      (r) => r.id,
    );
    const operations: { name: string; run: (repo: Repository) => Promise<unknown> }[] = [
      {
        name: 'read by primary key (organisation)',
        run: (repo) => repo.select('organisations').selectAll().where('organisations.id', '=', someOrganisation.id).executeTakeFirst(),
      },
      {
        name: 'people page (name prefix, 25 rows)',
        run: (repo) =>
          repo
            .select('people')
            .select(['people.id', 'people.name'])
            .where(sql<boolean>`lower(people.name) like 'an%'`)
            .orderBy('people.name')
            .limit(25)
            .execute(),
      },
      { name: 'readableIds (50 processes)', run: (repo) => repo.readableIds('processes', processIds) },
      {
        name: 'transaction: 3 reads',
        run: (repo) =>
          repo.transaction(async (r) => {
            await r.select('organisations').select('organisations.id').limit(5).execute();
            await r.select('people').select('people.id').limit(5).execute();
            await r.select('processes').select('processes.id').limit(5).execute();
          }),
      },
      {
        name: 'write: insert a service (audited)',
        run: (repo) =>
          repo.insert('services', {
            kind: 'group',
            names: JSON.stringify({ en: 'Bench service' }),
            vat_rate_bp: 2550,
            default_minutes: 60,
            default_cadence: 'monthly',
            default_place: 'on_site',
            price_cents: 0,
          }),
      },
    ];
    const rows: WallRow[] = [];
    for (const op of operations) {
      const times = { off: [] as number[], on: [] as number[] };
      for (let i = 0; i < rounds + 20; i++) {
        for (const [key, db] of [
          ['off', off],
          ['on', on],
        ] as const) {
          const repo = new Repository(db.kysely, caller);
          const t = performance.now();
          await op.run(repo);
          // The first 20 rounds warm caches and plans.
          if (i >= 20) times[key].push(performance.now() - t);
        }
      }
      const offMs = median(times.off);
      const onMs = median(times.on);
      rows.push({ operation: op.name, offMs, onMs, ratio: onMs / offMs });
    }
    await k.deleteFrom('services').where(sql<boolean>`names->>'en' = 'Bench service'`).execute();
    return rows;
  } finally {
    await off.close();
    await on.close();
  }
}

export function wallTable(rows: WallRow[]): string {
  const lines = [`${'operation'.padEnd(40)} ${'off ms'.padStart(8)} ${'on ms'.padStart(8)} ${'on/off'.padStart(7)}`];
  for (const r of rows) {
    lines.push(
      `${r.operation.padEnd(40)} ${r.offMs.toFixed(3).padStart(8)} ${r.onMs.toFixed(3).padStart(8)} ${r.ratio.toFixed(2).padStart(7)}`,
    );
  }
  return lines.join('\n');
}

/** Standalone: a fresh database with one provider of `people` people and a few processes. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rounds: { type: 'string', default: '300' }, people: { type: 'string', default: '20000' } } });
  const adminUrl = process.env.BENCH_DATABASE_URL ?? defaultAdminUrl;
  const name = `rinnalla_wall_${randomBytes(4).toString('hex')}`;
  const url = databaseUrl(adminUrl, name);
  await createDatabase(adminUrl, name);
  try {
    const db = await openDatabase({ databaseUrl: url, poolSize: 2 });
    let target: { providerId: string; adminUserId: string };
    try {
      await migrateToLatest(db.kysely);
      const k = db.kysely;
      const providers = await k
        .insertInto('providers')
        .values([
          { name: 'Wall A', slug: 'wall-a', country: 'FI', default_locale: 'fi', time_zone: 'Europe/Helsinki' },
          { name: 'Wall B', slug: 'wall-b', country: 'FI', default_locale: 'fi', time_zone: 'Europe/Helsinki' },
        ])
        .returning('id')
        .execute();
      const user = await k
        .insertInto('users')
        .values({ email: 'wall-admin@example.test', name: 'Wall admin', password_hash: 'x', locale: 'en', time_zone: 'Europe/Helsinki' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const people = Number(values.people);
      for (const p of providers) {
        await sql`
          with org as (insert into organisations (provider_id, name) values (${p.id}, 'Wall organisation') returning id),
          svc as (insert into services (provider_id, kind, names, vat_rate_bp, default_minutes, default_cadence, default_place, price_cents)
                  values (${p.id}, 'group', '{"en": "Wall service"}'::jsonb, 2550, 60, 'monthly', 'on_site', 0) returning id),
          ppl as (insert into people (provider_id, organisation_id, name)
                  select ${p.id}, org.id, 'anna ' || g from org, generate_series(1, ${people}) g returning id)
          insert into processes (provider_id, organisation_id, service_id, kind, title, cadence, session_minutes, place, price_cents)
          select ${p.id}, org.id, svc.id, 'group', 'Wall process ' || g, 'monthly', 60, 'on_site', 0 from org, svc, generate_series(1, 200) g`.execute(
          k,
        );
      }
      await k
        .insertInto('memberships')
        .values({ provider_id: providers[0]!.id, user_id: user.id, role: 'provider_admin', organisation_id: null, unit_id: null })
        .execute();
      await sql`analyze`.execute(k);
      target = { providerId: providers[0]!.id, adminUserId: user.id };
    } finally {
      await db.close();
    }
    const rows = await measureTenantWall(url, target, Number(values.rounds));
    process.stdout.write(`Tenant wall (row-level security), median of ${values.rounds} rounds, one connection:\n${wallTable(rows)}\n`);
  } finally {
    if (process.env.WALL_KEEP) process.stdout.write(`kept ${url}\n`);
    else await dropDatabase(adminUrl, name);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
