import { notFound, unprocessable } from '../../../kernel/errors.js';
import type { ServiceContext } from '../../../kernel/service-context.js';
import { moveMeetings } from '../../scheduling/use-cases/continuation.js';
import { isCrisisKind, localDate, processDefaults, transition } from '../logic.js';
import { type ProcessDetail, processForUpdate } from '../queries.js';
import { assignment, detailOrThrow, field, provider, requireService, stamp } from './checks.js';

// Continuing a crisis process as ordinary supervision.

/** What these use cases need of the service context (src/server/kernel/service-context.ts). */
type Ctx = Pick<ServiceContext, 'repo' | 'clock'>;

/**
 * Continues a crisis process as ordinary supervision, all or nothing: a new process of the same
 * organisation (linked by `continued_from_id`) with the same practitioners, participants and open
 * goals, its start recorded in its history, and the crisis process completed with the reason.
 */
export async function continueProcess(
  ctx: Ctx,
  crisisId: string,
  input: { kind: 'individual' | 'group' | 'work_community'; serviceId: string; title?: string | undefined },
): Promise<ProcessDetail> {
  const me = ctx.repo.caller.userId as string;
  const providerRow = await provider(ctx);
  const id = await ctx.repo.transaction(async (tx) => {
    const crisis = await processForUpdate(tx, crisisId);
    if (!crisis) throw notFound();
    if (!isCrisisKind(crisis.kind)) throw unprocessable('not_a_crisis_process', 'Only a crisis process continues as ordinary supervision');
    const move = transition(crisis.status, 'completed');
    if (!move.ok) throw unprocessable('invalid_transition', move.reason, field('status', move.reason));
    const service = await requireService(tx, input.serviceId);
    if (isCrisisKind(service.kind))
      throw unprocessable('invalid_reference', 'Choose an ordinary supervision service', field('serviceId', 'a crisis service'));
    const now = ctx.clock.now();
    const terms = processDefaults(service, { kind: input.kind });
    const title = input.title ?? crisis.title;
    const created = await tx.insert('processes', {
      organisation_id: crisis.organisation_id,
      service_id: service.id,
      kind: terms.kind,
      title,
      status: 'active',
      agreed_sessions: null,
      cadence: terms.cadence,
      session_minutes: terms.sessionMinutes,
      place: terms.place,
      location: crisis.location,
      video_link: crisis.video_link,
      price_cents: terms.priceCents,
      currency: terms.currency,
      language: crisis.language,
      start_date: localDate(now, providerRow.time_zone),
      review_date: null,
      crisis_event_at: null,
      continued_from_id: crisis.id,
      request_id: null,
      created_by: me,
    });
    // One after the other: a transaction is one connection.
    const practitioners = await tx
      .select('process_practitioners')
      .select('process_practitioners.user_id')
      .where('process_practitioners.process_id', '=', crisis.id)
      .execute();
    const participants = await tx
      .select('process_participants')
      .select('process_participants.person_id')
      .where('process_participants.process_id', '=', crisis.id)
      .execute();
    const goals = await tx
      .select('goals')
      .select(['goals.title', 'goals.position'])
      .where('goals.process_id', '=', crisis.id)
      .where('goals.closed_at', 'is', null)
      .orderBy('goals.position')
      .orderBy('goals.created_at')
      .execute();
    // The caller first: their row is what puts the new process in their reach for the rest.
    const userIds = [...new Set([me, ...practitioners.map((p) => p.user_id)])];
    for (const userId of userIds)
      await tx.insert('process_practitioners', { process_id: created.id, user_id: userId }, assignment(userId, created.id));
    for (const p of participants) await tx.insert('process_participants', { process_id: created.id, person_id: p.person_id });
    for (const g of goals) await tx.insert('goals', { process_id: created.id, title: g.title, position: g.position, closed_at: null });
    await tx.insert('process_status_changes', {
      process_id: created.id,
      from_status: null,
      to_status: 'active',
      reason: `continued from ${crisis.title}`,
      changed_by: me,
      at: now,
    });
    // Meetings already planned ahead belong to the continued work: they move with it, at its price,
    // so they are neither orphaned on a completed process nor booked twice (through scheduling,
    // which owns the meetings).
    const ahead = await tx
      .select('meetings')
      .select('meetings.id')
      .where('meetings.process_id', '=', crisis.id)
      .where('meetings.status', '=', 'planned')
      .where('meetings.starts_at', '>', now)
      .execute();
    await moveMeetings(
      { repo: tx },
      ahead.map((m) => m.id),
      { processId: created.id, priceCents: terms.priceCents, currency: terms.currency },
    );
    await tx.update(
      'processes',
      crisis.id,
      { status: 'completed', updated_at: stamp(now) },
      { action: 'process.continue', details: { continuedAs: created.id } },
    );
    await tx.insert('process_status_changes', {
      process_id: crisis.id,
      from_status: crisis.status,
      to_status: 'completed',
      reason: `continued as ${title}`,
      changed_by: me,
      at: now,
    });
    return created.id;
  });
  return detailOrThrow(ctx, id);
}
