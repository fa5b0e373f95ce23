import type { Role } from '../roles.js';
import type { TestApp, World } from '../../testing/harness.js';
import type { SupervisionWorld } from '../../testing/supervision.js';

/** Who calls in the authorisation walk: every role of provider A, plus outsiders. */
export type Who = 'anonymous' | 'platform_admin' | Role | 'other_tenant_admin' | 'other_practitioner';

export const allRoles: Role[] = ['provider_admin', 'practitioner', 'client_contact', 'participant', 'peer_supporter', 'job_seeker', 'municipal_expert'];
export const callers: Who[] = ['anonymous', 'platform_admin', ...allRoles, 'other_practitioner', 'other_tenant_admin'];
export const signedIn: Who[] = callers.filter((c) => c !== 'anonymous');

export interface WalkContext {
  t: TestApp;
  world: World;
  sup: SupervisionWorld;
}

export interface WalkEntry {
  allowed: readonly Who[];
  /** The URL (with ids filled in) and body; may create throwaway rows for destructive routes. */
  request?: (ctx: WalkContext) => Promise<{ url?: string; body?: unknown }>;
  /**
   * The URL names a record of provider A that some signed-in callers may not reach: for them a
   * 404 (the record is not there for them) counts as the refusal it is.
   */
  tenantResource?: boolean;
}

/** Each module lists its routes here; the walk fails for any route without an entry. */
export type WalkTable = Record<string, WalkEntry>;
