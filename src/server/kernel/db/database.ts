import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { type CompiledQuery, Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { modules } from '../../modules/index.js';
import { mergeMigrations } from '../module.js';
import type { Database } from './schema.js';
import { embeddedWallRole, prepareEmbeddedWallRole, tenantWallDialect, tenantWallEnabled } from './tenant-wall.js';

export type Engine = 'pglite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  engine: Engine;
  /**
   * Runs a hot, fixed query as a named prepared statement on PostgreSQL, so it is planned once per
   * connection instead of on every request (the session lookup: measured 6× by the bench).
   * PGlite has nothing to gain and runs it as usual.
   */
  prepared<R>(name: string, query: CompiledQuery<R>): Promise<R[]>;
  close(): Promise<void>;
}

// Timestamps stay Date objects and bigint counts become numbers on both engines, so code above
// this layer cannot tell them apart.
pg.types.setTypeParser(20, (v) => Number(v));

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** PGlite data directory; `undefined` with no databaseUrl means in memory (tests). */
  dataDir?: string | undefined;
  poolSize?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Db> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 5000,
    });
    // An idle client losing its server must not crash the process; the next query reports it.
    pool.on('error', () => {});
    const postgres = new PostgresDialect({ pool });
    const kysely = new Kysely<Database>({ dialect: tenantWallEnabled() ? tenantWallDialect(postgres, true) : postgres });
    return {
      kysely,
      engine: 'postgres',
      async prepared<R>(name: string, query: CompiledQuery<R>) {
        const result = await pool.query({ name, text: query.sql, values: [...query.parameters] });
        return result.rows as R[];
      },
      close: () => kysely.destroy(),
    };
  }
  let client: PGlite;
  if (options.dataDir) {
    const dir = path.resolve(options.dataDir, 'pglite');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // PGlite writes its files 0644 beside the 0600 secrets: the folders keep everyone else out,
    // and a folder made before this (or by another tool) is narrowed too.
    chmodSync(path.resolve(options.dataDir), 0o700);
    chmodSync(dir, 0o700);
    client = new PGlite(dir, { parsers: { 20: (v: string) => Number(v) }, extensions: { pg_trgm } });
  } else {
    client = new PGlite({ parsers: { 20: (v: string) => Number(v) }, extensions: { pg_trgm } });
  }
  await client.waitReady;
  const walled = tenantWallEnabled();
  if (walled) await prepareEmbeddedWallRole(client);
  const pglite = new PGliteDialect(client);
  const kysely = new Kysely<Database>({
    dialect: walled ? tenantWallDialect(pglite, false, { role: embeddedWallRole }) : pglite,
  });
  return {
    kysely,
    engine: 'pglite',
    async prepared<R>(_name: string, query: CompiledQuery<R>) {
      return (await kysely.executeQuery(query)).rows;
    },
    close: () => kysely.destroy(),
  };
}

/** Every manifest's migrations in name order: the kernel's history (0001–0010), then the modules' own. */
export const allMigrations = () => mergeMigrations(modules);

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  return migrateTo(db, null);
}

/** Migrates up to and including `target` (a migration's name), or to the latest with `null`. */
export async function migrateTo(db: Kysely<Database>, target: string | null): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => allMigrations() },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
  const { error, results } = target ? await migrator.migrateTo(target) : await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function isReachable(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
