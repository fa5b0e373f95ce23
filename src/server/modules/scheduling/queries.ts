import type { ExpressionBuilder, Selectable } from 'kysely';
import { maxMeetingMs } from '../../../shared/scheduling.js';
import type { Repository } from '../../kernel/access/repository.js';
import type { Database, ProvidersTable } from '../../kernel/db/schema.js';
import { notFound } from '../../kernel/errors.js';
import type { WeeklyHoursEntry } from './logic/index.js';

// Repository queries of the scheduling module. Every query starts from `repo.select(table)`, so
// the provider and the caller's row scope are added before anything here is; joins from a scoped
// row reach only what belongs to it. No meeting is longer than `maxMeetingMs` (the contract
// validates every write), so a calendar range scan starts that far before `from`.

/** Provider settings: the providers table is the kernel's, read for the caller's own provider (`repo.provider()`). */
export type ProviderSettings = Selectable<ProvidersTable>;

/** Invited participants of a meeting (aggregate only: the caller already reaches the meeting row). */
const participantCount = (eb: ExpressionBuilder<Database, 'meetings'>) =>
  eb
    .selectFrom('meeting_attendance')
    .select((c) => c.fn.countAll<number>().as('n'))
    .whereRef('meeting_attendance.meeting_id', '=', 'meetings.id')
    .as('participant_count');

const itemColumns = [
  'meetings.id',
  'meetings.process_id',
  'processes.title as process_title',
  'organisations.name as organisation_name',
  'meetings.starts_at',
  'meetings.ends_at',
  'meetings.time_zone',
  'meetings.place',
  'meetings.location',
  'meetings.video_link',
  'meetings.status',
] as const;

/**
 * A practitioner's calendar: ONE range scan on meeting_practitioners (provider_id, user_id,
 * starts_at). The lower bound on starts_at (not only ends_at > from) is what keeps the scan to the
 * week asked for instead of every session since the first.
 */
export function practitionerCalendarQuery(repo: Repository, userId: string, from: Date, to: Date) {
  return repo
    .select('meeting_practitioners')
    .innerJoin('meetings', 'meetings.id', 'meeting_practitioners.meeting_id')
    .innerJoin('processes', 'processes.id', 'meetings.process_id')
    .innerJoin('organisations', 'organisations.id', 'meetings.organisation_id')
    .where('meeting_practitioners.user_id', '=', userId)
    .where('meeting_practitioners.starts_at', '>=', new Date(from.getTime() - maxMeetingMs))
    .where('meeting_practitioners.starts_at', '<', to)
    .where('meeting_practitioners.ends_at', '>', from)
    .select([...itemColumns, participantCount, 'meetings.sequence', 'meetings.created_at', 'meetings.cancelled_at'])
    .orderBy('meeting_practitioners.starts_at');
}

/** A participant's own meetings: those they are invited to (through the person records that are theirs). */
export function participantCalendarQuery(repo: Repository, userId: string, from: Date, to: Date) {
  return repo
    .select('meeting_attendance')
    .innerJoin('people', 'people.id', 'meeting_attendance.person_id')
    .innerJoin('meetings', 'meetings.id', 'meeting_attendance.meeting_id')
    .innerJoin('processes', 'processes.id', 'meetings.process_id')
    .innerJoin('organisations', 'organisations.id', 'meetings.organisation_id')
    .where('people.user_id', '=', userId)
    .where('meetings.starts_at', '>=', new Date(from.getTime() - maxMeetingMs))
    .where('meetings.starts_at', '<', to)
    .where('meetings.ends_at', '>', from)
    .select([...itemColumns, participantCount])
    .orderBy('meetings.starts_at');
}

