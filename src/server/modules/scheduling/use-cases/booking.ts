import type { Place } from '../../../kernel/db/schema.js';
import { notFound, unprocessable } from '../../../kernel/errors.js';
import type { ServiceContext } from '../../../kernel/service-context.js';
import { reminderLeadHours } from '../jobs.js';
import { type Audience, sendMeetingMails, sendSeriesInvitations } from '../notify.js';
import {
  type MeetingRow,
  meetingParticipants,
  meetingPractitioners,
  planningZone,
  processParticipants,
  processPractitioners,
  processRow,
  requireMeeting,
} from '../queries.js';
import { forMail, HOUR, type Interval, isClosed, isCrisis, iso, type MeetingOut, provider, userIdOf } from './common.js';
import { meetingDetail } from './meetings.js';

// Booking a process's meetings (with their invitations) and moving one to another time.

type Ctx = Pick<ServiceContext, 'repo' | 'clock' | 'config'>;

export async function createMeetings(
  ctx: Ctx,
  processId: string,
  body: { meetings: Interval[]; place?: Place | undefined; location?: string | null | undefined; videoLink?: string | null | undefined },
): Promise<MeetingOut[]> {
  const userId = userIdOf(ctx.repo);
  const now = ctx.clock.now();
  return ctx.repo.transaction(async (tx) => {
    const process = await processRow(tx, processId);
    if (!process) throw notFound('No such process');
    if (isClosed(process.status)) throw unprocessable('process_closed', 'The process is closed; no meetings can be booked for it');
    const settings = await provider(tx);
    const timeZone = await planningZone(tx, userId, settings);
    const [practitioners, participants] = await Promise.all([processPractitioners(tx, processId), processParticipants(tx, processId)]);
    const place = body.place ?? process.place;
    const ids: string[] = [];
    const forMails: ReturnType<typeof forMail>[] = [];
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
        // The invitation itself is the notice for a meeting that begins within the reminder lead.
        reminder_sent_at: remindedByInvitation(slot.startsAt, now) ? now : null,
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
      forMails.push(forMail(await requireMeeting(tx, meeting.id)));
      ids.push(meeting.id);
    }
    // One mail per person for the whole plan, none to the practitioner who confirms it.
    await sendSeriesInvitations(tx, {
      meetings: forMails,
      audience: { practitioners: await meetingPractitioners(tx, ids[0]!), participants: await meetingParticipants(tx, ids[0]!) },
      provider: settings,
      mailFrom: ctx.config.mailFrom,
      now,
      organiserUserId: userId,
      crisis: isCrisis(process),
    });
    const out: MeetingOut[] = [];
    for (const id of ids) out.push(await meetingDetail({ ...ctx, repo: tx }, id));
    return out;
  });
}

/** A meeting mailed about (invited or moved) within the reminder lead needs no separate reminder. */
function remindedByInvitation(startsAt: Date, now: Date): boolean {
  return startsAt.getTime() <= now.getTime() + reminderLeadHours * HOUR;
}

export function requirePlanned(row: MeetingRow): void {
  if (row.status !== 'planned')
    throw unprocessable('meeting_not_planned', `The meeting is ${row.status}; only a planned meeting can be changed`);
}

export async function rescheduleMeeting(ctx: Ctx, meetingId: string, body: Interval & { reason: string }): Promise<MeetingOut> {
  const now = ctx.clock.now();
  return ctx.repo.transaction(async (tx) => {
    const row = await requireMeeting(tx, meetingId);
    requirePlanned(row);
    const sequence = row.sequence + 1;
    await tx.update(
      'meetings',
      meetingId,
      // A moved meeting deserves its own reminder.
      { starts_at: body.startsAt, ends_at: body.endsAt, sequence, reminder_sent_at: remindedByInvitation(body.startsAt, now) ? now : null },
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
      mailFrom: ctx.config.mailFrom,
      now,
      reason: body.reason,
      previous: { startsAt: new Date(row.starts_at), endsAt: new Date(row.ends_at) },
      actorUserId: tx.caller.userId,
    });
    return meetingDetail({ ...ctx, repo: tx }, meetingId);
  });
}
