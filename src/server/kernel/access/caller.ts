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

export const hasRole = (caller: Caller, ...wanted: Role[]): boolean =>
  caller.grants.some((g) => wanted.includes(g.role));

export const callerOrganisations = (caller: Caller, ...of: Role[]): string[] =>
  caller.grants
    .filter((g) => g.organisationId && (of.length === 0 || of.includes(g.role)))
    .map((g) => g.organisationId as string);

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
