import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../testing/database.js';
import { Client, seedWorld, startTestApp, type TestApp, type World } from '../../testing/harness.js';
import { DataCipher } from '../crypto.js';
import { backupDatabase, restoreDatabase } from './backup.js';

let t: TestApp;
let world: World;
const dir = mkdtempSync(path.join(tmpdir(), 'rinnalla-backup-'));

beforeAll(async () => {
  t = await startTestApp();
  world = await seedWorld(t.db, new DataCipher(t.config.dataKey));
  const admin = new Client(t.app);
  await admin.signIn(world.users.provider_admin.email);
  const org = (await admin.post('/api/organisations', { name: 'Backed Up' })).json();
  const unit = (await admin.post(`/api/organisations/${org.id}/units`, { name: 'Parent' })).json();
  await admin.post(`/api/organisations/${org.id}/units`, { name: 'Child', parentId: unit.id });
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

async function snapshot(db: TestApp['db']) {
  const tables = ['providers', 'users', 'organisations', 'units', 'memberships', 'audit_events', 'sessions', 'mail_outbox'] as const;
  const out: Record<string, unknown> = {};
  for (const table of tables) {
    out[table] = (await sql`select * from ${sql.table(table)} order by id`.execute(db.kysely)).rows;
  }
  return out;
}

describe('backup and restore', () => {
  it('copies every row into a fresh database, identities included, and the copy keeps working', async () => {
    const file = path.join(dir, 'all.rinnalla.gz');
    const written = await backupDatabase(t.db.kysely, file);
    expect(written.rows).toBeGreaterThan(20);
    const target = await freshDatabase();
    try {
      // Restoring is the owner's operation (it replaces the audit trail); the app's role is refused.
      const restored = await restoreDatabase(target.owner, file);
      expect(restored.rows).toBe(written.rows);
      expect(await snapshot(target)).toEqual(await snapshot(t.db));
      // The identity sequence continues after the restored audit events.
      const copy = await startTestApp({ db: target });
      const admin = new Client(copy.app);
      expect((await admin.signIn(world.users.provider_admin.email)).statusCode).toBe(200);
      const events = (await admin.get('/api/audit?pageSize=5')).json().items;
      expect(events[0].action).toBe('auth.mfa_verified');
      await copy.app.close();
    } finally {
      await target.close();
    }
  });

  it('refuses a file that is not a backup and changes nothing', async () => {
    const { writeFileSync } = await import('node:fs');
    const { gzipSync } = await import('node:zlib');
    const file = path.join(dir, 'junk.gz');
    writeFileSync(file, gzipSync('{"format":"something else"}\n'));
    const before = await snapshot(t.db);
    await expect(restoreDatabase(t.db.kysely, file)).rejects.toThrow(/Not a Rinnalla backup/);
    expect(await snapshot(t.db)).toEqual(before);
  });
});
