import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Role } from '../roles.js';

/** Column helpers for every table type, the modules' included. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
export type DateColumn = ColumnType<string, string, string>;

export interface ProvidersTable {
  id: Generated<string>;
  name: string;
  slug: string;
  country: 'FI' | 'SE' | 'NO';
  default_locale: string;
  time_zone: string;
  first_contact_target_minutes: Generated<number>;
  late_cancellation_hours: Generated<number>;
  late_cancellation_charge_percent: Generated<number>;
  participant_cancellation_hours: Generated<number>;
  /** Y-tunnus, organisationsnummer or organisasjonsnummer, in the country's canonical form. */
  business_id: ColumnType<string | null, string | null | undefined, string | null>;
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
  on_call: Generated<boolean>;
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

/** One row per sign-in subject (keyed hash of the address, or of `mfa:<user id>`). */
export interface SignInThrottleTable {
  subject_hash: string;
  failures: number;
  last_attempt_at: Timestamp;
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
  /** Set by the chaining trigger (migration 0008), never by the application. */
  chain_seq: ColumnType<number, never, never>;
  prev_hash: ColumnType<string, never, never>;
  hash: ColumnType<string, never, never>;
}

/** The last event of each audit chain (a provider id, or `platform`); written only by the trigger. */
export interface AuditChainHeadsTable {
  id: ColumnType<string, never, never>;
  seq: ColumnType<number, never, never>;
  hash: ColumnType<string, never, never>;
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  /** Text content (calendar files); binary attachments are not needed yet. */
  content: string;
}

export interface MailOutboxTable {
  id: Generated<string>;
  provider_id: string | null;
  to_address: string;
  subject: string;
  /** Emptied (with html_body and attachments) once sent or given up: the body held live links. */
  text_body: string | null;
  html_body: string | null;
  attachments: ColumnType<MailAttachment[] | null, string | null | undefined, string | null>;
  status: 'pending' | 'sent' | 'stored' | 'failed';
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  sent_at: Timestamp | null;
  /** A delivery's lease: the rows are its to send until then; an expired lease is claimed again. */
  claimed_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
  claimed_by: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
}

/**
 * The kernel's tables. Each module adds its own from its folder (modules/<name>/tables.ts) by
 * declaration merging, so this file names no module's table; the run-time declarations of all of
 * them (kernel/manifest.ts, the manifests) are checked against the migrated database.
 */
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
  sign_in_throttle: SignInThrottleTable;
  audit_events: AuditEventsTable;
  audit_chain_heads: AuditChainHeadsTable;
  mail_outbox: MailOutboxTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Membership = Selectable<MembershipsTable>;

// Compatibility: module code that imported its row types from here before the tables moved to the
// module folders. New code imports them from the owning module's tables.ts.
export type { EventType, RequestsTable } from '../../modules/intake/tables.js';
export type {
  AlertOutcome,
  CheckinsTable,
  CheckinTrigger,
  MeasureSettingsTable,
} from '../../modules/measures/tables.js';
export type { Cadence, Place, ProcessesTable, ProcessStatus, ServiceKind } from '../../modules/processes/tables.js';
export type { MeetingNotesTable, MeetingSummariesTable } from '../../modules/scheduling/tables.js';
