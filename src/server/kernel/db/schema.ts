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
  first_contact_target_minutes: Generated<number>;
  late_cancellation_hours: Generated<number>;
  late_cancellation_charge_percent: Generated<number>;
  participant_cancellation_hours: Generated<number>;
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

export type ServiceKind = 'individual' | 'group' | 'work_community' | 'leader' | 'crisis_individual' | 'crisis_group';
export type Cadence = 'crisis' | 'weekly' | 'biweekly' | 'monthly';
export type Place = 'on_site' | 'office' | 'video';
export type ProcessStatus = 'proposed' | 'agreed' | 'active' | 'paused' | 'completed' | 'cancelled';
export type DateColumn = ColumnType<string, string, string>;

export interface PeopleTable {
  id: Generated<string>;
  provider_id: string;
  organisation_id: string;
  unit_id: string | null;
  user_id: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  locale: string | null;
  created_at: CreatedAt;
}

export interface ServicesTable {
  id: Generated<string>;
  provider_id: string;
  kind: ServiceKind;
  name: string;
  default_minutes: number;
  default_cadence: Cadence;
  default_place: Place;
  price_cents: number;
  currency: Generated<string>;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface ProcessesTable {
  id: Generated<string>;
  provider_id: string;
  organisation_id: string;
  service_id: string;
  kind: ServiceKind;
  title: string;
  status: Generated<ProcessStatus>;
  agreed_sessions: number | null;
  cadence: Cadence;
  session_minutes: number;
  place: Place;
  location: string | null;
  video_link: string | null;
  price_cents: number;
  currency: Generated<string>;
  language: Generated<string>;
  start_date: DateColumn | null;
  review_date: DateColumn | null;
  crisis_event_at: Timestamp | null;
  continued_from_id: string | null;
  request_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ProcessPractitionersTable {
  id: Generated<string>;
  provider_id: string;
  process_id: string;
  user_id: string;
  created_at: CreatedAt;
}

export interface ProcessParticipantsTable {
  id: Generated<string>;
  provider_id: string;
  process_id: string;
  person_id: string;
  created_at: CreatedAt;
}

export interface ProcessStatusChangesTable {
  id: Generated<string>;
  provider_id: string;
  process_id: string;
  from_status: ProcessStatus | null;
  to_status: ProcessStatus;
  reason: string | null;
  changed_by: string | null;
  at: CreatedAt;
}

export interface GoalsTable {
  id: Generated<string>;
  provider_id: string;
  process_id: string;
  title: string;
  position: Generated<number>;
  closed_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface WhatWorksTable {
  id: Generated<string>;
  provider_id: string;
  process_id: string;
  meeting_id: string | null;
  text: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export type EventType =
  | 'accident'
  | 'violence_or_threat'
  | 'death'
  | 'organisational_change'
  | 'community_crisis'
  | 'reputational_crisis'
  | 'other';

export interface RequestsTable {
  id: Generated<string>;
  provider_id: string;
  source: 'public' | 'portal';
  kind: 'crisis' | 'service';
  service_kind: ServiceKind | null;
  organisation_name: string;
  organisation_id: string | null;
  contact_name: string;
  contact_phone: string | null;
  contact_email: string;
  event_type: EventType | null;
  event_at: Timestamp | null;
  affected_count: number | null;
  location: string | null;
  preferred_locale: Generated<string>;
  /** Legacy plain message, emptied at start (kernel/db/seal-legacy.ts); new messages go to message_sealed. */
  message: ColumnType<string | null, string | null | undefined, string | null>;
  message_sealed: ColumnType<string | null, string | null | undefined, string | null>;
  consent_at: Timestamp;
  privacy_notice_version: string;
  status: Generated<'new' | 'contacted' | 'triaged' | 'declined'>;
  first_contact_at: Timestamp | null;
  first_contact_by: string | null;
  first_contact_note: string | null;
  triaged_at: Timestamp | null;
  triaged_by: string | null;
  process_id: string | null;
  decline_reason: string | null;
  submitted_by: string | null;
  created_at: CreatedAt;
}

export interface AvailabilityTable {
  id: Generated<string>;
  provider_id: string;
  user_id: string;
  weekday: number;
  start_time: string;
  end_time: string;
  time_zone: string;
}

export interface AbsencesTable {
  id: Generated<string>;
  provider_id: string;
  user_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  note: string | null;
}

export interface MeetingsTable {
  id: Generated<string>;
  provider_id: string;
  process_id: string;
  organisation_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  time_zone: string;
  place: Place;
  location: string | null;
  video_link: string | null;
  status: Generated<'planned' | 'held' | 'cancelled'>;
  cancelled_at: Timestamp | null;
  cancel_reason: string | null;
  cancelled_by_role: 'provider' | 'client' | 'participant' | null;
  late_cancellation: Generated<boolean>;
  price_cents: number;
  currency: Generated<string>;
  sequence: Generated<number>;
  reminder_sent_at: Timestamp | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface MeetingPractitionersTable {
  id: Generated<string>;
  provider_id: string;
  meeting_id: string;
  process_id: string;
  user_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
}

export interface MeetingAttendanceTable {
  id: Generated<string>;
  provider_id: string;
  meeting_id: string;
  process_id: string;
  person_id: string;
  status: Generated<'invited' | 'present' | 'absent' | 'cancelled'>;
}

export interface MeetingNotesTable {
  id: Generated<string>;
  provider_id: string;
  meeting_id: string;
  process_id: string;
  author_user_id: string;
  ciphertext: string;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface MeetingSummariesTable {
  id: Generated<string>;
  provider_id: string;
  meeting_id: string;
  process_id: string;
  text: string;
  author_user_id: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ScalingScoresTable {
  id: Generated<string>;
  provider_id: string;
  meeting_id: string;
  process_id: string;
  goal_id: string;
  person_id: string | null;
  value: number;
  recorded_by: string | null;
  created_at: CreatedAt;
}

export interface CalendarFeedsTable {
  id: Generated<string>;
  provider_id: string;
  user_id: string;
  token_hash: string;
  created_at: CreatedAt;
  revoked_at: Timestamp | null;
}

export interface MeasureSettingsTable {
  id: Generated<string>;
  provider_id: string;
  pcptsd5_cutoff: Generated<number>;
  tsq_licence_confirmed_at: Timestamp | null;
  tsq_licence_confirmed_by: string | null;
  escalation_minutes: Generated<number>;
  link_valid_days: Generated<number>;
  reminder_after_hours: Generated<number>;
  /** Locale → the provider's own text on where to get help. */
  guidance: ColumnType<Record<string, string> | null, string | null | undefined, string | null>;
  sick_day_cost_cents: number | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface CustomInstrumentsTable {
  id: Generated<string>;
  provider_id: string;
  key: string;
  version: number;
  definition: ColumnType<unknown, string, string>;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: CreatedAt;
}

export type CheckinTrigger = 'before_first' | 'each_meeting' | 'every_nth' | 'offset_days' | 'at_end';

export interface CheckinPlansTable {
  id: Generated<string>;
  provider_id: string;
  process_id: string;
  instrument_key: string;
  trigger: CheckinTrigger;
  every_n: number | null;
  offset_days: number | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface CheckinsTable {
  id: Generated<string>;
  provider_id: string;
  process_id: string;
  organisation_id: string;
  person_id: string;
  plan_id: string | null;
  anchor: string | null;
  instrument_key: string;
  instrument_version: number;
  locale: 'fi' | 'sv' | 'nb' | 'en';
  status: Generated<'scheduled' | 'sent' | 'answered' | 'cancelled'>;
  due_at: Timestamp;
  sent_at: Timestamp | null;
  /** The address the link went to; the reminder goes there too, whatever people.email says later. */
  sent_to: ColumnType<string | null, string | null | undefined, string | null>;
  token_hash: string | null;
  /** The reminder's own link (a fresh token, hash only): no column holds a link that can be rebuilt. */
  reminder_token_hash: ColumnType<string | null, string | null | undefined, string | null>;
  expires_at: Timestamp | null;
  reminded_at: Timestamp | null;
  /** Legacy plain draft, emptied at start (kernel/db/seal-legacy.ts); new drafts go to draft_sealed. */
  draft: ColumnType<Record<string, number | string> | null, string | null | undefined, string | null>;
  draft_sealed: ColumnType<string | null, string | null | undefined, string | null>;
  draft_saved_at: Timestamp | null;
  answered_at: Timestamp | null;
  sent_by: string | null;
  created_at: CreatedAt;
}

export interface ResponsesTable {
  id: Generated<string>;
  provider_id: string;
  process_id: string;
  organisation_id: string;
  person_id: string;
  checkin_id: string;
  instrument_key: string;
  instrument_version: number;
  answers: ColumnType<Record<string, number>, string, string>;
  free_text_sealed: string | null;
  score: number;
  band: string;
  severity: string;
  flags: ColumnType<string[], string | undefined, string>;
  guidance: Generated<boolean>;
  submitted_at: CreatedAt;
}

export type AlertOutcome = 'referred' | 'support_offered' | 'no_action_needed' | 'could_not_reach' | 'other';

export interface MeasureAlertsTable {
  id: Generated<string>;
  provider_id: string;
  process_id: string;
  person_id: string;
  checkin_id: string;
  response_id: string;
  instrument_key: string;
  reasons: ColumnType<string[], string, string>;
  level: 'normal' | 'urgent';
  status: Generated<'open' | 'acknowledged' | 'closed'>;
  created_at: CreatedAt;
  acknowledged_at: Timestamp | null;
  acknowledged_by: string | null;
  contacted_at: Timestamp | null;
  contacted_by: string | null;
  referral_at: Timestamp | null;
  referral_by: string | null;
  referral_note_sealed: string | null;
  closed_at: Timestamp | null;
  closed_by: string | null;
  outcome: AlertOutcome | null;
  escalated_at: Timestamp | null;
}

export interface Database {
  measure_settings: MeasureSettingsTable;
  custom_instruments: CustomInstrumentsTable;
  checkin_plans: CheckinPlansTable;
  checkins: CheckinsTable;
  responses: ResponsesTable;
  measure_alerts: MeasureAlertsTable;
  people: PeopleTable;
  services: ServicesTable;
  processes: ProcessesTable;
  process_practitioners: ProcessPractitionersTable;
  process_participants: ProcessParticipantsTable;
  process_status_changes: ProcessStatusChangesTable;
  goals: GoalsTable;
  what_works: WhatWorksTable;
  requests: RequestsTable;
  availability: AvailabilityTable;
  absences: AbsencesTable;
  meetings: MeetingsTable;
  meeting_practitioners: MeetingPractitionersTable;
  meeting_attendance: MeetingAttendanceTable;
  meeting_notes: MeetingNotesTable;
  meeting_summaries: MeetingSummariesTable;
  scaling_scores: ScalingScoresTable;
  calendar_feeds: CalendarFeedsTable;
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
