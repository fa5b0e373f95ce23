import type { ServiceContext } from '../../../kernel/service-context.js';
import { planningZone, weeklyHours } from '../queries.js';
import { iso, provider, userIdOf } from './common.js';

// A practitioner's weekly hours (and the zone they plan in) and their absences.

/** What these use cases need of the service context (src/server/kernel/service-context.ts). */
type Ctx = ServiceContext;
type RepoCtx = Pick<ServiceContext, 'repo'>;

export async function getAvailability(ctx: Ctx) {
  const userId = userIdOf(ctx.repo);
  const settings = await provider(ctx.repo);
  const [timeZone, weekly, absences] = await Promise.all([
    planningZone(ctx.repo, userId, settings),
    weeklyHours(ctx.repo, userId),
    ctx.repo
      .select('absences')
      .where('absences.user_id', '=', userId)
      .where('absences.ends_at', '>', ctx.clock.now())
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
export async function putAvailability(ctx: Ctx, body: { timeZone: string; weekly: { weekday: number; start: string; end: string }[] }) {
  const userId = userIdOf(ctx.repo);
  await ctx.repo.transaction(async (tx) => {
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
  return getAvailability(ctx);
}

export async function addAbsence(ctx: RepoCtx, body: { startsAt: Date; endsAt: Date; note?: string | null | undefined }) {
  const row = await ctx.repo.insert('absences', {
    user_id: userIdOf(ctx.repo),
    starts_at: body.startsAt,
    ends_at: body.endsAt,
    note: body.note ?? null,
  });
  return { id: row.id, startsAt: iso(row.starts_at), endsAt: iso(row.ends_at), note: row.note };
}

export async function removeAbsence(ctx: RepoCtx, id: string): Promise<void> {
  await ctx.repo.delete('absences', id);
}
