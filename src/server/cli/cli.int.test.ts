import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The command as an operator runs it, on its own embedded database.
const dataDir = mkdtempSync(path.join(tmpdir(), 'rinnalla-cli-'));
const env = { ...process.env, DATA_DIR: dataDir, RINNALLA_ENV: 'development', DATABASE_URL: '' };
delete (env as Record<string, string | undefined>).DATABASE_URL;
const run = (...args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', path.resolve('src/server/cli/cli.ts'), ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('rinnalla command', () => {
  it('explains every subcommand with --help', { timeout: 60_000 }, () => {
    const help = run('--help');
    for (const cmd of ['start', 'migrate', 'seed-demo', 'create-admin', 'backup', 'restore']) expect(help).toContain(cmd);
    expect(run('backup', '--help')).toContain('<file>');
  });

  // Seven processes each booting the embedded database: slow on a busy two-core machine.
  it('migrates, seeds, creates an admin, backs up and restores', { timeout: 180_000 }, () => {
    expect(run('migrate')).toMatch(/Applied: 0001_kernel|up to date/);
    expect(run('seed-demo')).toContain('admin@demo.rinnalla.test');
    expect(run('seed-demo')).toContain('already exists');
    expect(run('create-admin', '--email', 'root@example.test', '--password', 'a long enough password')).toContain('created');
    const file = path.join(dataDir, 'backup.gz');
    expect(run('backup', file)).toMatch(/Backed up \d+ rows/);
    expect(existsSync(file)).toBe(true);
    expect(() => run('restore', file)).toThrow(/--yes/);
    expect(run('restore', file, '--yes')).toMatch(/Restored \d+ rows/);
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
