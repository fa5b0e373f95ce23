import type { Place } from '../../../kernel/db/schema.js';
import { notFound, unprocessable } from '../../../kernel/errors.js';
import type { ServiceContext } from '../../../kernel/service-context.js';
import { type Audience, sendMeetingMails } from '../notify.js';
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
import { forMail, type Interval, isClosed, iso, type MeetingOut, provider, userIdOf } from './common.js';
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
        mailFrom: ctx.config.mailFrom,
        now,
      });
      ids.push(meeting.id);
    }
    const out: MeetingOut[] = [];
    for (const id of ids) out.push(await meetingDetail({ ...ctx, repo: tx }, id));
    return out;
  });
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
      mailFrom: ctx.config.mailFrom,
      now,
      reason: body.reason,
      previous: { startsAt: new Date(row.starts_at), endsAt: new Date(row.ends_at) },
    });
    return meetingDetail({ ...ctx, repo: tx }, meetingId);
  });
}
