import type { CheckinTrigger } from '../../../kernel/db/schema.js';
import { conflict, notFound, unprocessable } from '../../../kernel/errors.js';
import type { ServiceContext } from '../../../kernel/service-context.js';
import { crisisProtocol, planOccurrences } from '../logic/plans.js';
import { settingsOf, usableInstrument } from '../registry.js';
import { planOut } from './checkins.js';
import { field, requireProcess, startOfDay } from './common.js';
import { checkinLocale, participantsOf, sendDue } from './sending.js';

// Check-in plans of a process, and materialising them: the check-ins the plans call for (run after
// a plan changes and by the job), those that are due sent at once.

type Ctx = Pick<ServiceContext, 'repo' | 'clock' | 'config'>;

export interface PlanInput {
  instrumentKey: string;
  trigger: CheckinTrigger;
  everyN?: number | undefined;
  offsetDays?: number | undefined;
}

function planValues(input: PlanInput) {
  if (input.trigger === 'every_nth' && input.everyN === undefined)
    throw unprocessable('invalid_plan', 'Say how often', field('everyN', 'required for every_nth'));
  if (input.trigger === 'offset_days' && input.offsetDays === undefined)
    throw unprocessable('invalid_plan', 'Say how many days after the event', field('offsetDays', 'required for offset_days'));
  return {
    instrument_key: input.instrumentKey,
    trigger: input.trigger,
    every_n: input.trigger === 'every_nth' ? (input.everyN ?? null) : null,
    offset_days: input.trigger === 'offset_days' ? (input.offsetDays ?? null) : null,
  };
}

export async function createPlan(ctx: Ctx, processId: string, input: PlanInput) {
  const plan = await ctx.repo.transaction(async (repo) => {
    await requireProcess(repo, processId);
    await usableInstrument(repo, input.instrumentKey);
    return repo.insert('checkin_plans', {
      process_id: processId,
      ...planValues(input),
      created_by: repo.caller.userId,
      created_at: ctx.clock.now(),
    });
  });
  await materialiseProcess(ctx, processId);
  return planOut(plan);
}

/** The crisis follow-up protocol of INSTRUMENTS.md as plans of this process (once). */
export async function applyCrisisProtocol(ctx: Ctx, processId: string) {
  const plans = await ctx.repo.transaction(async (repo) => {
    const process = await requireProcess(repo, processId);
    if (!process.kind.startsWith('crisis') && !process.crisis_event_at)
      throw unprocessable('not_a_crisis', 'The crisis protocol is for crisis processes', field('processId', 'not a crisis process'));
    const existing = await repo
      .select('checkin_plans')
      .select('checkin_plans.id')
      .where('checkin_plans.process_id', '=', processId)
      .where('checkin_plans.offset_days', '=', 28)
      .executeTakeFirst();
    if (existing) throw conflict('The crisis follow-up protocol is already scheduled for this process');
    const settings = await settingsOf(repo);
    const screen = settings.tsq_licence_confirmed_at ? 'tsq' : 'pcptsd5';
    const out = [];
    for (const step of crisisProtocol(screen)) {
      await usableInstrument(repo, step.instrumentKey);
      out.push(
        await repo.insert('checkin_plans', {
          process_id: processId,
          ...planValues({ instrumentKey: step.instrumentKey, trigger: step.trigger, offsetDays: step.offsetDays }),
          created_by: repo.caller.userId,
          created_at: ctx.clock.now(),
        }),
      );
    }
    return out;
  });
  await materialiseProcess(ctx, processId);
  return { items: plans.map(planOut) };
}

export async function deletePlan(ctx: Ctx, planId: string): Promise<void> {
  await ctx.repo.transaction(async (repo) => {
    const plan = await repo.select('checkin_plans').select(['checkin_plans.id']).where('checkin_plans.id', '=', planId).executeTakeFirst();
    if (!plan) throw notFound();
    const waiting = await repo
      .select('checkins')
      .select('checkins.id')
      .where('checkins.plan_id', '=', planId)
      .where('checkins.status', '=', 'scheduled')
      .execute();
    for (const c of waiting) await repo.update('checkins', c.id, { status: 'cancelled' }, { action: 'checkin.cancel' });
    await repo.delete('checkin_plans', planId);
  });
}

/**
 * Creates the check-ins a process's plans call for (idempotent: one per plan, person and anchor)
 * and sends those that are due. Occurrences too close to an earlier administration are cancelled,
 * so a person is not asked the same thing twice in a few days.
 */
export async function materialiseProcess(ctx: Ctx, processId: string): Promise<number> {
  return ctx.repo.transaction(async (repo) => {
    const process = await repo.select('processes').selectAll('processes').where('processes.id', '=', processId).executeTakeFirst();
    if (!process) return 0;
    const plans = await repo.select('checkin_plans').selectAll('checkin_plans').where('checkin_plans.process_id', '=', processId).execute();
    if (plans.length === 0) return 0;
    const closed = process.status === 'cancelled' || process.status === 'paused';
    const meetings = await repo
      .select('meetings')
      .select(['meetings.id', 'meetings.starts_at', 'meetings.status'])
      .where('meetings.process_id', '=', processId)
      .execute();
    const completed = await repo
      .select('process_status_changes')
      .select('process_status_changes.at')
      .where('process_status_changes.process_id', '=', processId)
      .where('process_status_changes.to_status', '=', 'completed')
      .orderBy('process_status_changes.at', 'desc')
      .executeTakeFirst();
    const people = await participantsOf(repo, processId);
    const existing = await repo
      .select('checkins')
      .select(['checkins.plan_id', 'checkins.person_id', 'checkins.anchor'])
      .where('checkins.process_id', '=', processId)
      .where('checkins.plan_id', 'is not', null)
      .execute();
    const have = new Set(existing.map((e) => `${e.plan_id}|${e.person_id}|${e.anchor}`));
    const facts = {
      crisisEventAt: process.crisis_event_at ? new Date(process.crisis_event_at) : null,
      // A date column arrives as a Date on one driver and a string on another.
      startAt: startOfDay(process.start_date as unknown as Date | string | null),
      createdAt: new Date(process.created_at),
      completedAt: completed ? new Date(completed.at) : null,
    };
    let created = 0;
    if (!closed) {
      for (const plan of plans) {
        const occurrences = planOccurrences(
          { trigger: plan.trigger, everyN: plan.every_n, offsetDays: plan.offset_days, createdAt: new Date(plan.created_at) },
          facts,
          meetings.map((m) => ({ id: m.id, startsAt: new Date(m.starts_at), status: m.status })),
        );
        for (const o of occurrences) {
          for (const person of people) {
            if (have.has(`${plan.id}|${person.id}|${o.anchor}`)) continue;
            await repo.insert('checkins', {
              process_id: processId,
              organisation_id: process.organisation_id,
              person_id: person.id,
              plan_id: plan.id,
              anchor: o.anchor,
              instrument_key: plan.instrument_key,
              instrument_version: 0,
              locale: checkinLocale(person, process.language),
              due_at: o.dueAt,
              sent_by: null,
            });
            have.add(`${plan.id}|${person.id}|${o.anchor}`);
            created++;
          }
        }
      }
    }
    await sendDue({ ...ctx, repo }, processId);
    return created;
  });
}
