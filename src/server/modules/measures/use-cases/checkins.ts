import type { Repository } from '../../../kernel/access/repository.js';
import type { CheckinTrigger } from '../../../kernel/db/schema.js';
import { conflict, notFound } from '../../../kernel/errors.js';
import type { ServiceContext } from '../../../kernel/service-context.js';
import { iso, requireProcess, shownTranslationOf } from './common.js';

// A process's check-ins as its practitioners see them (plans, check-ins, results), and cancelling one.

type Ctx = Pick<ServiceContext, 'repo'>;

// ---------------------------------------------------------------------------------------------
// Check-ins as the practitioner sees them

export async function processCheckins(ctx: Ctx, processId: string) {
  await requireProcess(ctx.repo, processId);
  const plans = await ctx.repo
    .select('checkin_plans')
    .selectAll('checkin_plans')
    .where('checkin_plans.process_id', '=', processId)
    .orderBy('checkin_plans.created_at')
    .execute();
  return {
    plans: plans.map(planOut),
    protocolApplied: plans.some((p) => p.trigger === 'offset_days' && p.offset_days === 28),
    checkins: await checkinList(ctx.repo, processId),
  };
}

/**
 * A process's check-ins as the API shows them, newest due first (the latest 500), or exactly the
 * ones named by `ids` (what a change just created or touched, wherever it sorts).
 */
export async function checkinList(repo: Repository, processId: string, ids?: readonly string[]) {
  let q = repo
    .select('checkins')
    .innerJoin('people', 'people.id', 'checkins.person_id')
    .leftJoin('responses', 'responses.checkin_id', 'checkins.id')
    .select([
      'checkins.id',
      'checkins.person_id',
      'people.name as person_name',
      'checkins.instrument_key',
      'checkins.status',
      'checkins.due_at',
      'checkins.sent_at',
      'checkins.expires_at',
      'checkins.reminded_at',
      'checkins.answered_at',
      'checkins.anchor',
      'checkins.plan_id',
      'responses.id as response_id',
      'responses.score',
      'responses.band',
      'responses.form_locale',
      'responses.translation_version',
    ])
    .where('checkins.process_id', '=', processId);
  if (ids) {
    if (ids.length === 0) return [];
    q = q.where('checkins.id', 'in', [...ids]);
  }
  const rows = await q.orderBy('checkins.due_at', 'desc').limit(500).execute();
  const responseIds = rows.map((r) => r.response_id).filter((id): id is string => !!id);
  const alerts = responseIds.length
    ? await repo
        .select('measure_alerts')
        .select(['measure_alerts.response_id', 'measure_alerts.level'])
        .where('measure_alerts.response_id', 'in', responseIds)
        .execute()
    : [];
  const alertOf = new Map(alerts.map((a) => [a.response_id, a.level]));
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    personName: r.person_name,
    instrumentKey: r.instrument_key,
    status: r.status,
    dueAt: iso(r.due_at) as string,
    sentAt: iso(r.sent_at),
    expiresAt: iso(r.expires_at),
    remindedAt: iso(r.reminded_at),
    answeredAt: iso(r.answered_at),
    anchor: r.anchor,
    planId: r.plan_id,
    responseId: r.response_id,
    score: r.score,
    bandId: r.band,
    alertLevel: (r.response_id ? alertOf.get(r.response_id) : null) ?? null,
    translation: shownTranslationOf(r),
  }));
}

export function planOut(p: {
  id: string;
  instrument_key: string;
  trigger: CheckinTrigger;
  every_n: number | null;
  offset_days: number | null;
  created_at: Date;
}) {
  return {
    id: p.id,
    instrumentKey: p.instrument_key,
    trigger: p.trigger,
    everyN: p.every_n,
    offsetDays: p.offset_days,
    createdAt: iso(p.created_at) as string,
  };
}

export async function cancelCheckin(ctx: Ctx, checkinId: string) {
  return ctx.repo.transaction(async (repo) => {
    const row = await repo.select('checkins').selectAll('checkins').where('checkins.id', '=', checkinId).executeTakeFirst();
    if (!row) throw notFound();
    if (row.status === 'answered') throw conflict('This check-in is already answered');
    if (row.status !== 'cancelled')
      // A cancelled check-in's link stops working (openLink); its draft has no further use.
      await repo.update('checkins', checkinId, { status: 'cancelled', draft: null, draft_sealed: null }, { action: 'checkin.cancel' });
    const [cancelled] = await checkinList(repo, row.process_id, [checkinId]);
    return cancelled as NonNullable<typeof cancelled>;
  });
}

// ---------------------------------------------------------------------------------------------
