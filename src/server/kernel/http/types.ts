import type { Kysely } from 'kysely';
import type { Caller } from '../access/caller.js';
import type { Repository } from '../access/repository.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { DataCipher } from '../crypto.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { MailTransport } from '../mail/mailer.js';
import type { Role } from '../roles.js';
import type { BackgroundWork } from './background.js';

/**
 * Who may call a route, declared beside it and enforced in one hook. `public`: anyone;
 * `session`: any session, even one still owing its second factor; `signed-in`: fully signed in;
 * `platform-admin`; or a list of roles in the active provider.
 */
export type RouteAccess = 'public' | 'session' | 'signed-in' | 'platform-admin' | { roles: readonly Role[] };

export interface Kernel {
  config: Config;
  db: Db;
  clock: Clock;
  cipher: DataCipher;
  mailTransport: MailTransport | null;
  /** Work started by a request and finished after its answer (e.g. password-reset mail). */
  background: BackgroundWork;
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    kernel: Kernel;
    /** Every route with its access rule, for the authorisation walk. */
    routeTable: RegisteredRoute[];
  }
  interface FastifyRequest {
    caller: Caller;
    /** The caller's repository: the only way request code reaches tenant data. */
    repo: Repository;
    session: ResolvedSession | null;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export interface ResolvedSession {
  id: string;
  userId: string;
  providerId: string | null;
  stage: 'signed-in' | 'mfa-required' | 'mfa-enrolment-required';
  mfaVerified: boolean;
}

export type KernelDb = Kysely<Database>;
