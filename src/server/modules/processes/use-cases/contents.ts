import { notFound, unprocessable } from '../../../kernel/errors.js';
import type { ServiceContext } from '../../../kernel/service-context.js';
import { scalingSeries } from '../logic.js';
import { continuationChain, goalOut, scalingData, whatWorksOut } from '../queries.js';
import { field, requireProcess } from './checks.js';

// What a process works on: its goals, what works, and the goals' scaling over the meetings.

/** What these use cases need of the service context (src/server/kernel/service-context.ts). */
type Ctx = Pick<ServiceContext, 'repo' | 'clock'>;

export async function addGoal(ctx: Ctx, processId: string, title: string) {
  const goal = await ctx.repo.transaction(async (tx) => {
    await requireProcess(tx, processId);
    const last = await tx
      .select('goals')
      .select((eb) => eb.fn.max<number | null>('goals.position').as('max'))
      .where('goals.process_id', '=', processId)
      .executeTakeFirst();
    return tx.insert('goals', { process_id: processId, title, position: (last?.max ?? -1) + 1, closed_at: null });
  });
  return goalOut(goal);
}

export async function updateGoal(ctx: Ctx, id: string, input: { title?: string | undefined; closed?: boolean | undefined }) {
  const goal = await ctx.repo.update('goals', id, {
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.closed !== undefined ? { closed_at: input.closed ? ctx.clock.now() : null } : {}),
  });
  return goalOut(goal);
}

export async function addWhatWorks(ctx: Ctx, processId: string, input: { text: string; meetingId?: string | undefined }) {
  const row = await ctx.repo.transaction(async (tx) => {
    await requireProcess(tx, processId);
    if (input.meetingId) {
      const meeting = await tx
        .select('meetings')
        .select('meetings.id')
        .where('meetings.id', '=', input.meetingId)
        .where('meetings.process_id', '=', processId)
        .executeTakeFirst();
      if (!meeting)
        throw unprocessable('invalid_reference', 'Not a meeting of this process', field('meetingId', 'not a meeting of this process'));
    }
    return tx.insert('what_works', {
      process_id: processId,
      text: input.text,
      meeting_id: input.meetingId ?? null,
      created_by: ctx.repo.caller.userId,
    });
  });
  return whatWorksOut(row);
}

export async function deleteWhatWorks(ctx: Ctx, id: string): Promise<void> {
  await ctx.repo.delete('what_works', id);
}
export async function scaling(ctx: Ctx, processId: string) {
  const chain = await continuationChain(ctx.repo, processId);
  if (!chain) throw notFound();
  const { goals, scores, meetings } = await scalingData(ctx.repo, chain);
  const startsAt = new Map(meetings.map((m) => [m.id, new Date(m.starts_at)]));
  const points = scores
    .filter((s) => startsAt.has(s.meeting_id))
    .map((s) => ({
      goalId: s.goal_id,
      meetingId: s.meeting_id,
      startsAt: startsAt.get(s.meeting_id) as Date,
      personId: s.person_id,
      value: s.value,
    }));
  const series = scalingSeries(
    chain,
    goals.map((g) => ({ id: g.id, processId: g.process_id, title: g.title, position: g.position, createdAt: new Date(g.created_at) })),
    points,
  );
  return {
    goals: series.map((s) => ({
      goalId: s.goalId,
      title: s.title,
      points: s.points.map((p) => ({ meetingId: p.meetingId, startsAt: p.startsAt.toISOString(), personId: p.personId, value: p.value })),
    })),
  };
}
