import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const base64Key = z.string().refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded');

const envSchema = z.object({
  RINNALLA_ENV: z.enum(['production', 'development', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.string().url().optional(),
  DATABASE_URL: z.string().url().optional(),
  MIGRATION_DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().min(1).default('./data'),
  DATA_KEY: base64Key.optional(),
  SESSION_SECRET: z.string().min(32).optional(),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default('Rinnalla <no-reply@rinnalla.invalid>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  JOBS: z
    .enum(['on', 'off'])
    .default('on')
    .transform((v) => v === 'on'),
});

export type Config = {
  env: 'production' | 'development' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | undefined;
  /**
   * The tables' owner, for migrations (and restore); DATABASE_URL is then the app's own role,
   * which may only read and append the audit trail (README, "Database roles").
   */
  migrationDatabaseUrl: string | undefined;
  databasePoolSize: number;
  dataDir: string;
  dataKey: Buffer;
  sessionSecret: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: string;
  trustProxy: boolean;
  /** Idle lifetime of a session / its absolute lifetime, however active it is. */
  sessionTtlHours: number;
  sessionMaxHours: number;
  jobs: boolean;
  /** Requests per minute per client address, for all routes / for sign-in, reset and invitations. */
  rateLimitPerMinute: number;
  authRateLimitPerMinute: number;
  /** The development outbox page shows stored mail; never in production. */
  devOutbox: boolean;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Secrets for the embedded default are generated once and kept beside the database, readable by
 * the owner only, so a newcomer needs no set-up and restarts keep sessions and encrypted data valid.
 */
function localSecrets(dataDir: string): { dataKey: string; sessionSecret: string } {
  const file = path.join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secrets = {
    dataKey: randomBytes(32).toString('base64'),
    sessionSecret: randomBytes(48).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
  return secrets;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.RINNALLA_ENV === 'production') {
    if (!e.DATA_KEY) problems.push('DATA_KEY: required in production (32 random bytes, base64)');
    if (!e.SESSION_SECRET) problems.push('SESSION_SECRET: required in production (at least 32 characters)');
    if (!e.DATABASE_URL) problems.push('DATABASE_URL: required in production (PostgreSQL 15+)');
    if (!e.SMTP_URL) problems.push('SMTP_URL: required in production to deliver mail');
    if (!e.PUBLIC_URL) problems.push('PUBLIC_URL: required in production to build links in mail');
  }
  if (e.MIGRATION_DATABASE_URL && !e.DATABASE_URL) problems.push('MIGRATION_DATABASE_URL: needs DATABASE_URL (the app role) beside it');
  if (problems.length) throw new ConfigError(problems);
  const dataDir = path.resolve(e.DATA_DIR);
  const generated = !e.DATA_KEY || !e.SESSION_SECRET ? localSecrets(dataDir) : undefined;
  return {
    env: e.RINNALLA_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    databaseUrl: e.DATABASE_URL,
    migrationDatabaseUrl: e.MIGRATION_DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    dataDir,
    dataKey: Buffer.from(e.DATA_KEY ?? generated!.dataKey, 'base64'),
    sessionSecret: e.SESSION_SECRET ?? generated!.sessionSecret,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    jobs: e.JOBS,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    authRateLimitPerMinute: e.AUTH_RATE_LIMIT_PER_MINUTE,
    devOutbox: e.RINNALLA_ENV !== 'production',
  };
}