/** A client contact's organisations' meetings: the policy scopes meetings to their organisations. */
export function organisationCalendarQuery(repo: Repository, from: Date, to: Date) {
  return repo
    .select('meetings')
    .innerJoin('processes', 'processes.id', 'meetings.process_id')
    .innerJoin('organisations', 'organisations.id', 'meetings.organisation_id')
    .where('meetings.starts_at', '>=', new Date(from.getTime() - maxMeetingMs))
    .where('meetings.starts_at', '<', to)
    .where('meetings.ends_at', '>', from)
    .select([...itemColumns, participantCount])
    .orderBy('meetings.starts_at');
}

export type CalendarRow = Awaited<ReturnType<ReturnType<typeof organisationCalendarQuery>['execute']>>[number];

/** One meeting as the caller may see it, with what the detail and the mails need. */
export function meetingRow(repo: Repository, meetingId: string) {
  return repo
    .select('meetings')
    .innerJoin('processes', 'processes.id', 'meetings.process_id')
    .innerJoin('organisations', 'organisations.id', 'meetings.organisation_id')
    .where('meetings.id', '=', meetingId)
    .select([
      ...itemColumns,
      participantCount,
      'meetings.organisation_id',
      'meetings.cancel_reason',
      'meetings.late_cancellation',
      'meetings.sequence',
      'meetings.created_by',
      'processes.kind as process_kind',
      'processes.cadence as process_cadence',
      'processes.language as process_language',
    ])
    .executeTakeFirst();
}
export type MeetingRow = NonNullable<Awaited<ReturnType<typeof meetingRow>>>;

export async function requireMeeting(repo: Repository, meetingId: string): Promise<MeetingRow> {
  const row = await meetingRow(repo, meetingId);
  if (!row) throw notFound('No such meeting');
  return row;
}

export function processRow(repo: Repository, processId: string) {
  return repo
    .select('processes')
    .where('processes.id', '=', processId)
    .select([
      'processes.id',
      'processes.organisation_id',
      'processes.kind',
      'processes.title',
      'processes.status',
      'processes.cadence',
      'processes.session_minutes',
      'processes.place',
      'processes.location',
      'processes.video_link',
      'processes.price_cents',
      'processes.currency',
      'processes.language',
    ])
    .executeTakeFirst();
}

export interface PractitionerRecipient {
  userId: string;
  name: string;
  email: string;
  locale: string | null;
}

export interface ParticipantRecipient {
  attendanceId: string;
  personId: string;
  userId: string | null;
  name: string;
  email: string | null;
  locale: string | null;
  status: 'invited' | 'present' | 'absent' | 'cancelled';
}

/** The practitioners booked for a meeting. */
export async function meetingPractitioners(repo: Repository, meetingId: string): Promise<PractitionerRecipient[]> {
  const rows = await repo
    .select('meeting_practitioners')
    .innerJoin('users', 'users.id', 'meeting_practitioners.user_id')
    .where('meeting_practitioners.meeting_id', '=', meetingId)
    .select(['meeting_practitioners.id as row_id', 'users.id', 'users.name', 'users.email', 'users.locale'])
    .orderBy('users.name')
    .execute();
  return rows.map((r) => ({ userId: r.id, name: r.name, email: r.email, locale: r.locale }));
}

/**
 * The participants of a meeting the caller may see: all of them for staff, only their own record
 * for a participant, nobody for a client contact (who never sees attendance).
 */
export async function meetingParticipants(repo: Repository, meetingId: string): Promise<ParticipantRecipient[]> {
  if (!repo.can('meeting_attendance', 'read')) return [];
  const rows = await repo
    .select('meeting_attendance')
    .innerJoin('people', 'people.id', 'meeting_attendance.person_id')
    .leftJoin('users', 'users.id', 'people.user_id')
    .where('meeting_attendance.meeting_id', '=', meetingId)
    .select([
      'meeting_attendance.id as attendance_id',
      'meeting_attendance.status',
      'people.id as person_id',
      'people.user_id',
      'people.name',
      'people.email',
      'people.locale',
      'users.locale as user_locale',
    ])
    .orderBy('people.name')
    .execute();
  return rows.map((r) => ({
    attendanceId: r.attendance_id,
    personId: r.person_id,
    userId: r.user_id,
    name: r.name,
    email: r.email,
    locale: r.locale ?? r.user_locale,
    status: r.status,
  }));
}

