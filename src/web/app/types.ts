/** Types of the HTTP API (docs/api.md). */

export const ROLES = [
  'provider_admin',
  'practitioner',
  'client_contact',
  'participant',
  'peer_supporter',
  'job_seeker',
  'municipal_expert',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that belong to a client organisation: inviting them needs an organisation. */
export const ORGANISATION_ROLES: readonly Role[] = ['client_contact', 'participant', 'peer_supporter', 'job_seeker'];

export const LOCALES = ['fi', 'sv', 'nb', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export type Stage = 'signed-in' | 'mfa-required' | 'mfa-enrolment-required';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  locale: Locale | null;
  timeZone: string | null;
  totpEnabled: boolean;
  isPlatformAdmin: boolean;
}

export interface Membership {
  id: string;
  providerId: string;
  providerName: string;
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
}

export interface Session {
  user: SessionUser;
  stage: Stage;
  providerId: string | null;
  memberships: Membership[];
  roles: Role[];
}

export interface StageResponse {
  stage: Stage;
}

export interface Me {
  id: string;
  email: string;
  name: string;
  locale: Locale | null;
  timeZone: string | null;
  totpEnabled: boolean;
}

export interface UserSession {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

export interface Items<T> {
  items: T[];
}

export interface Page<T> extends Items<T> {
  total: number;
  page: number;
  pageSize: number;
}

export interface InvitationPreview {
  email: string;
  providerName: string;
  role: Role;
  organisationName: string | null;
  existingUser: boolean;
}

export interface Member {
  id: string;
  userId: string;
  name: string;
  email: string;
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
  createdAt: string;
}

export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
  createdAt: string;
  expiresAt: string;
  status: InvitationStatus;
}

export interface OrganisationSummary {
  id: string;
  name: string;
  businessId: string | null;
  unitCount: number;
  createdAt: string;
}

export interface Unit {
  id: string;
  name: string;
  parentId: string | null;
}

export interface Organisation {
  id: string;
  name: string;
  businessId: string | null;
  units: Unit[];
}

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  ip: string | null;
  userAgent: string | null;
}

export const COUNTRIES = ['FI', 'SE', 'NO'] as const;
export type Country = (typeof COUNTRIES)[number];

export interface Provider {
  id: string;
  name: string;
  slug: string;
  country: Country;
  createdAt: string;
}

export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  createdAt: string;
  status: string;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
