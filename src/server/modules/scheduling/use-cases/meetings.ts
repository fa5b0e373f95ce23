import type { CalendarEntry, CalendarOut } from '../../../../shared/scheduling.js';
import { hasRole } from '../../../kernel/access/caller.js';
import { visibleParts } from '../../../kernel/access/policy.js';
import type { Repository } from '../../../kernel/access/repository.js';
import type { ServiceContext } from '../../../kernel/service-context.js';
import {
  absencesOverlapping,
  type CalendarRow,
  isPractitionerOf,
  type MeetingRow,
  meetingParticipants,
  organisationCalendarQuery,
  type ParticipantRecipient,
  type ProviderSettings,
  participantCalendarQuery,
  practitionerCalendarQuery,
  requireMeeting,
  weeklyHoursWithZone,
} from '../queries.js';
import { HOUR, iso, type MeetingOut, provider, toItem, userIdOf } from './common.js';

// Seeing meetings: the caller's calendar and one meeting as the caller may see it.

type Ctx = Pick<ServiceContext, 'repo' | 'clock'>;
type RepoCtx = Pick<ServiceContext, 'repo'>;

/**
 * The caller's calendar of a range. A fixed number of queries whatever the range holds: one per
 * role the caller has, and for a practitioner one for the weekly hours and one for the absences.
 */
export async function calendar(ctx: RepoCtx, from: Date, to: Date): Promise<CalendarOut> {
  const userId = userIdOf(ctx.repo);
  const caller = ctx.repo.caller;
  const byId = new Map<string, CalendarEntry>();
  // A meeting the caller is booked for as its practitioner is theirs to move, as on its own page
  // (PATCH /api/meetings/:id, practitioners of the process, planned meetings only); a meeting also
  // reached as a participant or a contact keeps that.
  const add = (row: CalendarRow, movable: boolean) => {
    const item = toItem(row);
    byId.set(item.id, { ...item, canMove: (byId.get(item.id)?.canMove ?? false) || (movable && item.status === 'planned') });
  };
  let workingHours: CalendarOut['workingHours'] = null;
  let absences: CalendarOut['absences'] = [];
  if (hasRole(caller, 'practitioner')) {
    for (const r of await practitionerCalendarQuery(ctx.repo, userId, from, to).execute()) add(r, true);
    workingHours = await weeklyHoursWithZone(ctx.repo, userId);
    absences = (await absencesOverlapping(ctx.repo, userId, from, to)).map((a) => ({
      id: a.id,
      startsAt: iso(a.starts_at),
      endsAt: iso(a.ends_at),
      note: a.note,
    }));
  }
  if (hasRole(caller, 'participant')) {
    for (const r of await participantCalendarQuery(ctx.repo, userId, from, to).execute()) add(r, false);
  }
  if (hasRole(caller, 'client_contact')) {
    // Meetings are scoped to the contact's organisations by the policy.
    for (const r of await organisationCalendarQuery(ctx.repo, from, to).execute()) add(r, false);
  }
  const items = [...byId.values()].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
  return { items, workingHours, absences };
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
export async function meetingDetail(ctx: Ctx, meetingId: string): Promise<MeetingOut> {
  const row = await requireMeeting(ctx.repo, meetingId);
  const parts = visibleParts(ctx.repo.caller, 'meetingDetail');
  const settings = await provider(ctx.repo);
  const out: MeetingOut = {
    ...toItem(row),
    cancelReason: row.cancel_reason,
    lateCancellation: row.late_cancellation,
    canCancel: await canCancel(ctx.repo, row, settings, ctx.clock.now()),
  };
  if (parts.has('attendance') && ctx.repo.can('meeting_attendance', 'read')) {
    const people = await meetingParticipants(ctx.repo, meetingId);
    // An invitation to a meeting that no longer takes place is cancelled, whoever cancelled it.
    out.attendance = people.map((p) => ({
      personId: p.personId,
      name: p.name,
      status: row.status === 'cancelled' && p.status === 'invited' ? 'cancelled' : p.status,
    }));
  }
  if (parts.has('summary') && ctx.repo.can('meeting_summaries', 'read')) {
    const summary = await ctx.repo
      .select('meeting_summaries')
      .where('meeting_summaries.meeting_id', '=', meetingId)
      .select('meeting_summaries.text')
      .executeTakeFirst();
    out.summary = summary?.text ?? null;
  }
  if (parts.has('myNote') && ctx.repo.can('meeting_notes', 'read')) {
    // The policy reaches only notes the caller wrote.
    const note = await ctx.repo
      .select('meeting_notes')
      .where('meeting_notes.meeting_id', '=', meetingId)
      .select('meeting_notes.id')
      .executeTakeFirst();
    out.hasMyNote = !!note;
  }
  if (parts.has('scaling') && ctx.repo.can('scaling_scores', 'read')) {
    const scores = await ctx.repo
      .select('scaling_scores')
      .where('scaling_scores.meeting_id', '=', meetingId)
      .select(['scaling_scores.goal_id', 'scaling_scores.person_id', 'scaling_scores.value'])
      .orderBy('scaling_scores.created_at')
      .execute();
    out.scaling = scores.map((s) => ({ goalId: s.goal_id, personId: s.person_id, value: s.value }));
  }
  return out;
}