/** Is the caller a practitioner of this process (not merely someone who can see it)? */
export async function isPractitionerOf(repo: Repository, processId: string): Promise<boolean> {
  if (!repo.caller.userId || !repo.can('process_practitioners', 'read')) return false;
  if (!repo.caller.grants.some((g) => g.role === 'practitioner')) return false;
  const row = await repo
    .select('process_practitioners')
    .where('process_practitioners.process_id', '=', processId)
    .where('process_practitioners.user_id', '=', repo.caller.userId)
    .select('process_practitioners.id')
    .executeTakeFirst();
  return !!row;
}

/** The process's practitioners, to book them for a new meeting. */
export async function processPractitioners(repo: Repository, processId: string) {
  return repo
    .select('process_practitioners')
    .where('process_practitioners.process_id', '=', processId)
    .select('process_practitioners.user_id')
    .execute();
}

/** The process's participants, to invite them to a new meeting. */
export async function processParticipants(repo: Repository, processId: string) {
  return repo
    .select('process_participants')
    .where('process_participants.process_id', '=', processId)
    .select('process_participants.person_id')
    .execute();
}

/** The zone a practitioner plans in: their weekly hours' zone, else their profile's, else the provider's. */
export async function planningZone(repo: Repository, userId: string, settings: ProviderSettings): Promise<string> {
  const hours = await repo
    .select('availability')
    .where('availability.user_id', '=', userId)
    .select('availability.time_zone')
    .executeTakeFirst();
  if (hours) return hours.time_zone;
  const profile = await repo
    .select('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .where('memberships.user_id', '=', userId)
    .select('users.time_zone')
    .executeTakeFirst();
  return profile?.time_zone ?? settings.time_zone;
}

const hhmm = (time: string) => (time.startsWith('24') ? '24:00' : time.slice(0, 5));

/**
 * A practitioner's weekly hours with the zone they are written in, in ONE query (the calendar
 * shades them); null when they have set none.
 */
export async function weeklyHoursWithZone(
  repo: Repository,
  userId: string,
): Promise<{ timeZone: string; weekly: WeeklyHoursEntry[] } | null> {
  const rows = await repo
    .select('availability')
    .where('availability.user_id', '=', userId)
    .select(['availability.weekday', 'availability.start_time', 'availability.end_time', 'availability.time_zone'])
    .orderBy('availability.weekday')
    .orderBy('availability.start_time')
    .execute();
  if (rows.length === 0) return null;
  return {
    timeZone: rows[0]!.time_zone,
    weekly: rows.map((r) => ({ weekday: r.weekday as WeeklyHoursEntry['weekday'], start: hhmm(r.start_time), end: hhmm(r.end_time) })),
  };
}

/** A practitioner's own absences that overlap [from, to) (the absences_user index: provider, user, starts_at). */
export function absencesOverlapping(repo: Repository, userId: string, from: Date, to: Date) {
  return repo
    .select('absences')
    .where('absences.user_id', '=', userId)
    .where('absences.starts_at', '<', to)
    .where('absences.ends_at', '>', from)
    .select(['absences.id', 'absences.starts_at', 'absences.ends_at', 'absences.note'])
    .orderBy('absences.starts_at')
    .limit(500)
    .execute();
}

export async function weeklyHours(repo: Repository, userId: string): Promise<WeeklyHoursEntry[]> {
  const rows = await repo
    .select('availability')
    .where('availability.user_id', '=', userId)
    .select(['availability.weekday', 'availability.start_time', 'availability.end_time'])
    .orderBy('availability.weekday')
    .orderBy('availability.start_time')
    .execute();
  return rows.map((r) => ({ weekday: r.weekday as WeeklyHoursEntry['weekday'], start: hhmm(r.start_time), end: hhmm(r.end_time) }));
}
