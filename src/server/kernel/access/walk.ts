import type { Client, TestApp, World } from '../../testing/harness.js';
import type { SupervisionWorld } from '../../testing/supervision.js';
import type { Role } from '../roles.js';

/**
 * Who calls in the authorisation walk: every role of provider A, outsiders, and the holder of a
 * check-in link (`respondent`: no account, only the token of a check-in really sent to them).
 */
export type Who = 'anonymous' | 'respondent' | 'platform_admin' | Role | 'other_tenant_admin' | 'other_practitioner';

export const allRoles: Role[] = [
  'provider_admin',
  'practitioner',
  'client_contact',
  'participant',
  'peer_supporter',
  'job_seeker',
  'municipal_expert',
];
export const callers: Who[] = ['anonymous', 'respondent', 'platform_admin', ...allRoles, 'other_practitioner', 'other_tenant_admin'];
/** Callers with an account and a session. */
export const signedIn: Who[] = callers.filter((c) => c !== 'anonymous' && c !== 'respondent');
/** Callers of provider A (the world's provider), whose answers must carry nothing of provider B. */
export const ofProviderA: Who[] = [...allRoles, 'other_practitioner', 'respondent'];

export interface WalkContext {
  t: TestApp;
  world: World;
  sup: SupervisionWorld;
  /** Who the request is built for, so token routes can hand the link holder its own token. */
  who: Who;
  /** Sends a real check-in (WHO-5) to the world's participant and returns the token from the mail. */
  checkinLink(): Promise<string>;
  /** A fully signed-in client of another caller, to set up what the request needs (a feed link, say). */
  as(who: Who): Promise<Client>;
}

/** A status other than 2xx that an allowed caller gets, and why that is the right answer. */
export interface Expected {
  status: number;
  why: string;
}

export interface WalkEntry {
  allowed: readonly Who[];
  /** The URL (with ids filled in) and body; may create throwaway rows for destructive routes. */
  request?: (ctx: WalkContext) => Promise<{ url?: string; body?: unknown }>;
  /**
   * The URL names a record (or a link) that some callers may not reach: for them a 404 (the record
   * is not there for them) counts as the refusal it is.
   */
  tenantResource?: boolean;
  /** An allowed caller gets 2xx unless named here (for every allowed caller, or per caller). */
  expect?: Expected | Partial<Record<Who, Expected>>;
  /**
   * The route shows every provider's data by design (the reason): its answers are not searched for
   * the other tenant's markers. Refusals still are.
   */
  acrossTenants?: string;
}

/** Each module lists its routes here; the walk fails for any route without an entry. */
export type WalkTable = Record<string, WalkEntry>;

/** What came back for one caller. */
export interface Reply {
  status: number;
  /** The JSON error code, when the answer is an error. */
  code?: string | undefined;
  body: string;
}

/** Strings that must not appear in an answer: for a refused caller, and for any caller of the other tenant. */
export interface Markers {
  /** Every marker of the fixture: checked in the body of every refusal. */
  refused: readonly string[];
  /** The other provider's markers, for a caller of one provider (empty for callers of none). */
  crossTenant: readonly string[];
}

const refusalCodes = new Set(['unauthorised', 'second_factor_required']);

const isExpected = (e: WalkEntry['expect']): e is Expected => !!e && typeof (e as Expected).status === 'number';

/** The answer an allowed caller must get: 2xx, or the status the entry names with its reason. */
export function expectedFor(entry: WalkEntry, who: Who): Expected | null {
  if (!entry.expect) return null;
  if (isExpected(entry.expect)) return entry.expect;
  return entry.expect[who] ?? null;
}

/**
 * The walk's verdict on one call: an allowed caller must succeed (any other status fails, a 400
 * or a 404 included: a request the walk could not make real proves nothing), a refused caller
 * must be refused, and no answer may carry a marker its caller must not see. Returns the failures.
 */
export function judge(entry: WalkEntry, who: Who, reply: Reply, markers: Markers): string[] {
  const failures: string[] = [];
  // For a refused input, what the app said about it: that is where an unreal request shows.
  const said = reply.status === 400 || reply.status === 422 ? ` ${reply.body.slice(0, 300)}` : '';
  const got = `${reply.status}${reply.code ? ` ${reply.code}` : ''}${said}`;
  const allowed = entry.allowed.includes(who);
  if (allowed) {
    const expected = expectedFor(entry, who);
    if (expected) {
      if (reply.status !== expected.status) failures.push(`${who}: expected ${expected.status} (${expected.why}), got ${got}`);
    } else if (reply.status < 200 || reply.status > 299) {
      failures.push(`${who}: allowed, so expected 2xx, got ${got}`);
    }
  } else {
    // Any 403 refuses (self_grant and the like name why); a 401 only when it is about who is asking.
    const refused =
      reply.status === 403 ||
      (reply.status === 401 && refusalCodes.has(reply.code ?? '')) ||
      (!!entry.tenantResource && reply.status === 404);
    if (!refused) failures.push(`${who}: expected refused, got ${got}`);
    if (entry.tenantResource && who === 'other_tenant_admin' && reply.status !== 404 && reply.status !== 403) {
      failures.push(`${who}: reached another provider's record (${reply.status})`);
    }
  }
  const forbidden = allowed ? (entry.acrossTenants ? [] : markers.crossTenant) : [...markers.refused, ...markers.crossTenant];
  for (const marker of new Set(forbidden)) {
    if (reply.body.includes(marker)) failures.push(`${who}: answer (${reply.status}) leaks ${marker}`);
  }
  return failures;
}
