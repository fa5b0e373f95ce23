import { randomUUID } from 'node:crypto';
import type { Updateable } from 'kysely';
import { hasRole } from '../../kernel/access/caller.js';
import { visibleParts } from '../../kernel/access/policy.js';
import type { Repository } from '../../kernel/access/repository.js';
import type { MeetingNotesTable, MeetingSummariesTable, Place, ServiceKind } from '../../kernel/db/schema.js';
import { badRequest, notFound, unprocessable } from '../../kernel/errors.js';
import type { Kernel } from '../../kernel/http/types.js';
import { type CadenceKind, planCadence, type WeeklyHoursEntry } from './logic/index.js';
import { type Audience, type MeetingForMail, sendMeetingMails, sendWithdrawalMails } from './notify.js';
import {
  isPractitionerOf,
  type MeetingRow,
  meetingParticipants,
  meetingPractitioners,
  organisationCalendarQuery,
  type ParticipantRecipient,
  type ProviderSettings,
  participantCalendarQuery,
  practitionerCalendarQuery,
  processParticipants,
  processPractitioners,
  processRow,
  requireMeeting,
} from './queries.js';

// Composition of the scheduling module: every function works through the caller's repository
// (scoped, field-checked and audited there), writes in one transaction together with the mail
// it sends, and answers with what the route returns.

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export type AttendanceStatus = 'invited' | 'present' | 'absent' | 'cancelled';
type MeetingStatus = 'planned' | 'held' | 'cancelled';

export interface CalendarItem {
  id: string;
  processId: string;
  processTitle: string;
  organisationName: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  place: Place;
  location: string | null;
  videoLink: string | null;
  status: MeetingStatus;
  participantCount: number;
}

export interface MeetingOut extends CalendarItem {
  attendance?: { personId: string; name: string; status: AttendanceStatus }[];
  summary?: string | null;
  hasMyNote?: boolean;
  scaling?: { goalId: string; personId: string | null; value: number }[];
  cancelReason: string | null;
  lateCancellation: boolean;
  canCancel: boolean;
}

export interface Interval {
  startsAt: Date;
  endsAt: Date;
}

const iso = (d: Date | string) => new Date(d).toISOString();
const field = (path: string, message: string) => [{ path, message }];

/** Kysely types `Generated<Timestamp>` columns awkwardly for updates; a Date is what they take. */
const stamp = <T>(at: Date) => at as unknown as T;

/** Group kinds: a participant who cancels withdraws from the meeting instead of cancelling it for everyone. */
const groupKinds: ReadonlySet<ServiceKind> = new Set(['group', 'work_community', 'crisis_group']);
const isCrisis = (p: { kind: ServiceKind; cadence: string }) => p.kind.startsWith('crisis') || p.cadence === 'crisis';
const isClosed = (status: string) => status === 'completed' || status === 'cancelled';

function userIdOf(repo: Repository): string {
  if (!repo.caller.userId) throw notFound();
  return repo.caller.userId;
}

function provider(repo: Repository): Promise<ProviderSettings> {
  return repo.provider();
}

function toItem(row: {
  id: string;
  process_id: string;
  process_title: string;
  organisation_name: string;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  place: Place;
  location: string | null;
  video_link: string | null;
  status: MeetingStatus;
  participant_count: number | string | null;
}): CalendarItem {
  return {
    id: row.id,
    processId: row.process_id,
    processTitle: row.process_title,
    organisationName: row.organisation_name,
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    timeZone: row.time_zone,
    place: row.place,
    location: row.location,
    videoLink: row.video_link,
    status: row.status,
    participantCount: Number(row.participant_count),
  };
}

