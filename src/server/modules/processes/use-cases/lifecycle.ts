import { hasRole } from '../../../kernel/access/caller.js';
import type { Cadence, Place, ProcessStatus, ServiceKind } from '../../../kernel/db/schema.js';
import { notFound, unprocessable } from '../../../kernel/errors.js';
import type { ServiceContext } from '../../../kernel/service-context.js';
import { processDefaults, transition } from '../logic.js';
import { type ProcessDetail, processForUpdate } from '../queries.js';
import {
  assignment,
  checkDates,
  detailOrThrow,
  field,
  provider,
  requireOrganisation,
  requirePeople,
  requirePractitioners,
  requireService,
  stamp,
} from './checks.js';

// A process's life: opening one (by hand or from a triaged request), changing its terms, moving it
// along the status machine. Each writes through the caller's repository in one transaction.

/** What these use cases need of the service context (src/server/kernel/service-context.ts). */
type Ctx = Pick<ServiceContext, 'repo' | 'clock'>;

export interface ProcessInput {
  organisationId: string;
  serviceId: string;
  title: string;
  kind?: ServiceKind | undefined;
  cadence?: Cadence | undefined;
  sessionMinutes?: number | undefined;
  place?: Place | undefined;
  location?: string | undefined;
  videoLink?: string | undefined;
  priceCents?: number | undefined;
  agreedSessions?: number | undefined;
  language?: 'fi' | 'sv' | 'nb' | 'en' | undefined;
  startDate?: string | undefined;
  reviewDate?: string | undefined;
  practitionerIds?: string[] | undefined;
  participantIds?: string[] | undefined;
}

/**
 * Opens a process (status `proposed`) with the service's terms where the caller gave none. A
 * practitioner who opens one always joins it (otherwise they could not see what they made); an
 * administrator may open one with no practitioner yet.
 */
export async function createProcess(ctx: Ctx, input: ProcessInput): Promise<ProcessDetail> {
  return insertProcess(ctx, input, { requestId: null, crisisEventAt: null, history: false });
}

/**
 * Opens a process for a triaged request (the intake module's triage): as createProcess, linked to
 * the request, with its first status recorded in the history, in the caller's transaction. A
 * crisis (an event time given) opens active, dated from the event: crisis work starts at once,
 * with no proposal to agree first.
 */
export async function openProcessFromRequest(
  ctx: Ctx,
  input: ProcessInput & { requestId: string; crisisEventAt: Date | null },
): Promise<ProcessDetail> {
  return insertProcess(ctx, input, { requestId: input.requestId, crisisEventAt: input.crisisEventAt, history: true });
}

async function insertProcess(
  ctx: Ctx,
  input: ProcessInput,
  opening: { requestId: string | null; crisisEventAt: Date | null; history: boolean },
): Promise<ProcessDetail> {
  checkDates(input.startDate, input.reviewDate);
  const status: ProcessStatus = opening.crisisEventAt ? 'active' : 'proposed';
  const me = ctx.repo.caller.userId as string;
  const practitionerIds = [...new Set([...(hasRole(ctx.repo.caller, 'practitioner') ? [me] : []), ...(input.practitionerIds ?? [])])];
  const participantIds = [...new Set(input.participantIds ?? [])];
  const providerRow = await provider(ctx);
  const id = await ctx.repo.transaction(async (tx) => {
    await requireOrganisation(tx, input.organisationId);
    const service = await requireService(tx, input.serviceId);
    await requirePractitioners(tx, practitionerIds, 'practitionerIds[]');
    await requirePeople(tx, input.organisationId, participantIds, 'participantIds[]');
    const terms = processDefaults(service, input);
    const created = await tx.insert(
      'processes',
      {
        organisation_id: input.organisationId,
        service_id: service.id,
        kind: terms.kind,
        title: input.title,
        status,
        agreed_sessions: input.agreedSessions ?? null,
        cadence: terms.cadence,
        session_minutes: terms.sessionMinutes,
        place: terms.place,
        location: input.location ?? null,
        video_link: input.videoLink ?? null,
        price_cents: terms.priceCents,
        currency: terms.currency,
        language: input.language ?? providerRow.default_locale,
        start_date: input.startDate ?? null,
        review_date: input.reviewDate ?? null,
        crisis_event_at: opening.crisisEventAt,
        continued_from_id: null,
        request_id: opening.requestId,
        created_by: me,
      },
      opening.requestId ? { details: { requestId: opening.requestId, crisis: opening.crisisEventAt !== null } } : undefined,
    );
    // The caller's own row first: for a practitioner it is what puts the process in their reach.
    for (const userId of practitionerIds)
      await tx.insert('process_practitioners', { process_id: created.id, user_id: userId }, assignment(userId, created.id));
    for (const personId of participantIds) await tx.insert('process_participants', { process_id: created.id, person_id: personId });
    if (opening.history)
      await tx.insert('process_status_changes', {
        process_id: created.id,
        from_status: null,
        to_status: status,
        reason: null,
        changed_by: tx.caller.userId,
        at: ctx.clock.now(),
      });
    return created.id;
  });
  return detailOrThrow(ctx, id);
}

