/**
 * The manifests' tables are the migrated database's tables: a fresh database migrated to the latest
 * has exactly the tables the manifests declare (the migrator's own aside), each with exactly the
 * declared columns, types and nullability. The Kysely types are held to the same declarations at
 * compile time (defineTable), so schema.ts, the modules' tables.ts and the migrations cannot drift.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modules } from '../../modules/index.js';
import { freshDatabase, type TestDb } from '../../testing/database.js';

let db: TestDb;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.close());

/** The migrator's bookkeeping, not the app's data. */
const migratorTables = ['schema_migrations', 'schema_migrations_lock'];

describe('the manifests match the migrated database', () => {
  it('has every table declared, and no table undeclared', async () => {
    const { rows } = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db.owner);
    const actual = rows.map((r) => r.table_name).filter((t) => !migratorTables.includes(t));
    const declared = modules.flatMap((m) => m.tables.map((t) => t.name));
    expect(
      actual.filter((t) => !(declared as string[]).includes(t)),
      'tables no manifest declares',
    ).toEqual([]);
    expect(
      declared.filter((t) => !actual.includes(t)),
      'declared tables the migrations do not create',
    ).toEqual([]);
  });

  it('has every column as declared: name, type and nullability', async () => {
    const { rows } = await sql<{ table_name: string; column_name: string; udt_name: string; is_nullable: 'YES' | 'NO' }>`
      select table_name, column_name, udt_name, is_nullable from information_schema.columns
      where table_schema = current_schema()`.execute(db.owner);
    const actual = rows
      .filter((r) => !migratorTables.includes(r.table_name))
      .map((r) => `${r.table_name}.${r.column_name}: ${r.udt_name}${r.is_nullable === 'YES' ? '?' : ''}`)
      .sort();
    const declared = modules
      .flatMap((m) => m.tables.flatMap((t) => Object.entries(t.columns).map(([c, type]) => `${t.name}.${c}: ${type}`)))
      .sort();
    expect(
      declared.filter((c) => !actual.includes(c)),
      'declared, but not so in the database',
    ).toEqual([]);
    expect(
      actual.filter((c) => !declared.includes(c)),
      'in the database, but not so in a manifest',
    ).toEqual([]);
  });

  it('walls every tenant table (row-level security) and no other', async () => {
    const { rows } = await sql<{ relname: string }>`
      select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind = 'r' and c.relrowsecurity`.execute(db.owner);
    const tenant = modules.flatMap((m) => m.tables.filter((t) => t.tenant).map((t) => t.name));
    expect(rows.map((r) => r.relname).sort()).toEqual([...tenant].sort());
  });
});
