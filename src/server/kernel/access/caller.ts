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
  /** Scheduled work of the platform itself (jobs): the `system` subject of the policies. */
  system?: boolean;
}

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

/** Internal work (jobs, CLI, seeding) acts as the system inside one provider. */
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

/** Jobs: the provider's system, with the office's reach plus the grants written for `system`. */
export const jobCaller = (providerId: string): Caller => ({ ...systemCaller(providerId), system: true });