export interface ProcessPatch {
  title?: string | undefined;
  agreedSessions?: number | null | undefined;
  cadence?: Cadence | undefined;
  sessionMinutes?: number | undefined;
  place?: Place | undefined;
  location?: string | null | undefined;
  videoLink?: string | null | undefined;
  priceCents?: number | undefined;
  language?: 'fi' | 'sv' | 'nb' | 'en' | undefined;
  startDate?: string | null | undefined;
  reviewDate?: string | null | undefined;
}

export async function updateProcess(ctx: Ctx, id: string, input: ProcessPatch): Promise<ProcessDetail> {
  await ctx.repo.transaction(async (tx) => {
    const current = await tx
      .select('processes')
      .select([
        (eb) => eb.cast<string | null>('processes.start_date', 'text').as('start'),
        (eb) => eb.cast<string | null>('processes.review_date', 'text').as('review'),
      ])
      .where('processes.id', '=', id)
      .executeTakeFirst();
    if (!current) throw notFound();
    checkDates(
      input.startDate === undefined ? current.start : input.startDate,
      input.reviewDate === undefined ? current.review : input.reviewDate,
    );
    await tx.update('processes', id, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.agreedSessions !== undefined ? { agreed_sessions: input.agreedSessions } : {}),
      ...(input.cadence !== undefined ? { cadence: input.cadence } : {}),
      ...(input.sessionMinutes !== undefined ? { session_minutes: input.sessionMinutes } : {}),
      ...(input.place !== undefined ? { place: input.place } : {}),
      ...(input.location !== undefined ? { location: input.location } : {}),
      ...(input.videoLink !== undefined ? { video_link: input.videoLink } : {}),
      ...(input.priceCents !== undefined ? { price_cents: input.priceCents } : {}),
      ...(input.language !== undefined ? { language: input.language } : {}),
      ...(input.startDate !== undefined ? { start_date: input.startDate } : {}),
      ...(input.reviewDate !== undefined ? { review_date: input.reviewDate } : {}),
      updated_at: stamp(ctx.clock.now()),
    });
  });
  return detailOrThrow(ctx, id);
}

/** Moves a process along the status machine and records who, when and why, in one transaction. */
export async function changeStatus(ctx: Ctx, id: string, to: ProcessStatus, reason: string | undefined): Promise<ProcessDetail> {
  await ctx.repo.transaction(async (tx) => {
    const process = await processForUpdate(tx, id);
    if (!process) throw notFound();
    const move = transition(process.status, to);
    if (!move.ok) throw unprocessable('invalid_transition', move.reason, field('status', move.reason));
    const now = ctx.clock.now();
    await tx.update(
      'processes',
      id,
      { status: to, updated_at: stamp(now) },
      { action: 'process.status', details: { from: process.status, to } },
    );
    await tx.insert('process_status_changes', {
      process_id: id,
      from_status: process.status,
      to_status: to,
      reason: reason ?? null,
      changed_by: ctx.repo.caller.userId,
      at: now,
    });
  });
  return detailOrThrow(ctx, id);
}