function forMail(row: MeetingRow, overrides: Partial<MeetingForMail> = {}): MeetingForMail {
  return {
    id: row.id,
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
    timeZone: row.time_zone,
    place: row.place,
    location: row.location,
    videoLink: row.video_link,
    sequence: row.sequence,
    title: row.process_title,
    organisationName: row.organisation_name,
    createdBy: row.created_by,
    processLanguage: row.process_language,
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------
// Availability and absences

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

async function weeklyHours(repo: Repository, userId: string): Promise<WeeklyHoursEntry[]> {
  const rows = await repo
    .select('availability')
    .where('availability.user_id', '=', userId)
    .select(['availability.weekday', 'availability.start_time', 'availability.end_time'])
    .orderBy('availability.weekday')
    .orderBy('availability.start_time')
    .execute();
  return rows.map((r) => ({ weekday: r.weekday as WeeklyHoursEntry['weekday'], start: hhmm(r.start_time), end: hhmm(r.end_time) }));
}

export async function getAvailability(kernel: Kernel, repo: Repository) {
  const userId = userIdOf(repo);
  const settings = await provider(repo);
  const [timeZone, weekly, absences] = await Promise.all([
    planningZone(repo, userId, settings),
    weeklyHours(repo, userId),
    repo
      .select('absences')
      .where('absences.user_id', '=', userId)
      .where('absences.ends_at', '>', kernel.clock.now())
      .select(['absences.id', 'absences.starts_at', 'absences.ends_at', 'absences.note'])
      .orderBy('absences.starts_at')
      .limit(500)
      .execute(),
  ]);
  return {
    timeZone,
    weekly,
    absences: absences.map((a) => ({ id: a.id, startsAt: iso(a.starts_at), endsAt: iso(a.ends_at), note: a.note })),
  };
}

/** Replaces the caller's weekly hours (and their zone) as a whole. */
export async function putAvailability(
  kernel: Kernel,
  repo: Repository,
  body: { timeZone: string; weekly: { weekday: number; start: string; end: string }[] },
) {
  const userId = userIdOf(repo);
  await repo.transaction(async (tx) => {
    const old = await tx.select('availability').where('availability.user_id', '=', userId).select('availability.id').execute();
    for (const row of old) await tx.delete('availability', row.id);
    for (const w of body.weekly) {
      await tx.insert('availability', {
        user_id: userId,
        weekday: w.weekday,
        start_time: w.start,
        end_time: w.end,
        time_zone: body.timeZone,
      });
    }
  });
  return getAvailability(kernel, repo);
}

export async function addAbsence(repo: Repository, body: { startsAt: Date; endsAt: Date; note?: string | null | undefined }) {
  const row = await repo.insert('absences', {
    user_id: userIdOf(repo),
    starts_at: body.startsAt,
    ends_at: body.endsAt,
    note: body.note ?? null,
  });
  return { id: row.id, startsAt: iso(row.starts_at), endsAt: iso(row.ends_at), note: row.note };
}

export async function removeAbsence(repo: Repository, id: string): Promise<void> {
  await repo.delete('absences', id);
}

// ---------------------------------------------------------------------------------------------
// The planner

export async function planMeetings(
  kernel: Kernel,
  repo: Repository,
  processId: string,
  body: { count?: number | undefined; startFrom?: string | undefined },
) {
  const userId = userIdOf(repo);
  const process = await processRow(repo, processId);
  if (!process) throw notFound('No such process');
  if (isClosed(process.status)) throw unprocessable('process_closed', 'The process is closed; nothing can be planned for it');
  const settings = await provider(repo);
  const now = kernel.clock.now();
  const count = body.count ?? 6;
  const timeZone = await planningZone(repo, userId, settings);
  // Everything the planner could look at: from now (or the start day) over `count` long gaps and
  // the planner's own horizon for a displaced meeting.
  const startMs = Math.max(now.getTime(), body.startFrom ? Date.parse(`${body.startFrom}T00:00:00Z`) - DAY : 0);
  const windowFrom = new Date(Math.min(now.getTime(), startMs));
  const windowTo = new Date(startMs + (count * 35 + 130) * DAY);
  const [weekly, absences, bookings] = await Promise.all([
    weeklyHours(repo, userId),
    repo
      .select('absences')
      .where('absences.user_id', '=', userId)
      .where('absences.starts_at', '<', windowTo)
      .where('absences.ends_at', '>', windowFrom)
      .select(['absences.starts_at', 'absences.ends_at'])
      .execute(),
    practitionerCalendarQuery(repo, userId, windowFrom, windowTo).execute(),
  ]);
  const kind: CadenceKind = isCrisis(process) ? 'crisis' : (process.cadence as CadenceKind);
  let proposals: ReturnType<typeof planCadence>;
  try {
    proposals = planCadence({
      kind,
      now: now.toISOString(),
      timeZone,
      country: settings.country,
      weekly,
      absences: absences.map((a) => ({ startsAt: iso(a.starts_at), endsAt: iso(a.ends_at) })),
      busy: bookings.filter((b) => b.status !== 'cancelled').map((b) => ({ startsAt: iso(b.starts_at), endsAt: iso(b.ends_at) })),
      durationMinutes: process.session_minutes,
      count,
      ...(body.startFrom ? { startFrom: body.startFrom } : {}),
    });
  } catch (err) {
    if (err instanceof RangeError) throw badRequest(err.message, field(/startFrom/.test(err.message) ? 'startFrom' : 'count', err.message));
    throw err;
  }
  return {
    timeZone,
    proposals: proposals.map((p) => ({
      startsAt: p.startsAt,
      endsAt: p.endsAt,
      reason: p.reason,
      target: p.target,
      ...(p.shiftedBecause ? { shiftedBecause: p.shiftedBecause } : {}),
      ...(p.late ? { late: true } : {}),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Meetings

export async function createMeetings(
  kernel: Kernel,
  repo: Repository,
  processId: string,
  body: { meetings: Interval[]; place?: Place | undefined; location?: string | null | undefined; videoLink?: string | null | undefined },
): Promise<MeetingOut[]> {
  const userId = userIdOf(repo);
  const now = kernel.clock.now();
  return repo.transaction(async (tx) => {
    const process = await processRow(tx, processId);
    if (!process) throw notFound('No such process');
    if (isClosed(process.status)) throw unprocessable('process_closed', 'The process is closed; no meetings can be booked for it');
    const settings = await provider(tx);
    const timeZone = await planningZone(tx, userId, settings);
    const [practitioners, participants] = await Promise.all([processPractitioners(tx, processId), processParticipants(tx, processId)]);
    const place = body.place ?? process.place;
    const ids: string[] = [];
    for (const slot of [...body.meetings].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())) {
      const meeting = await tx.insert('meetings', {
        process_id: process.id,
        organisation_id: process.organisation_id,
        starts_at: slot.startsAt,
        ends_at: slot.endsAt,
        time_zone: timeZone,
        place,
        location: body.location !== undefined ? body.location : process.location,
        video_link: body.videoLink !== undefined ? body.videoLink : process.video_link,
        cancelled_at: null,
        cancel_reason: null,
        cancelled_by_role: null,
        // The price agreed when booked: later price changes never reach booked meetings.
        price_cents: process.price_cents,
        currency: process.currency,
        reminder_sent_at: null,
        created_by: userId,
      });
      for (const p of practitioners) {
        await tx.insert('meeting_practitioners', {
          meeting_id: meeting.id,
          process_id: process.id,
          user_id: p.user_id,
          starts_at: slot.startsAt,
          ends_at: slot.endsAt,
        });
      }
      for (const p of participants) {
        await tx.insert('meeting_attendance', { meeting_id: meeting.id, process_id: process.id, person_id: p.person_id });
      }
      const row = await requireMeeting(tx, meeting.id);
      const audience: Audience = {
        practitioners: await meetingPractitioners(tx, meeting.id),
        participants: await meetingParticipants(tx, meeting.id),
      };
      await sendMeetingMails(tx, {
        kind: 'invitation',
        meeting: forMail(row),
        audience,
        provider: settings,
        mailFrom: kernel.config.mailFrom,
        now,
      });
      ids.push(meeting.id);
    }
    const out: MeetingOut[] = [];
    for (const id of ids) out.push(await meetingDetail(kernel, tx, id));
    return out;
  });
}

export async function calendar(repo: Repository, from: Date, to: Date): Promise<CalendarItem[]> {
  const userId = userIdOf(repo);
  const caller = repo.caller;
  const byId = new Map<string, CalendarItem>();
  if (hasRole(caller, 'practitioner')) {
    for (const r of await practitionerCalendarQuery(repo, userId, from, to).execute()) byId.set(r.id, toItem(r));
  }
  if (hasRole(caller, 'participant')) {
    for (const r of await participantCalendarQuery(repo, userId, from, to).execute()) byId.set(r.id, toItem(r));
  }
  if (hasRole(caller, 'client_contact')) {
    // Meetings are scoped to the contact's organisations by the policy.
    for (const r of await organisationCalendarQuery(repo, from, to).execute()) byId.set(r.id, toItem(r));
  }
  return [...byId.values()].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
}

async function ownAttendance(repo: Repository, meetingId: string): Promise<ParticipantRecipient[]> {
  const userId = repo.caller.userId;
  if (!userId || !hasRole(repo.caller, 'participant')) return [];
  return (await meetingParticipants(repo, meetingId)).filter((p) => p.userId === userId);
}

async function canCancel(repo: Repository, row: MeetingRow, settings: ProviderSettings, now: Date): Promise<boolean> {
  if (row.status !== 'planned') return false;
  if (await isPractitionerOf(repo, row.process_id)) return true;
  const mine = (await ownAttendance(repo, row.id)).filter((p) => p.status !== 'cancelled');
  return mine.length > 0 && now.getTime() <= new Date(row.starts_at).getTime() - settings.participant_cancellation_hours * HOUR;
}

/**
 * A meeting as this caller may see it: which parts it has is the policy's (`viewParts.meetingDetail`),
 * which columns of the meeting the read mask's (a client contact reads no cancellation reason).
 */
export async function meetingDetail(kernel: Kernel, repo: Repository, meetingId: string): Promise<MeetingOut> {
  const row = await requireMeeting(repo, meetingId);
  const parts = visibleParts(repo.caller, 'meetingDetail');
  const settings = await provider(repo);
  const out: MeetingOut = {
    ...toItem(row),
    cancelReason: row.cancel_reason,
    lateCancellation: row.late_cancellation,
    canCancel: await canCancel(repo, row, settings, kernel.clock.now()),
  };
  if (parts.has('attendance') && repo.can('meeting_attendance', 'read')) {
    const people = await meetingParticipants(repo, meetingId);
    // An invitation to a meeting that no longer takes place is cancelled, whoever cancelled it.
    out.attendance = people.map((p) => ({
      personId: p.personId,
      name: p.name,
      status: row.status === 'cancelled' && p.status === 'invited' ? 'cancelled' : p.status,
    }));
  }
  if (parts.has('summary') && repo.can('meeting_summaries', 'read')) {
    const summary = await repo
      .select('meeting_summaries')
      .where('meeting_summaries.meeting_id', '=', meetingId)
      .select('meeting_summaries.text')
      .executeTakeFirst();
    out.summary = summary?.text ?? null;
  }
  if (parts.has('myNote') && repo.can('meeting_notes', 'read')) {
    // The policy reaches only notes the caller wrote.
    const note = await repo
      .select('meeting_notes')
      .where('meeting_notes.meeting_id', '=', meetingId)
      .select('meeting_notes.id')
      .executeTakeFirst();
    out.hasMyNote = !!note;
  }
  if (parts.has('scaling') && repo.can('scaling_scores', 'read')) {
    const scores = await repo
      .select('scaling_scores')
      .where('scaling_scores.meeting_id', '=', meetingId)
      .select(['scaling_scores.goal_id', 'scaling_scores.person_id', 'scaling_scores.value'])
      .orderBy('scaling_scores.created_at')
      .execute();
    out.scaling = scores.map((s) => ({ goalId: s.goal_id, personId: s.person_id, value: s.value }));
  }
  return out;
}

function requirePlanned(row: MeetingRow): void {
  if (row.status !== 'planned')
    throw unprocessable('meeting_not_planned', `The meeting is ${row.status}; only a planned meeting can be changed`);
}

export async function rescheduleMeeting(
  kernel: Kernel,
  repo: Repository,
  meetingId: string,
  body: Interval & { reason: string },
): Promise<MeetingOut> {
  const now = kernel.clock.now();
  return repo.transaction(async (tx) => {
    const row = await requireMeeting(tx, meetingId);
    requirePlanned(row);
    const sequence = row.sequence + 1;
    await tx.update(
      'meetings',
      meetingId,
      // A moved meeting deserves its own reminder.
      { starts_at: body.startsAt, ends_at: body.endsAt, sequence, reminder_sent_at: null },
      { action: 'meeting.reschedule', details: { from: iso(row.starts_at), to: iso(body.startsAt) } },
    );
    const booked = await tx
      .select('meeting_practitioners')
      .where('meeting_practitioners.meeting_id', '=', meetingId)
      .select('meeting_practitioners.id')
      .execute();
    for (const b of booked) await tx.update('meeting_practitioners', b.id, { starts_at: body.startsAt, ends_at: body.endsAt });
    const audience: Audience = {
      practitioners: await meetingPractitioners(tx, meetingId),
      participants: (await meetingParticipants(tx, meetingId)).filter((p) => p.status !== 'cancelled'),
    };
    await sendMeetingMails(tx, {
      kind: 'update',
      meeting: forMail(row, { startsAt: body.startsAt, endsAt: body.endsAt, sequence }),
      audience,
      provider: await provider(tx),
      mailFrom: kernel.config.mailFrom,
      now,
      reason: body.reason,
      previous: { startsAt: new Date(row.starts_at), endsAt: new Date(row.ends_at) },
    });
    return meetingDetail(kernel, tx, meetingId);
  });
}

/**
 * Cancelling. A practitioner of the process cancels the meeting at any time. A participant may
 * cancel until the provider's participantCancellationHours before it: an individual meeting is
 * then cancelled; from a group meeting they withdraw (their attendance is cancelled, the group
 * still meets). Late per lateCancellationHours marks the meeting for invoicing.
 */
export async function cancelMeeting(kernel: Kernel, repo: Repository, meetingId: string, reason: string): Promise<MeetingOut> {
  const now = kernel.clock.now();
  return repo.transaction(async (tx) => {
    const row = await requireMeeting(tx, meetingId);
    requirePlanned(row);
    const settings = await provider(tx);
    const startsMs = new Date(row.starts_at).getTime();
    const late = now.getTime() >= startsMs - settings.late_cancellation_hours * HOUR;
    const practitioners = await meetingPractitioners(tx, meetingId);
    const participants = await meetingParticipants(tx, meetingId);
    const mail = { provider: settings, mailFrom: kernel.config.mailFrom, now, reason };
    const sequence = row.sequence + 1;

    if (await isPractitionerOf(tx, row.process_id)) {
      await tx.update(
        'meetings',
        meetingId,
        { status: 'cancelled', cancelled_at: now, cancel_reason: reason, cancelled_by_role: 'provider', late_cancellation: late, sequence },
        { action: 'meeting.cancel', details: { late } },
      );
      const stillInvited = participants.filter((p) => p.status !== 'cancelled');
      // A cancellation is information, not a no-show.
      for (const p of participants)
        if (p.status !== 'cancelled') await tx.update('meeting_attendance', p.attendanceId, { status: 'cancelled' });
      await sendMeetingMails(tx, {
        kind: 'cancellation',
        meeting: forMail(row, { sequence }),
        audience: { practitioners, participants: stillInvited },
        ...mail,
      });
      return meetingDetail(kernel, tx, meetingId);
    }

    const mine = participants.filter((p) => p.userId === tx.caller.userId && p.status !== 'cancelled');
    if (!hasRole(tx.caller, 'participant') || mine.length === 0) throw unprocessable('not_invited', 'You are not expected at this meeting');
    if (now.getTime() > startsMs - settings.participant_cancellation_hours * HOUR) {
      throw unprocessable(
        'too_late_to_cancel',
        `Meetings can be cancelled until ${settings.participant_cancellation_hours} hours before they begin`,
      );
    }
    if (groupKinds.has(row.process_kind)) {
      await tx.update('meetings', meetingId, { sequence }, { action: 'meeting.withdraw' });
      for (const p of mine) {
        await tx.update('meeting_attendance', p.attendanceId, { status: 'cancelled' });
        await sendWithdrawalMails(tx, { meeting: forMail(row, { sequence }), participant: p, practitioners, ...mail });
      }
      return meetingDetail(kernel, tx, meetingId);
    }
    await tx.update(
      'meetings',
      meetingId,
      {
        status: 'cancelled',
        cancelled_at: now,
        cancel_reason: reason,
        cancelled_by_role: 'participant',
        late_cancellation: late,
        sequence,
      },
      { action: 'meeting.cancel', details: { late } },
    );
    for (const p of mine) await tx.update('meeting_attendance', p.attendanceId, { status: 'cancelled' });
    await sendMeetingMails(tx, {
      kind: 'cancellation',
      meeting: forMail(row, { sequence }),
      audience: { practitioners, participants: mine },
      ...mail,
    });
    return meetingDetail(kernel, tx, meetingId);
  });
}

export async function setAttendance(
  kernel: Kernel,
  repo: Repository,
  meetingId: string,
  items: { personId: string; status: AttendanceStatus }[],
): Promise<MeetingOut> {
  return repo.transaction(async (tx) => {
    const row = await requireMeeting(tx, meetingId);
    if (row.status === 'cancelled') throw unprocessable('meeting_cancelled', 'The meeting was cancelled');
    const rows = await meetingParticipants(tx, meetingId);
    const byPerson = new Map(rows.map((r) => [r.personId, r]));
    const missing = items.findIndex((i) => !byPerson.has(i.personId));
    if (missing >= 0)
      throw unprocessable('not_invited', 'That person is not invited to this meeting', field(`items.${missing}.personId`, 'not invited'));
    for (const item of items) {
      const current = byPerson.get(item.personId)!;
      if (current.status !== item.status) await tx.update('meeting_attendance', current.attendanceId, { status: item.status });
    }
    return meetingDetail(kernel, tx, meetingId);
  });
}

export async function markHeld(kernel: Kernel, repo: Repository, meetingId: string): Promise<MeetingOut> {
  const now = kernel.clock.now();
  return repo.transaction(async (tx) => {
    const row = await requireMeeting(tx, meetingId);
    if (row.status === 'held') return meetingDetail(kernel, tx, meetingId);
    if (row.status === 'cancelled') throw unprocessable('meeting_cancelled', 'The meeting was cancelled');
    if (now.getTime() < new Date(row.starts_at).getTime()) throw unprocessable('meeting_not_started', 'The meeting has not begun yet');
    await tx.update('meetings', meetingId, { status: 'held' }, { action: 'meeting.held' });
    for (const p of await meetingParticipants(tx, meetingId)) {
      if (p.status === 'invited') await tx.update('meeting_attendance', p.attendanceId, { status: 'present' });
    }
    return meetingDetail(kernel, tx, meetingId);
  });
}

// ---------------------------------------------------------------------------------------------
// Notes, summaries, scaling

/** The caller's own private note; every read is an audit event, written before the text leaves. */
export async function readNote(kernel: Kernel, repo: Repository, meetingId: string) {
  return repo.transaction(async (tx) => {
    const note = await tx
      .select('meeting_notes')
      .where('meeting_notes.meeting_id', '=', meetingId)
      .where('meeting_notes.author_user_id', '=', userIdOf(tx))
      .select(['meeting_notes.id', 'meeting_notes.ciphertext', 'meeting_notes.updated_at'])
      .executeTakeFirst();
    if (!note) throw notFound('No note');
    await tx.audit({ action: 'note.read', entityType: 'note', entityId: note.id, details: { meetingId } });
    return { text: kernel.cipher.decrypt(note.ciphertext, `note:${note.id}`), updatedAt: iso(note.updated_at as unknown as Date) };
  });
}

export async function writeNote(kernel: Kernel, repo: Repository, meetingId: string, text: string) {
  const userId = userIdOf(repo);
  const now = kernel.clock.now();
  return repo.transaction(async (tx) => {
    const meeting = await requireMeeting(tx, meetingId);
    const existing = await tx
      .select('meeting_notes')
      .where('meeting_notes.meeting_id', '=', meetingId)
      .where('meeting_notes.author_user_id', '=', userId)
      .select('meeting_notes.id')
      .executeTakeFirst();
    // Encrypted bound to the note's id: a ciphertext copied onto another note does not open.
    const id = existing?.id ?? randomUUID();
    const ciphertext = kernel.cipher.encrypt(text, `note:${id}`);
    const row = existing
      ? await tx.update('meeting_notes', id, { ciphertext, updated_at: stamp<Updateable<MeetingNotesTable>['updated_at']>(now) })
      : await tx.insert('meeting_notes', { id, meeting_id: meetingId, process_id: meeting.process_id, author_user_id: userId, ciphertext });
    return { text, updatedAt: iso(row.updated_at as unknown as Date) };
  });
}

export async function writeSummary(kernel: Kernel, repo: Repository, meetingId: string, text: string) {
  const userId = userIdOf(repo);
  const now = kernel.clock.now();
  return repo.transaction(async (tx) => {
    const meeting = await requireMeeting(tx, meetingId);
    const existing = await tx
      .select('meeting_summaries')
      .where('meeting_summaries.meeting_id', '=', meetingId)
      .select('meeting_summaries.id')
      .executeTakeFirst();
    const row = existing
      ? await tx.update('meeting_summaries', existing.id, {
          text,
          author_user_id: userId,
          updated_at: stamp<Updateable<MeetingSummariesTable>['updated_at']>(now),
        })
      : await tx.insert('meeting_summaries', { meeting_id: meetingId, process_id: meeting.process_id, text, author_user_id: userId });
    return { text: row.text, updatedAt: iso(row.updated_at as unknown as Date) };
  });
}

export async function writeScaling(
  kernel: Kernel,
  repo: Repository,
  meetingId: string,
  items: { goalId: string; personId: string | null; value: number }[],
) {
  const userId = userIdOf(repo);
  return repo.transaction(async (tx) => {
    const meeting = await requireMeeting(tx, meetingId);
    const goals = new Set(
      (await tx.select('goals').where('goals.process_id', '=', meeting.process_id).select('goals.id').execute()).map((g) => g.id),
    );
    const people = new Set((await meetingParticipants(tx, meetingId)).map((p) => p.personId));
    items.forEach((item, i) => {
      if (!goals.has(item.goalId))
        throw unprocessable('invalid_reference', 'Not a goal of this process', field(`items.${i}.goalId`, 'not a goal of this process'));
      if (item.personId !== null && !people.has(item.personId)) {
        throw unprocessable(
          'invalid_reference',
          'Not a participant of this meeting',
          field(`items.${i}.personId`, 'not invited to this meeting'),
        );
      }
    });
    const key = (goalId: string, personId: string | null) => `${goalId}/${personId ?? ''}`;
    const existing = new Map(
      (
        await tx
          .select('scaling_scores')
          .where('scaling_scores.meeting_id', '=', meetingId)
          .select(['scaling_scores.id', 'scaling_scores.goal_id', 'scaling_scores.person_id', 'scaling_scores.value'])
          .execute()
      ).map((s) => [key(s.goal_id, s.person_id), s]),
    );
    for (const item of items) {
      const found = existing.get(key(item.goalId, item.personId));
      if (found) {
        if (found.value !== item.value) await tx.update('scaling_scores', found.id, { value: item.value, recorded_by: userId });
      } else {
        await tx.insert('scaling_scores', {
          meeting_id: meetingId,
          process_id: meeting.process_id,
          goal_id: item.goalId,
          person_id: item.personId,
          value: item.value,
          recorded_by: userId,
        });
        existing.set(key(item.goalId, item.personId), { id: '', goal_id: item.goalId, person_id: item.personId, value: item.value });
      }
    }
    const detail = await meetingDetail(kernel, tx, meetingId);
    return { items: detail.scaling ?? [] };
  });
}
