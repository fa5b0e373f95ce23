import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import { loadConfig } from '../kernel/config.js';
import { backupDatabase, restoreDatabase } from '../kernel/db/backup.js';
import { migrateToLatest, openDatabase } from '../kernel/db/database.js';
import { demoPassword, seedDemo } from '../kernel/db/seed-demo.js';
import { hashPassword, minPasswordLength } from '../kernel/auth/passwords.js';
import { startServer } from '../main.js';

async function withDatabase<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    await migrateToLatest(db.kysely);
    return await work(db);
  } finally {
    await db.close();
  }
}

const program = new Command()
  .name('rinnalla')
  .description('Rinnalla: psychosocial and employment support platform.\nUses PostgreSQL from DATABASE_URL, or the embedded database under DATA_DIR (default ./data).');

program
  .command('start')
  .description('Migrate, seed the demo provider (not in production) and serve the app on PORT (default 3000)')
  .option('--no-seed', 'do not create the demo provider')
  .action(async (opts: { seed: boolean }) => {
    await startServer(loadConfig(), { seed: opts.seed ? undefined : false });
  });

program
  .command('migrate')
  .description('Apply pending database migrations')
  .action(async () => {
    const applied = await withDatabase((db) => migrateToLatest(db.kysely));
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
  });

program
  .command('seed-demo')
  .description('Create the fictional demo provider with one account per role (idempotent)')
  .action(async () => {
    const result = await withDatabase((db) => seedDemo(db.kysely));
    console.log(result.created ? 'Demo provider created.' : 'The demo provider already exists.');
    console.log(`Password for every demo account: ${demoPassword}`);
    for (const a of result.accounts) console.log(`  ${a.role.padEnd(18)} ${a.email}`);
  });

program
  .command('create-admin')
  .description('Create a platform administrator (or grant the flag to an existing account)')
  .requiredOption('--email <email>', 'e-mail address')
  .option('--name <name>', 'display name', 'Platform admin')
  .option('--password <password>', `password (at least ${minPasswordLength} characters); generated when omitted`)
  .action(async (opts: { email: string; name: string; password?: string }) => {
    const password = opts.password ?? randomBytes(12).toString('base64url');
    if (password.length < minPasswordLength) throw new Error(`--password: at least ${minPasswordLength} characters`);
    if (!/^[^@\s]+@[^@\s]+$/.test(opts.email)) throw new Error('--email: not an e-mail address');
    const email = opts.email.trim().toLowerCase();
    const passwordHash = await hashPassword(password);
    const created = await withDatabase(async (db) => {
      const existing = await db.kysely.selectFrom('users').select('id').where(db.kysely.fn('lower', ['email']), '=', email).executeTakeFirst();
      if (existing) {
        await db.kysely.updateTable('users').set({ is_platform_admin: true }).where('id', '=', existing.id).execute();
        return false;
      }
      await db.kysely
        .insertInto('users')
        .values({ email, name: opts.name, password_hash: passwordHash, is_platform_admin: true, updated_at: new Date(), locale: null, time_zone: null, totp_secret: null, totp_pending_secret: null, totp_enabled_at: null, totp_last_step: null, disabled_at: null })
        .execute();
      return true;
    });
    if (created) console.log(`Platform administrator ${email} created.${opts.password ? '' : ` Password: ${password}`}\nA second factor is set up at first sign-in.`);
    else console.log(`${email} already had an account; it is now a platform administrator.`);
  });

program
  .command('backup')
  .description('Write a consistent copy of the whole database to one file (gzip JSON lines)')
  .argument('<file>', 'where to write the backup')
  .action(async (file: string) => {
    const r = await withDatabase((db) => backupDatabase(db.kysely, file));
    console.log(`Backed up ${r.rows} rows of ${r.tables} tables to ${file}`);
  });

program
  .command('restore')
  .description('Replace all data with a backup file (in one transaction; the schema versions must match)')
  .argument('<file>', 'backup file written by `rinnalla backup`')
  .option('--yes', 'confirm that every current row is to be replaced')
  .action(async (file: string, opts: { yes?: boolean }) => {
    if (!opts.yes) throw new Error('Restoring replaces all current data: add --yes to confirm');
    const r = await withDatabase((db) => restoreDatabase(db.kysely, file));
    console.log(`Restored ${r.rows} rows of ${r.tables} tables from ${file}`);
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
