import { type Kysely, sql } from 'kysely';
import { type Db, migrateToLatest, openDatabase } from './database.js';
import type { Database } from './schema.js';

/**
 * The PostgreSQL role the server runs as when the tables belong to another role (the README's
 * "Database roles" section, the test harness, row-level security). It is not the tables' owner,
 * so it cannot TRUNCATE, ALTER or DISABLE TRIGGER, and the row-level policies bind for it.
 */
export const appRole = 'rinnalla_app';

/**
 * Gives the app's role what it needs on every table, then takes back what would let it rewrite
 * history. Run as the owner after every migration: granting on "all tables" picks up tables that
 * migrations written later add, with no list to keep up to date.
 */
export async function grantAppRole(owner: Kysely<Database>, role: string): Promise<void> {
  const r = sql.id(role);
  await owner.transaction().execute(async (trx) => {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(trx);
    const schema = sql.id(rows[0]!.schema);
    await sql`grant usage on schema ${schema} to ${r}`.execute(trx);
    await sql`grant select, insert, update, delete on all tables in schema ${schema} to ${r}`.execute(trx);
    await sql`grant usage, select on all sequences in schema ${schema} to ${r}`.execute(trx);
    // Audit events are read and appended, never changed; the chain heads are written only by the
    // owner's trigger; the migration log is the owner's.
    await sql`revoke update, delete, truncate, references, trigger on audit_events from ${r}`.execute(trx);
    await sql`revoke insert, update, delete, truncate, references, trigger on audit_chain_heads, schema_migrations, schema_migrations_lock from ${r}`.execute(
      trx,
    );
  });
}

/** Whether the connected role may rewrite the trail: it owns the table or is a superuser. */
export async function ownsAuditTrail(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{ owns: boolean }>`
    select pg_has_role(current_user, c.relowner, 'usage') or r.rolsuper as owns
    from pg_class c, pg_roles r
    where c.oid = 'audit_events'::regclass and r.rolname = current_user`.execute(db);
  return rows[0]?.owns ?? true;
}

/**
 * Migrates over the owner's connection (MIGRATION_DATABASE_URL) when there is one, then grants the
 * app connection's role; with one connection (PGlite, or a single PostgreSQL role) the app's own
 * connection migrates, as before. Returns the migrations applied.
 */
export async function migrateDatabase(app: Db, migrationDatabaseUrl: string | undefined): Promise<string[]> {
  if (!migrationDatabaseUrl || app.engine === 'pglite') return migrateToLatest(app.kysely);
  const owner = await openDatabase({ databaseUrl: migrationDatabaseUrl, poolSize: 1 });
  try {
    const applied = await migrateToLatest(owner.kysely);
    const role = await currentRole(app.kysely);
    if (role !== (await currentRole(owner.kysely))) await grantAppRole(owner.kysely, role);
    return applied;
  } finally {
    await owner.close();
  }
}

async function currentRole(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ role: string }>`select current_user as role`.execute(db);
  return rows[0]!.role;
}
