import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Role } from '../roles.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface ProvidersTable {
  id: Generated<string>;
  name: string;
  slug: string;
  country: 'FI' | 'SE' | 'NO';
  default_locale: string;
  time_zone: string;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string | null;
  locale: string | null;
  time_zone: string | null;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_enabled_at: Timestamp | null;
  totp_last_step: number | null;
  is_platform_admin: Generated<boolean>;
  disabled_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface OrganisationsTable {
  id: Generated<string>;
  provider_id: string;
  name: string;
  business_id: string | null;
  created_at: CreatedAt;
}

export interface UnitsTable {
  id: Generated<string>;
  provider_id: string;
  organisation_id: string;
  parent_id: string | null;
  name: string;
  created_at: CreatedAt;
}

export interface MembershipsTable {
  id: Generated<string>;
  provider_id: string;
  user_id: string;
  role: Role;
  organisation_id: string | null;
  unit_id: string | null;
  created_at: CreatedAt;
}

export interface InvitationsTable {
  id: Generated<string>;
  provider_id: string;
  email: string;
  role: Role;
  organisation_id: string | null;
  unit_id: string | null;
  token_hash: string;
  invited_by: string | null;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  revoked_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface SessionsTable {
  id: Generated<string>;
  token_hash: string;
  user_id: string;
  provider_id: string | null;
  mfa_verified_at: Timestamp | null;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface PasswordResetsTable {
  id: Generated<string>;
  user_id: string;
  token_hash: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface RecoveryCodesTable {
  id: Generated<string>;
  user_id: string;
  code_hash: string;
  used_at: Timestamp | null;
}

export interface SignInFailuresTable {
  id: Generated<string>;
  email: string;
  ip: string | null;
  at: Timestamp;
}

export interface AuditEventsTable {
  id: Generated<string>;
  provider_id: string | null;
  at: CreatedAt;
  actor_user_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  details: ColumnType<Record<string, unknown> | null, string | null | undefined, never>;
}

export interface MailOutboxTable {
  id: Generated<string>;
  provider_id: string | null;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  status: 'pending' | 'sent' | 'stored' | 'failed';
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  sent_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface Database {
  providers: ProvidersTable;
  users: UsersTable;
  organisations: OrganisationsTable;
  units: UnitsTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  sessions: SessionsTable;
  password_resets: PasswordResetsTable;
  recovery_codes: RecoveryCodesTable;
  sign_in_failures: SignInFailuresTable;
  audit_events: AuditEventsTable;
  mail_outbox: MailOutboxTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Membership = Selectable<MembershipsTable>;
