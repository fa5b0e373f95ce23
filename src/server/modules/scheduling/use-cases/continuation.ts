import type { ServiceContext } from '../../../kernel/service-context.js';

// Meetings that follow their process when it continues as another (the processes module's
// continueProcess calls this: scheduling owns the meetings).

type RepoCtx = Pick<ServiceContext, 'repo'>;

/**
 * Moves planned meetings to another process of the same organisation, at that process's price
 * (a crisis process continued as ordinary supervision: processes/use-cases/continuation.ts), with
 * their practitioners' and participants' rows. Runs in the caller's transaction.
 */
export async function moveMeetings(
  ctx: RepoCtx,
  meetingIds: readonly string[],
  to: { processId: string; priceCents: number; currency: string },
): Promise<void> {
  for (const id of meetingIds) {
    await ctx.repo.update('meetings', id, { process_id: to.processId, price_cents: to.priceCents, currency: to.currency });
    const practitioners = await ctx.repo
      .select('meeting_practitioners')
      .select('meeting_practitioners.id')
      .where('meeting_practitioners.meeting_id', '=', id)
      .execute();
    for (const row of practitioners) await ctx.repo.update('meeting_practitioners', row.id, { process_id: to.processId });
    const attendance = await ctx.repo
      .select('meeting_attendance')
      .select('meeting_attendance.id')
      .where('meeting_attendance.meeting_id', '=', id)
      .execute();
    for (const row of attendance) await ctx.repo.update('meeting_attendance', row.id, { process_id: to.processId });
  }
}
