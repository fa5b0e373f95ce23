import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { type Db, migrateTo, openDatabase } from '../kernel/db/database.js';
import { appRole, grantAppRole } from '../kernel/db/roles.js';
import type { Database } from '../kernel/db/schema.js';

/**
 * A test database: `kysely` is the app's connection, `owner` the tables' owner, for what only an
 * operator may do (restore, or tampering with the audit trail to prove it is noticed).
 */
export interface TestDb extends Db {
  owner: Kysely<Database>;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new database on the
 * PostgreSQL server of TEST_DATABASE_URL when TEST_DB=postgres. Dropped again on close.
 *
 * On PostgreSQL it is set up as the README tells operators to: created and migrated by the role of
 * TEST_DATABASE_URL (the owner), then handed to the app as the non-owner role `appRole` (created
 * here if missing; it logs in without a password, as the server trusts 127.0.0.1), so every
 * integration test runs with the grants the server has in production.
 */
export async function freshDatabase(opts: { upTo?: string } = {}): Promise<TestDb> {
  // `upTo`: migrated only that far, as a database of an earlier release is (db/upgrade.int.test.ts).
  const upTo = opts.upTo ?? null;
  if (process.env.TEST_DB !== 'postgres') {
    const db = await openDatabase({});
    await migrateTo(db.kysely, upTo);
    return { ...db, owner: db.kysely };
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL');
  const name = `rinnalla_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
    await ensureAppRole(admin);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const owner = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
  await migrateTo(owner.kysely, upTo);
  await grantAppRole(owner.kysely, appRole);
  url.username = appRole;
  url.password = '';
  const db = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  return {
    ...db,
    owner: owner.kysely,
    async close() {
      await db.close();
      await owner.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** Test files start in parallel, so two may try to create the role at once: the loser carries on. */
async function ensureAppRole(admin: pg.Client): Promise<void> {
  const exists = await admin.query('select 1 from pg_roles where rolname = $1', [appRole]);
  if (exists.rowCount) return;
  try {
    await admin.query(`create role ${appRole} login`);
  } catch (err) {
    const code = (err as { code?: string }).code;
    // 42710: duplicate_object; 23505: the same, caught by pg_authid's unique index mid-race.
    if (code !== '42710' && code !== '23505') throw err;
  }
}
