import type { Caller } from './access/caller.js';
import type { Repository } from './access/repository.js';
import { type Credentials, credentials, publicIntake } from './access/system.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { DataCipher } from './crypto.js';
import type { Kernel } from './http/types.js';

/**
 * The one calling convention of the modules' service functions (modules/<name>/use-cases/*):
 * `fn(ctx, …inputs)`, the context first. A route builds it once per request with
 * `serviceContext(req)`; a job builds the same shape from its system repository with
 * `systemContext(deps, repo)`; a function that needs less declares it with a `Pick<>`
 * (e.g. `Pick<ServiceContext, 'repo'>`), so any full context satisfies it and a transaction is
 * passed on as `{ ...ctx, repo: tx }`.
 */
export interface ServiceContext {
  /** The caller's repository: scoped, field-checked and audited; the only door to tenant data. */
  repo: Repository;
  clock: Clock;
  cipher: DataCipher;
  config: Config;
}

/** The kernel parts every context carries beside the repository. */
export type ServiceDeps = Omit<ServiceContext, 'repo'>;

type RequestMeta = Pick<Caller, 'ip' | 'userAgent' | 'requestId'>;

/**
 * The same shape for the routes without a caller repository (a respondent's check-in link, the
 * calendar feed, the public request form): no `repo`, but the kernel's credential doors, each of
 * which resolves a token or a provider slug to the repository of the link's holder or of the
 * named system caller. The service function resolves it first and then works as any other.
 */
export interface CredentialContext extends ServiceDeps {
  credentials: Credentials;
  /** The `public-intake` system caller's repository of the provider with this slug, or null. */
  publicIntake(slug: string, meta: RequestMeta): Promise<Repository | null>;
}

const depsOf = (kernel: ServiceDeps): ServiceDeps => ({ clock: kernel.clock, cipher: kernel.cipher, config: kernel.config });

/** The context of one request, from its repository and the kernel (what route handlers pass on). */
export function serviceContext(req: { repo: Repository; server: { kernel: Kernel } }): ServiceContext {
  return { repo: req.repo, ...depsOf(req.server.kernel) };
}

/** The context of a job run (or of any system work): the same shape around a system repository. */
export function systemContext(deps: ServiceDeps, repo: Repository): ServiceContext {
  return { repo, ...depsOf(deps) };
}

/** The context of the credential-based routes; built once when the routes mount. */
export function credentialContext(kernel: Kernel): CredentialContext {
  return {
    ...depsOf(kernel),
    credentials: credentials(kernel),
    publicIntake: (slug, meta) => publicIntake(kernel, slug, meta),
  };
}
