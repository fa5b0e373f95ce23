import type { Role } from '../roles.js';

export interface RoleGrant {
  role: Role;
  organisationId: string | null;
  unitId: string | null;
}

/**
 * Who is asking, resolved once per request from the session. Everything that decides access reads
 * this and nothing else.
 */
export interface Caller {
  userId: string | null;
  sessionId: string | null;
  providerId: string | null;
  grants: RoleGrant[];
  isPlatformAdmin: boolean;
  /** True when the session passed every factor its roles require. */
  fullySignedIn: boolean;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  /**
   * Someone acting from a single-use link in a mail, without an account (a check-in's respondent):
   * they reach exactly the check-in the link names and the person it was sent to.
   */
  link?: { checkinId: string; personId: string };
  /**
   * Work of the platform itself, named by purpose (Medplum's named system repositories): the
   * subject `system:<purpose>` of the policies, with only the grants that purpose needs. Built
   * only by the kernel (access/system.ts); the audit trail names it.
   */
  system?: SystemPurpose;
}

/**
 * The platform's own callers. Jobs: `checkin-sender` (planned check-ins and their reminder),
 * `alert-escalation`, `reminders` (meeting reminders), `nudges` (idle processes),
 * `intake-retention`. Requests without a signed-in caller: `public-intake` (the public request
 * form), `calendar-feed` (a feed secret, acting for the feed's owner). Inside a request, for rows
 * the caller may not read but must notify: `on-call-alert` (a crisis request reaches the on-call
 * list), `alert-recipients` (an urgent answer reaches the process's practitioners).
 */
export type SystemPurpose =
  | 'checkin-sender'
  | 'alert-escalation'
  | 'reminders'
  | 'nudges'
  | 'intake-retention'
  | 'public-intake'
  | 'calendar-feed'
  | 'on-call-alert'
  | 'alert-recipients';

/** A named system caller inside one provider, with no role grants of its own. */
export const namedSystemCaller = (
  providerId: string,
  purpose: SystemPurpose,
  meta: Partial<Pick<Caller, 'userId' | 'ip' | 'userAgent' | 'requestId'>> = {},
): Caller => ({
  userId: meta.userId ?? null,
  sessionId: null,
  providerId,
  grants: [],
  isPlatformAdmin: false,
  fullySignedIn: true,
  ip: meta.ip ?? null,
  userAgent: meta.userAgent ?? null,
  requestId: meta.requestId ?? null,
  system: purpose,
});

export const anonymousCaller = (meta: Pick<Caller, 'ip' | 'userAgent' | 'requestId'>): Caller => ({
  userId: null,
  sessionId: null,
  providerId: null,
  grants: [],
  isPlatformAdmin: false,
  fullySignedIn: false,
  ...meta,
});

export const callerRoles = (caller: Caller): Role[] => [...new Set(caller.grants.map((g) => g.role))];

export const hasRole = (caller: Caller, ...wanted: Role[]): boolean => caller.grants.some((g) => wanted.includes(g.role));

export const callerOrganisations = (caller: Caller, ...of: Role[]): string[] =>
  caller.grants.filter((g) => g.organisationId && (of.length === 0 || of.includes(g.role))).map((g) => g.organisationId as string);

/**
 * The platform admin setting up a provider acts as its office (kernel only: tenancy/platform.ts).
 * Jobs and public requests use a named system caller instead (`namedSystemCaller`).
 */
export const systemCaller = (providerId: string): Caller => ({
  userId: null,
  sessionId: null,
  providerId,
  grants: [{ role: 'provider_admin', organisationId: null, unitId: null }],
  isPlatformAdmin: false,
  fullySignedIn: true,
  ip: null,
  userAgent: null,
  requestId: null,
});

/** The holder of a check-in link: the person it was sent to, inside the provider that sent it. */
export const linkCaller = (
  providerId: string,
  link: { checkinId: string; personId: string },
  meta: Pick<Caller, 'ip' | 'userAgent' | 'requestId'>,
): Caller => ({
  userId: null,
  sessionId: null,
  providerId,
  grants: [],
  isPlatformAdmin: false,
  fullySignedIn: true,
  link,
  ...meta,
});
