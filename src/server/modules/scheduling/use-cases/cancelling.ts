import { hasRole } from '../../../kernel/access/caller.js';
import { unprocessable } from '../../../kernel/errors.js';
import type { ServiceContext } from '../../../kernel/service-context.js';
import { sendMeetingMails, sendWithdrawalMails } from '../notify.js';
import { isPractitionerOf, meetingParticipants, meetingPractitioners, requireMeeting } from '../queries.js';
import { requirePlanned } from './booking.js';
import { forMail, groupKinds, HOUR, type MeetingOut, provider } from './common.js';
import { meetingDetail } from './meetings.js';

type Ctx = Pick<ServiceContext, 'repo' | 'clock' | 'config'>;

/**
 * Cancelling. A practitioner of the process cancels the meeting at any time. A participant may
 * cancel until the provider's participantCancellationHours before it: an individual meeting is
 * then cancelled; from a group meeting they withdraw (their attendance is cancelled, the group
 * still meets). Late per lateCancellationHours marks the meeting for invoicing.
 */
export async function cancelMeeting(ctx: Ctx, meetingId: string, reason: string): Promise<MeetingOut> {
  const now = ctx.clock.now();
  return ctx.repo.transaction(async (tx) => {
    const row = await requireMeeting(tx, meetingId);
    requirePlanned(row);
    const settings = await provider(tx);
    const startsMs = new Date(row.starts_at).getTime();
    const late = now.getTime() >= startsMs - settings.late_cancellation_hours * HOUR;
    const practitioners = await meetingPractitioners(tx, meetingId);
    const participants = await meetingParticipants(tx, meetingId);
    const mail = { provider: settings, mailFrom: ctx.config.mailFrom, now, reason };
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
        actorUserId: tx.caller.userId,
      });
      return meetingDetail({ ...ctx, repo: tx }, meetingId);
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
      return meetingDetail({ ...ctx, repo: tx }, meetingId);
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
    return meetingDetail({ ...ctx, repo: tx }, meetingId);
  });
}
