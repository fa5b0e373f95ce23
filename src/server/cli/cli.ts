import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { Command } from 'commander';
import { anonymousCaller } from '../kernel/access/caller.js';
import { appendAudit } from '../kernel/audit/audit.js';
import { verifyAuditChains } from '../kernel/audit/chain.js';
import { hashPassword, minPasswordLength } from '../kernel/auth/passwords.js';
import { loadConfig } from '../kernel/config.js';
import { backupDatabase, restoreDatabase } from '../kernel/db/backup.js';
import { type Db, openDatabase } from '../kernel/db/database.js';
import { migrateDatabase } from '../kernel/db/roles.js';
import { demoPassword, seedDemo } from '../kernel/db/seed-demo.js';

/**
 * Opens the app's database (DATABASE_URL, or the embedded one), migrated over the owner's
 * connection when MIGRATION_DATABASE_URL is set. `owner` hands the work the owner's connection
 * instead, for what the app's role may not do (restore).
 */
async function withDatabase<T>(work: (db: Db, applied: string[]) => Promise<T>, opts: { owner?: boolean } = {}): Promise<T> {
  const config = loadConfig();
  const app = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  let applied: string[];
  try {
    applied = await migrateDatabase(app, config.migrationDatabaseUrl);
    if (!opts.owner || !config.migrationDatabaseUrl) return await work(app, applied);
  } finally {
    await app.close();
  }
  const owner = await openDatabase({ databaseUrl: config.migrationDatabaseUrl, poolSize: 2 });
  try {
    return await work(owner, applied);
  } finally {
    await owner.close();
  }
}

/** The operator at the console: no account, named in the event's details. */
const cliCaller = () => anonymousCaller({ ip: null, userAgent: 'rinnalla-cli', requestId: null });
const operator = () => {
  try {
    return userInfo().username;
  } catch {
    return null;
  }
};

const program = new Command()
  .name('rinnalla')
  .description(
    'Rinnalla: psychosocial and employment support platform.\nUses PostgreSQL from DATABASE_URL, or the embedded database under DATA_DIR (default ./data).',
  );

program
  .command('start')
  .description('Migrate, seed the demo provider (not in production) and serve the app on PORT (default 3000)')
  .option('--no-seed', 'do not create the demo provider')
  .action(async (opts: { seed: boolean }) => {
    // Loaded here so the other commands do not load the whole app.
    const { startServer } = await import('../main.js');
    await startServer(loadConfig(), { seed: opts.seed ? undefined : false });
  });

program
  .command('migrate')
  .description('Apply pending database migrations')
  .action(async () => {
    const applied = await withDatabase(async (_db, applied) => applied);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
  });

program
  .command('seed-demo')
  .description('Create the fictional demo provider with one account per role (idempotent)')
  .action(async () => {
    const result = await withDatabase((db) => seedDemo(db.kysely, loadConfig()));
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
    // The most powerful grant there is, so it is in the trail like any other (platform chain).
    const audit = (trx: Db['kysely'], action: string, userId: string) =>
      appendAudit(trx, cliCaller(), {
        action,
        providerId: null,
        actorUserId: null,
        entityType: 'user',
        entityId: userId,
        details: { via: 'cli', operator: operator() },
      });
    const created = await withDatabase((db) =>
      db.kysely.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom('users')
          .select('id')
          .where(trx.fn('lower', ['email']), '=', email)
          .executeTakeFirst();
        if (existing) {
          await trx.updateTable('users').set({ is_platform_admin: true }).where('id', '=', existing.id).execute();
          await audit(trx, 'platform_admin.granted', existing.id);
          return false;
        }
        const user = await trx
          .insertInto('users')
          .values({
            email,
            name: opts.name,
            password_hash: passwordHash,
            is_platform_admin: true,
            updated_at: new Date(),
            locale: null,
            time_zone: null,
            totp_secret: null,
            totp_pending_secret: null,
            totp_enabled_at: null,
            totp_last_step: null,
            disabled_at: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await audit(trx, 'platform_admin.created', user.id);
        return true;
      }),
    );
    if (created)
      console.log(
        `Platform administrator ${email} created.${opts.password ? '' : ` Password: ${password}`}\nA second factor is set up at first sign-in.`,
      );
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
  .description(
    "Replace all data with a backup file (in one transaction; the schema versions must match). Runs as the tables' owner (MIGRATION_DATABASE_URL when set): the audit trail is replaced too",
  )
  .argument('<file>', 'backup file written by `rinnalla backup`')
  .option('--yes', 'confirm that every current row is to be replaced')
  .action(async (file: string, opts: { yes?: boolean }) => {
    if (!opts.yes) throw new Error('Restoring replaces all current data: add --yes to confirm');
    const r = await withDatabase(
      async (db) => {
        const restored = await restoreDatabase(db.kysely, file);
        // The restored chain continues with the restore itself, so the trail shows it happened.
        await appendAudit(db.kysely, cliCaller(), {
          action: 'database.restored',
          providerId: null,
          actorUserId: null,
          details: { via: 'cli', operator: operator(), rows: restored.rows },
        });
        return restored;
      },
      { owner: true },
    );
    console.log(`Restored ${r.rows} rows of ${r.tables} tables from ${file}`);
  });

const audit = program.command('audit').description('The audit trail');
audit
  .command('verify')
  .description('Walk every audit chain (one per provider, one for the platform) and say where one breaks; exits 1 if one does')
  .action(async () => {
    const report = await withDatabase((db) => verifyAuditChains(db.kysely));
    if (report.breaks.length === 0) {
      console.log(`Audit trail intact: ${report.events} events in ${report.chains} chains.`);
      return;
    }
    for (const b of report.breaks) {
      console.log(
        `Chain ${b.chain}: sequence ${b.seq}${b.eventId ? `, event ${b.eventId}` : ''}: ${b.problem} (expected ${b.expected}, found ${b.found})`,
      );
    }
    console.log(
      `The audit trail is broken in ${new Set(report.breaks.map((b) => b.chain)).size} of ${report.chains} chains (${report.events} events read).`,
    );
    process.exitCode = 1;
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
