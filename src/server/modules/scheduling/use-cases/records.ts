import { randomUUID } from 'node:crypto';
import type { Updateable } from 'kysely';
import type { AttendanceStatus } from '../../../../shared/scheduling.js';
import type { MeetingNotesTable, MeetingSummariesTable } from '../../../kernel/db/schema.js';
import { notFound, unprocessable } from '../../../kernel/errors.js';
import type { ServiceContext } from '../../../kernel/service-context.js';
import { meetingParticipants, requireMeeting } from '../queries.js';
import { field, iso, type MeetingOut, stamp, userIdOf } from './common.js';
import { meetingDetail } from './meetings.js';

// What a meeting leaves behind: attendance and its being held, the practitioner's private note
// (sealed), the shared summary, and the goals' scaling scores.

type Ctx = Pick<ServiceContext, 'repo' | 'clock' | 'cipher'>;

/**
 * What belongs to a held meeting (attendance, the shared summary, scaling answers) waits until the
 * meeting has begun: before its start time it is refused with 422 `meeting_not_started`. The
 * practitioner's private note is not such a record: it may be written beforehand, to prepare.
 */
function requireStarted(row: { starts_at: Date | string }, now: Date): void {
  if (now.getTime() < new Date(row.starts_at).getTime())
    throw unprocessable('meeting_not_started', 'The meeting has not begun yet; its records open when it starts');
}

export async function setAttendance(
  ctx: Ctx,
  meetingId: string,
  items: { personId: string; status: AttendanceStatus }[],
): Promise<MeetingOut> {
  const now = ctx.clock.now();
  return ctx.repo.transaction(async (tx) => {
    const row = await requireMeeting(tx, meetingId);
    if (row.status === 'cancelled') throw unprocessable('meeting_cancelled', 'The meeting was cancelled');
    requireStarted(row, now);
    const rows = await meetingParticipants(tx, meetingId);
    const byPerson = new Map(rows.map((r) => [r.personId, r]));
    const missing = items.findIndex((i) => !byPerson.has(i.personId));
    if (missing >= 0)
      throw unprocessable('not_invited', 'That person is not invited to this meeting', field(`items.${missing}.personId`, 'not invited'));
    for (const item of items) {
      const current = byPerson.get(item.personId)!;
      if (current.status !== item.status) await tx.update('meeting_attendance', current.attendanceId, { status: item.status });
    }
    // Attendance recorded once the meeting has begun means it took place.
    if (row.status === 'planned') await tx.update('meetings', meetingId, { status: 'held' }, { action: 'meeting.held' });
    return meetingDetail({ ...ctx, repo: tx }, meetingId);
  });
}

export async function markHeld(ctx: Ctx, meetingId: string): Promise<MeetingOut> {
  const now = ctx.clock.now();
  return ctx.repo.transaction(async (tx) => {
    const row = await requireMeeting(tx, meetingId);
    if (row.status === 'cancelled') throw unprocessable('meeting_cancelled', 'The meeting was cancelled');
    requireStarted(row, now);
    // Already held when attendance was recorded: whoever is still only invited was there.
    if (row.status !== 'held') await tx.update('meetings', meetingId, { status: 'held' }, { action: 'meeting.held' });
    for (const p of await meetingParticipants(tx, meetingId)) {
      if (p.status === 'invited') await tx.update('meeting_attendance', p.attendanceId, { status: 'present' });
    }
    return meetingDetail({ ...ctx, repo: tx }, meetingId);
  });
}

// ---------------------------------------------------------------------------------------------
// Notes, summaries, scaling

/** The caller's own private note; every read is an audit event, written before the text leaves. */
export async function readNote(ctx: Ctx, meetingId: string) {
  return ctx.repo.transaction(async (tx) => {
    const note = await tx
      .select('meeting_notes')
      .where('meeting_notes.meeting_id', '=', meetingId)
      .where('meeting_notes.author_user_id', '=', userIdOf(tx))
      .select(['meeting_notes.id', 'meeting_notes.ciphertext', 'meeting_notes.updated_at'])
      .executeTakeFirst();
    if (!note) throw notFound('No note');
    await tx.audit({ action: 'note.read', entityType: 'note', entityId: note.id, details: { meetingId } });
    return { text: ctx.cipher.decrypt(note.ciphertext, `note:${note.id}`), updatedAt: iso(note.updated_at as unknown as Date) };
  });
}

export async function writeNote(ctx: Ctx, meetingId: string, text: string) {
  const userId = userIdOf(ctx.repo);
  const now = ctx.clock.now();
  return ctx.repo.transaction(async (tx) => {
    const meeting = await requireMeeting(tx, meetingId);
    const existing = await tx
      .select('meeting_notes')
      .where('meeting_notes.meeting_id', '=', meetingId)
      .where('meeting_notes.author_user_id', '=', userId)
      .select('meeting_notes.id')
      .executeTakeFirst();
    // Encrypted bound to the note's id: a ciphertext copied onto another note does not open.
    const id = existing?.id ?? randomUUID();
    const ciphertext = ctx.cipher.encrypt(text, `note:${id}`);
    const row = existing
      ? await tx.update('meeting_notes', id, { ciphertext, updated_at: stamp<Updateable<MeetingNotesTable>['updated_at']>(now) })
      : await tx.insert('meeting_notes', { id, meeting_id: meetingId, process_id: meeting.process_id, author_user_id: userId, ciphertext });
    return { text, updatedAt: iso(row.updated_at as unknown as Date) };
  });
}

export async function writeSummary(ctx: Ctx, meetingId: string, text: string) {
  const userId = userIdOf(ctx.repo);
  const now = ctx.clock.now();
  return ctx.repo.transaction(async (tx) => {
    const meeting = await requireMeeting(tx, meetingId);
    if (meeting.status === 'cancelled') throw unprocessable('meeting_cancelled', 'The meeting was cancelled');
    requireStarted(meeting, now);
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

export async function writeScaling(ctx: Ctx, meetingId: string, items: { goalId: string; personId: string | null; value: number }[]) {
  const userId = userIdOf(ctx.repo);
  const now = ctx.clock.now();
  return ctx.repo.transaction(async (tx) => {
    const meeting = await requireMeeting(tx, meetingId);
    if (meeting.status === 'cancelled') throw unprocessable('meeting_cancelled', 'The meeting was cancelled');
    requireStarted(meeting, now);
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
    const detail = await meetingDetail({ ...ctx, repo: tx }, meetingId);
    return { items: detail.scaling ?? [] };
  });
}
