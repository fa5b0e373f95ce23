import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { systemRunner } from './kernel/access/system.js';
import { systemClock } from './kernel/clock.js';
import { type Config, loadConfig } from './kernel/config.js';
import { DataCipher } from './kernel/crypto.js';
import { openDatabase } from './kernel/db/database.js';
import { migrateDatabase, ownsAuditTrail } from './kernel/db/roles.js';
import { sealLegacyPlaintext } from './kernel/db/seal-legacy.js';
import { demoPassword, seedDemo } from './kernel/db/seed-demo.js';
import { kernelJobs } from './kernel/jobs/kernel-jobs.js';
import { startJobs } from './kernel/jobs/scheduler.js';
import { smtpTransport } from './kernel/mail/mailer.js';
import { moduleJobs } from './modules/jobs.js';

/** config → database → migrations → (demo) → app → jobs → listen. */
export async function startServer(config: Config = loadConfig(), opts: { seed?: boolean } = {}): Promise<FastifyInstance> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
  await migrateDatabase(db, config.migrationDatabaseUrl);
  if (db.engine === 'postgres' && (await ownsAuditTrail(db.kysely))) {
    // Not fatal (one role is how many start), but the audit trail is then only as safe as the app.
    process.stderr.write(
      'Warning: the server runs as the owner of its tables, so it could rewrite the audit trail; see the README, "Database roles (PostgreSQL)".\n',
    );
  }
  // Drafts and request messages stored before they were sealed (migration 0006): SQL has no key.
  await sealLegacyPlaintext(db.kysely, new DataCipher(config.dataKey));
  const seed = opts.seed ?? config.env !== 'production';
  const demo = seed ? await seedDemo(db.kysely, config) : null;
  const mailTransport = config.smtpUrl ? smtpTransport(config.smtpUrl) : null;
  const app = await buildApp({ config, db, mailTransport });
  const system = systemRunner(db);
  const jobs = [
    ...kernelJobs({ db, config, clock: systemClock, mailTransport }),
    // Modules' jobs get named system repositories from the kernel, never the database (their manifests' `jobs`).
    ...(await moduleJobs({ system, config, clock: systemClock, cipher: new DataCipher(config.dataKey) })),
  ];
  const stopJobs = config.jobs ? startJobs(jobs, app.log) : () => {};
  app.addHook('onClose', async () => {
    stopJobs();
    await db.close();
  });
  await app.listen({ port: config.port, host: config.host });
  const engine = db.engine === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  const lines = [``, `Rinnalla is running at ${config.publicUrl}  (database: ${engine})`];
  if (demo) {
    lines.push(`Demo sign-ins (password for all: ${demoPassword}):`);
    for (const a of demo.accounts) lines.push(`  ${a.role.padEnd(18)} ${a.email}`);
    lines.push('Staff roles set up a second factor (TOTP) at first sign-in.');
  }
  if (config.devOutbox) lines.push(`Mail is kept in the development outbox: ${config.publicUrl}/dev/outbox`);
  process.stdout.write(`${lines.join('\n')}\n\n`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void app.close().then(() => process.exit(0));
    });
  }
  return app;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  startServer().catch((err) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
