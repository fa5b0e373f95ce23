import { badRequest, notFound, unprocessable } from '../../../kernel/errors.js';
import type { ServiceContext } from '../../../kernel/service-context.js';
import { type CadenceKind, planCadence } from '../logic/index.js';
import { planningZone, practitionerCalendarQuery, processRow, weeklyHours } from '../queries.js';
import { DAY, field, isClosed, isCrisis, iso, provider, userIdOf } from './common.js';

// The planner: proposals for a process's next meetings, from the practitioner's hours, absences,
// bookings and the public holidays, at the process's cadence. Nothing is booked here.

type Ctx = Pick<ServiceContext, 'repo' | 'clock'>;

export async function planMeetings(ctx: Ctx, processId: string, body: { count?: number | undefined; startFrom?: string | undefined }) {
  const userId = userIdOf(ctx.repo);
  const process = await processRow(ctx.repo, processId);
  if (!process) throw notFound('No such process');
  if (isClosed(process.status)) throw unprocessable('process_closed', 'The process is closed; nothing can be planned for it');
  const settings = await provider(ctx.repo);
  const now = ctx.clock.now();
  const count = body.count ?? 6;
  const timeZone = await planningZone(ctx.repo, userId, settings);
  // Everything the planner could look at: from now (or the start day) over `count` long gaps and
  // the planner's own horizon for a displaced meeting.
  const startMs = Math.max(now.getTime(), body.startFrom ? Date.parse(`${body.startFrom}T00:00:00Z`) - DAY : 0);
  const windowFrom = new Date(Math.min(now.getTime(), startMs));
  const windowTo = new Date(startMs + (count * 35 + 130) * DAY);
  const [weekly, absences, bookings] = await Promise.all([
    weeklyHours(ctx.repo, userId),
    ctx.repo
      .select('absences')
      .where('absences.user_id', '=', userId)
      .where('absences.starts_at', '<', windowTo)
      .where('absences.ends_at', '>', windowFrom)
      .select(['absences.starts_at', 'absences.ends_at'])
      .execute(),
    practitionerCalendarQuery(ctx.repo, userId, windowFrom, windowTo).execute(),
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
