import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { type Kysely, sql } from 'kysely';
import { ownsAuditTrail } from './roles.js';
import type { Database } from './schema.js';

const format = 'rinnalla-backup';
const version = 1;
const chunk = 2000;

interface TableInfo {
  name: string;
  dependsOn: string[];
}

/** Tables in an order where every referenced table comes before the tables that reference it. */
async function tablesInDependencyOrder(db: Kysely<Database>): Promise<string[]> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
      and table_name not in ('schema_migrations', 'schema_migrations_lock')
    order by table_name`.execute(db);
  const fks = await sql<{ child: string; parent: string }>`
    select c.relname as child, p.relname as parent from pg_constraint k
    join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
    join pg_namespace n on n.oid = c.relnamespace
    where k.contype = 'f' and n.nspname = current_schema()`.execute(db);
  const infos: TableInfo[] = tables.rows.map((t) => ({
    name: t.name,
    dependsOn: fks.rows.filter((f) => f.child === t.name && f.parent !== t.name).map((f) => f.parent),
  }));
  const ordered: string[] = [];
  const visit = (name: string, seen: Set<string>) => {
    if (ordered.includes(name) || seen.has(name)) return;
    seen.add(name);
    for (const dep of infos.find((i) => i.name === name)?.dependsOn ?? []) visit(dep, seen);
    ordered.push(name);
  };
  for (const info of infos) visit(info.name, new Set());
  return ordered;
}

/**
 * What a table is paged by: its primary key as text (`id` for most tables; a table keyed by
 * something else, such as sign_in_throttle's subject_hash, by that).
 */
async function pageKey(db: Kysely<Database>, table: string) {
  const { rows } = await sql<{ column: string }>`
    select a.attname as column from pg_index i
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
    where i.indrelid = ${sql.lit(`"${table}"`)}::regclass and i.indisprimary
    order by array_position(i.indkey::int2[], a.attnum)`.execute(db);
  const columns = rows.length ? rows.map((r) => r.column) : ['id'];
  return columns.length === 1
    ? sql`t.${sql.ref(columns[0]!)}::text`
    : sql`row(${sql.join(columns.map((c) => sql`t.${sql.ref(c)}`))})::text`;
}

async function appliedMigrations(db: Kysely<Database>): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from schema_migrations order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}

/**
 * Writes every table to one gzip file of JSON lines, read inside one repeatable-read transaction
 * so the copy is consistent even while the server runs. The same file restores into either engine.
 */
export async function backupDatabase(db: Kysely<Database>, file: string): Promise<{ tables: number; rows: number }> {
  let rowCount = 0;
  const tables = await tablesInDependencyOrder(db);
  const lines = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const out: string[] = [
        JSON.stringify({ format, version, createdAt: new Date().toISOString(), migrations: await appliedMigrations(trx), tables }),
      ];
      for (const table of tables) {
        const key = await pageKey(trx, table);
        let after: string | null = null;
        for (;;) {
          const page: { rows: { id: string; row: unknown }[] } = await sql<{ id: string; row: unknown }>`
            select ${key} as id, row_to_json(t) as row from ${sql.table(table)} t
            where ${after === null ? sql`true` : sql`${key} > ${after}`}
            order by ${key} limit ${chunk}`.execute(trx);
          if (page.rows.length === 0) break;
          out.push(JSON.stringify({ table, rows: page.rows.map((r) => (typeof r.row === 'string' ? JSON.parse(r.row) : r.row)) }));
          rowCount += page.rows.length;
          after = page.rows[page.rows.length - 1]!.id;
        }
      }
      return out;
    });
  await pipeline(Readable.from(lines.map((l) => `${l}\n`)), createGzip(), createWriteStream(file, { mode: 0o600 }));
  return { tables: tables.length, rows: rowCount };
}

/**
 * Replaces all data with the file's, in one transaction: either the whole backup is in, or
 * nothing changed. The database must be migrated to the same schema version as the backup.
 */
export async function restoreDatabase(db: Kysely<Database>, file: string): Promise<{ tables: number; rows: number }> {
  const reader = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Number.POSITIVE_INFINITY });
  let header: { format: string; version: number; migrations: string[]; tables: string[] } | null = null;
  const batches: { table: string; rows: unknown[] }[] = [];
  for await (const line of reader) {
    if (!line.trim()) continue;
    if (!header) {
      header = JSON.parse(line);
      if (header?.format !== format || header.version !== version) throw new Error('Not a Rinnalla backup file');
      continue;
    }
    batches.push(JSON.parse(line));
  }
  if (!header) throw new Error('The backup file is empty');
  const applied = await appliedMigrations(db);
  if (applied.join(',') !== header.migrations.join(',')) {
    throw new Error(`Schema versions differ: backup has [${header.migrations.join(', ')}], database has [${applied.join(', ')}]`);
  }
  let rows = 0;
  const { tables } = header;
  await db.transaction().execute(async (trx) => {
    // Restoring replaces the audit trail, so it is an operation of the tables' owner (README,
    // "Database roles"); the app's own role is refused here instead of failing halfway.
    if (!(await ownsAuditTrail(trx))) {
      throw new Error(
        "Restoring replaces the audit trail and must run as the tables' owner: set MIGRATION_DATABASE_URL (the owner) for `rinnalla restore`",
      );
    }
    // The restored events keep the hashes they were chained with, and the heads come back with
    // them, so the chain verifies and continues; the chaining trigger would re-chain them instead.
    await sql`alter table audit_events disable trigger audit_events_chain`.execute(trx);
    await sql.raw(`truncate ${tables.map((t) => `"${t}"`).join(', ')} restart identity cascade`).execute(trx);
    for (const batch of batches) {
      // One statement per batch: foreign keys are checked at its end, so self-references within it are fine.
      await sql`insert into ${sql.table(batch.table)} overriding system value
        select * from json_populate_recordset(null::${sql.table(batch.table)}, ${JSON.stringify(batch.rows)}::json)`.execute(trx);
      rows += batch.rows.length;
    }
    await sql`alter table audit_events enable trigger audit_events_chain`.execute(trx);
    const identities = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and is_identity = 'YES'`.execute(trx);
    for (const col of identities.rows) {
      await sql
        .raw(
          `select setval(pg_get_serial_sequence('"${col.table_name}"', '${col.column_name}'), coalesce((select max("${col.column_name}") from "${col.table_name}"), 0) + 1, false)`,
        )
        .execute(trx);
    }
  });
  return { tables: tables.length, rows };
}
