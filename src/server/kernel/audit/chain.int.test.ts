import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Kysely, Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDb } from '../../testing/database.js';
import { anonymousCaller } from '../access/caller.js';
import { backupDatabase, restoreDatabase } from '../db/backup.js';
import { migrateToLatest, openDatabase } from '../db/database.js';
import { migrations } from '../db/migrations/index.js';
import type { Database } from '../db/schema.js';
import { appendAudit } from './audit.js';
import { verifyAuditChains } from './chain.js';

// Finding 4: the trail is hash-chained per provider, so a removed or altered row is found, and on
// PostgreSQL the app's own role cannot rewrite it at all. Tampering goes through the owner's handle.
let db: TestDb;
const onPostgres = process.env.TEST_DB === 'postgres';
const dir = mkdtempSync(path.join(tmpdir(), 'rinnalla-chain-'));
const caller = anonymousCaller({ ip: '127.0.0.1', userAgent: 'chain-test', requestId: null });

beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

let slugs = 0;
async function newProvider(): Promise<string> {
  const row = await db.kysely
    .insertInto('providers')
    .values({ name: 'Chained', slug: `chained-${++slugs}`, country: 'FI', default_locale: 'fi', time_zone: 'Europe/Helsinki' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function append(k: Kysely<Database>, providerId: string | null, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await appendAudit(k, caller, { action: `test.event_${i}`, providerId, details: { i, note: 'ä "quoted"' } });
}

async function chainOf(providerId: string) {
  return (
    await sql<{
      id: string;
      chain_seq: number;
    }>`select id::text as id, chain_seq from audit_events where provider_id = ${providerId} order by chain_seq`.execute(db.owner)
  ).rows;
}

/** The owner may lift the append-only trigger; the app's role may not (tested below). */
async function asOwnerWithoutGuard(work: (trx: Kysely<Database>) => Promise<unknown>): Promise<void> {
  await db.owner.transaction().execute(async (trx) => {
    await sql`alter table audit_events disable trigger audit_events_no_update`.execute(trx);
    await work(trx);
    await sql`alter table audit_events enable trigger audit_events_no_update`.execute(trx);
  });
}

describe('audit hash chain', () => {
  it('chains each provider and the platform separately, and an untouched trail verifies', async () => {
    const a = await newProvider();
    const b = await newProvider();
    await append(db.kysely, a, 3);
    await append(db.kysely, b, 2);
    await append(db.kysely, null, 2);
    expect((await chainOf(a)).map((r) => r.chain_seq)).toEqual([1, 2, 3]);
    const report = await verifyAuditChains(db.kysely);
    expect(report.breaks).toEqual([]);
    expect(report.chains).toBeGreaterThanOrEqual(3);
    expect(report.events).toBeGreaterThanOrEqual(7);
  });

  it('does not fork under concurrent appends to one chain', async () => {
    const p = await newProvider();
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        db.kysely.transaction().execute((trx) => appendAudit(trx, caller, { action: `test.concurrent_${i}`, providerId: p })),
      ),
    );
    expect((await chainOf(p)).map((r) => r.chain_seq)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect((await verifyAuditChains(db.kysely)).breaks).toEqual([]);
  });

  it('finds a deleted middle row: provider, sequence and the event after the gap', async () => {
    const p = await newProvider();
    await append(db.kysely, p, 5);
    const rows = await chainOf(p);
    await asOwnerWithoutGuard((trx) => sql`delete from audit_events where id = ${rows[2]!.id}`.execute(trx));
    const breaks = (await verifyAuditChains(db.kysely)).breaks.filter((b) => b.chain === p);
    expect(breaks.length).toBeGreaterThan(0);
    expect(breaks[0]).toMatchObject({ chain: p, seq: 4, eventId: rows[3]!.id, problem: 'missing' });
    expect(breaks[0]!.expected).toContain('3');
    expect(breaks[0]!.found).toContain('4');
  });

  it('finds an altered row, and a removed tail', async () => {
    const p = await newProvider();
    await append(db.kysely, p, 4);
    const rows = await chainOf(p);
    await asOwnerWithoutGuard((trx) => sql`update audit_events set action = 'test.innocent' where id = ${rows[1]!.id}`.execute(trx));
    let breaks = (await verifyAuditChains(db.kysely)).breaks.filter((b) => b.chain === p);
    expect(breaks).toHaveLength(1);
    expect(breaks[0]).toMatchObject({ chain: p, seq: 2, eventId: rows[1]!.id, problem: 'altered' });
    expect(breaks[0]!.expected).not.toBe(breaks[0]!.found);

    await asOwnerWithoutGuard((trx) => sql`delete from audit_events where id = ${rows[3]!.id}`.execute(trx));
    breaks = (await verifyAuditChains(db.kysely)).breaks.filter((b) => b.chain === p);
    expect(breaks.map((b) => b.problem)).toContain('truncated');
  });

  it.skipIf(!onPostgres)("refuses the app's role TRUNCATE, UPDATE, DELETE and DISABLE TRIGGER on the trail", async () => {
    const p = await newProvider();
    await append(db.kysely, p, 1);
    expect(db.kysely).not.toBe(db.owner);
    for (const statement of [
      sql`truncate audit_events`,
      sql`truncate audit_chain_heads`,
      sql`update audit_events set action = 'x'`,
      sql`delete from audit_events`,
      sql`update audit_chain_heads set seq = 0`,
      sql`delete from audit_chain_heads`,
      sql`alter table audit_events disable trigger audit_events_no_update`,
      sql`alter table audit_events disable trigger audit_events_chain`,
      sql`alter table audit_events disable trigger all`,
      sql`drop table audit_events cascade`,
    ]) {
      await expect(statement.execute(db.kysely)).rejects.toThrow(/permission denied|must be owner/);
    }
    // It still reads the trail and appends to it.
    await append(db.kysely, p, 1);
    expect((await chainOf(p)).length).toBe(2);
  });

  // Always on an embedded database of its own: it needs one migrated only up to before the chain.
  it('chains the events an installation recorded before the chain existed', async () => {
    const old = await openDatabase({});
    try {
      const migrator = new Migrator({
        db: old.kysely,
        provider: { getMigrations: async () => migrations },
        migrationTableName: 'schema_migrations',
        migrationLockTableName: 'schema_migrations_lock',
      });
      expect((await migrator.migrateTo('0007_auth_hardening')).error).toBeUndefined();
      const provider = await old.kysely
        .insertInto('providers')
        .values({ name: 'Old', slug: 'old-one', country: 'FI', default_locale: 'fi', time_zone: 'Europe/Helsinki' })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const providerId of [provider.id, null, provider.id, provider.id, null]) {
        await sql`insert into audit_events (provider_id, action) values (${providerId}, 'old.event')`.execute(old.kysely);
      }
      await migrateToLatest(old.kysely);
      const report = await verifyAuditChains(old.kysely);
      expect(report).toMatchObject({ chains: 2, events: 5, breaks: [] });
      await append(old.kysely, provider.id, 1);
      const seqs = (
        await sql<{ chain_seq: number }>`select chain_seq from audit_events where provider_id = ${provider.id} order by id`.execute(
          old.kysely,
        )
      ).rows;
      expect(seqs.map((r) => r.chain_seq)).toEqual([1, 2, 3, 4]);
      expect((await verifyAuditChains(old.kysely)).breaks).toEqual([]);
    } finally {
      await old.close();
    }
  });

  it('restores only as the owner, and the restored chain verifies and continues', async () => {
    const p = await newProvider();
    await append(db.kysely, p, 3);
    const file = path.join(dir, 'chain.gz');
    await backupDatabase(db.kysely, file);
    if (onPostgres) {
      await expect(restoreDatabase(db.kysely, file)).rejects.toThrow(/owner/);
      expect((await chainOf(p)).length).toBe(3);
    }
    const target = await freshDatabase();
    try {
      await restoreDatabase(target.owner, file);
      // Earlier tests tampered with some chains on purpose; this one's chain must be intact.
      const report = await verifyAuditChains(target.kysely);
      expect(report.breaks.filter((b) => b.chain === p)).toEqual([]);
      await appendAudit(target.kysely, caller, { action: 'test.after_restore', providerId: p });
      expect((await verifyAuditChains(target.kysely)).breaks.filter((b) => b.chain === p)).toEqual([]);
      const seqs = (
        await sql<{ chain_seq: number }>`select chain_seq from audit_events where provider_id = ${p} order by chain_seq`.execute(
          target.owner,
        )
      ).rows;
      expect(seqs.map((r) => r.chain_seq)).toEqual([1, 2, 3, 4]);
    } finally {
      await target.close();
    }
  });
});
