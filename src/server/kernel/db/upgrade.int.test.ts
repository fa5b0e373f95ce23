/**
 * An upgrade, as a database in the field lives through one: a database at the last release's
 * schema (releases.ts), holding data (fixtures/release-<name>.sql), is migrated to the latest; every
 * row is still there, the audit chain still verifies, and the app reads the data: a practitioner
 * opens the process, the meeting with their sealed private note, and the alert of an answer.
 * PGlite by default; PostgreSQL with TEST_DB=postgres (the owner migrates, the app's role reads).
 *
 * When a release is cut, its fixture is made from a database at that release (the header of
 * fixtures/release-0.1.sql says how) and `lastRelease` moves on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDb } from '../../testing/database.js';
import { Client, startTestApp, type TestApp } from '../../testing/harness.js';
import { verifyAuditChains } from '../audit/chain.js';
import { allMigrations, migrateToLatest } from './database.js';
import { lastRelease, lastReleaseMigration, releases } from './releases.js';
import { appRole, grantAppRole } from './roles.js';
import { splitStatements } from './statements.js';

const fixture = readFileSync(join(import.meta.dirname, 'fixtures', `release-${lastRelease.name}.sql`), 'utf8');

/** What the fixture holds for the walk through the app (the test world's practitioner and process). */
const practitionerEmail = 'practitioner@example.test';
const processTitle = 'Night shift group supervision';

let db: TestDb;
let t: TestApp;
let before: Record<string, number>;
let applied: string[];

async function counts(): Promise<Record<string, number>> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'schema_migrations%'`.execute(db.owner);
  const out: Record<string, number> = {};
  for (const { table_name } of rows) {
    const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table_name)}`.execute(db.owner);
    out[table_name] = r.rows[0]?.n ?? 0;
  }
  return out;
}

beforeAll(async () => {
  db = await freshDatabase({ upTo: lastReleaseMigration });
  // As a restore loads it: in one transaction, with triggers and foreign-key checks off, so the
  // audit chain's rows are kept exactly as they were written.
  await db.owner.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    for (const statement of splitStatements(fixture)) await sql.raw(statement).execute(trx);
  });
  before = await counts();
  applied = await migrateToLatest(db.owner);
  if (db.engine === 'postgres') await grantAppRole(db.owner, appRole);
  t = await startTestApp({ db });
});
afterAll(() => t.close());

describe(`upgrade from release ${lastRelease.name} (${lastReleaseMigration}) to the latest`, () => {
  it('starts from a database at the release, holding data', () => {
    expect(Object.values(before).filter((n) => n > 0).length).toBeGreaterThan(20);
    expect(before.responses).toBeGreaterThan(0);
    expect(before.audit_events).toBeGreaterThan(0);
  });

  it('applies every migration after the release, and only those', async () => {
    const released = new Set(releases.flatMap((r) => r.migrations));
    expect(applied).toEqual(Object.keys(allMigrations()).filter((m) => !released.has(m)));
    const { rows } = await sql<{ name: string }>`select name from schema_migrations order by name`.execute(db.owner);
    expect(rows.map((r) => r.name)).toEqual(Object.keys(allMigrations()));
  });

  it('keeps every row', async () => {
    const after = await counts();
    for (const [table, n] of Object.entries(before)) expect(after[table], table).toBeGreaterThanOrEqual(n);
  });

  it('keeps the audit chain whole', async () => {
    const report = await verifyAuditChains(db.kysely);
    expect(report.breaks).toEqual([]);
  });

  it('serves the data through the app: the process, the sealed private note, the alert', async () => {
    const practitioner = new Client(t.app, 'practitioner');
    expect((await practitioner.signIn(practitionerEmail)).statusCode).toBe(200);
    const list = await practitioner.get('/api/processes');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(processTitle);
    const { rows } = await sql<{ id: string; meeting_id: string }>`
      select p.id, n.meeting_id from processes p join meeting_notes n on n.process_id = p.id where p.title = ${processTitle}`.execute(
      db.owner,
    );
    expect((await practitioner.get(`/api/meetings/${rows[0]?.meeting_id}`)).statusCode).toBe(200);
    const note = await practitioner.get(`/api/meetings/${rows[0]?.meeting_id}/note`);
    expect(note.statusCode).toBe(200);
    expect(note.body).toContain('the team lead seemed exhausted');
    const alerts = await practitioner.get('/api/alerts');
    expect(alerts.statusCode).toBe(200);
    expect(alerts.json()).not.toEqual([]);
  });
});
