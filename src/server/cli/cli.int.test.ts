import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../kernel/db/database.js';

// The command as an operator runs it, on its own embedded database.
const dataDir = mkdtempSync(path.join(tmpdir(), 'rinnalla-cli-'));
const env = { ...process.env, DATA_DIR: dataDir, RINNALLA_ENV: 'development', DATABASE_URL: '' };
delete (env as Record<string, string | undefined>).DATABASE_URL;
const run = (...args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', path.resolve('src/server/cli/cli.ts'), ...args], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('rinnalla command', () => {
  it('explains every subcommand with --help', { timeout: 60_000 }, () => {
    const help = run('--help');
    for (const cmd of ['start', 'migrate', 'seed-demo', 'create-admin', 'backup', 'restore', 'audit']) expect(help).toContain(cmd);
    expect(run('backup', '--help')).toContain('<file>');
  });

  // Seven processes each booting the embedded database: slow on a busy two-core machine.
  it('migrates, seeds, creates an admin, backs up and restores', { timeout: 300_000 }, () => {
    // Issue 7, finding 11: it names what it applied, and only then says "up to date".
    expect(run('migrate')).toMatch(/Applied: 0001_kernel, .*0008_audit_chain/);
    expect(run('migrate')).toMatch(/up to date/);
    // The embedded database's files are 0644: its folders keep everyone but the owner out.
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dataDir, 'pglite')).mode & 0o777).toBe(0o700);
    expect(run('seed-demo')).toContain('admin@demo.rinnalla.test');
    expect(run('seed-demo')).toContain('already exists');
    expect(run('create-admin', '--email', 'root@example.test', '--password', 'a long enough password')).toContain('created');
    const file = path.join(dataDir, 'backup.gz');
    expect(run('backup', file)).toMatch(/Backed up \d+ rows/);
    expect(existsSync(file)).toBe(true);
    expect(() => run('restore', file)).toThrow(/--yes/);
    expect(run('restore', file, '--yes')).toMatch(/Restored \d+ rows/);
    expect(run('audit', 'verify')).toMatch(/intact/);
  });

  // Issue 7, findings 4 and 11: create-admin leaves a trace, and a broken chain is reported.
  it('audits create-admin, and `audit verify` names where a tampered chain breaks', { timeout: 180_000 }, async () => {
    expect(run('create-admin', '--email', 'second@example.test', '--password', 'a long enough password')).toContain('created');
    const db = await openDatabase({ dataDir });
    let eventId: string;
    try {
      const user = await db.kysely.selectFrom('users').select('id').where('email', '=', 'second@example.test').executeTakeFirstOrThrow();
      const event = await db.kysely
        .selectFrom('audit_events')
        .select(['id', 'provider_id', 'chain_seq', 'entity_id', 'details'])
        .where('action', '=', 'platform_admin.created')
        .where('entity_id', '=', user.id)
        .executeTakeFirstOrThrow();
      expect(event.provider_id).toBeNull();
      expect(event.details).toMatchObject({ via: 'cli' });
      eventId = String(event.id);
      // Tampering as only the owner of the files can: lift the append-only trigger, rewrite a row.
      await sql`alter table audit_events disable trigger audit_events_no_update`.execute(db.kysely);
      await sql`update audit_events set details = '{"via":"web"}' where id = ${eventId}`.execute(db.kysely);
      await sql`alter table audit_events enable trigger audit_events_no_update`.execute(db.kysely);
    } finally {
      await db.close();
    }
    let failure: { status: number; stdout: string } | undefined;
    try {
      run('audit', 'verify');
    } catch (err) {
      failure = err as { status: number; stdout: string };
    }
    expect(failure?.status).toBe(1);
    expect(failure?.stdout).toContain(`event ${eventId}`);
    expect(failure?.stdout).toMatch(/platform.*sequence \d+.*altered/);
  });

  it('names the variable when the configuration is invalid', { timeout: 60_000 }, () => {
    expect(() =>
      execFileSync(process.execPath, ['--import', 'tsx', path.resolve('src/server/cli/cli.ts'), 'migrate'], {
        env: { ...env, PORT: 'eighty' },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    ).toThrow(/PORT/);
  });
});
