import type { Updateable } from 'kysely';
import { hasRole } from '../../kernel/access/caller.js';
import type { Repository } from '../../kernel/access/repository.js';
import type { Clock } from '../../kernel/clock.js';
import type { Cadence, Place, ProcessesTable, ProcessStatus, ServiceKind } from '../../kernel/db/schema.js';
import { badRequest, conflict, HttpError, isUniqueViolation, notFound, unprocessable } from '../../kernel/errors.js';
import {
  type BillableMeeting,
  type CsvLocale,
  computeInvoicing,
  currencyOfCountry,
  fileSlug,
  type InvoicingRow,
  isCrisisKind,
  localDate,
  monthRange,
  processDefaults,
  renderInvoicingCsv,
  scalingSeries,
  transition,
} from './logic.js';
import { emailChangedMail } from './mail.js';
import {
  continuationChain,
  goalOut,
  meetingsForInvoicing,
  type ProcessDetail,
  peopleOfOrganisation,
  personById,
  practitionerUserIds,
  processDetail,
  processForUpdate,
  scalingData,
  serviceById,
  whatWorksOut,
} from './queries.js';

// Composition of the processes module: each function checks its references, writes through the
// caller's repository (one transaction, audited there) and answers with what the route returns.

export interface Ctx {
  repo: Repository;
  clock: Clock;
}

const field = (path: string, message: string) => [{ path, message }];

/** Who was put on (or taken off) which process, named in the audit event for the security view. */
const assignment = (userId: string, processId: string) => ({ details: { userId, processId } });

/**
 * `processes.updated_at` is typed `Generated<Timestamp>` in the kernel schema, which makes Kysely
 * expect the column-type object itself in an update; a Date is what it takes at run time.
 */
const stamp = (at: Date) => at as unknown as Updateable<ProcessesTable>['updated_at'];

/** The caller's own provider row (the kernel reads it: not a tenant table). */
function provider(ctx: Ctx) {
  return ctx.repo.provider();
}

/** A referenced organisation the caller cannot reach is, for them, not there. */
async function requireOrganisation(repo: Repository, id: string, path = 'organisationId'): Promise<void> {
  const ok = await repo.readableIds('organisations', [id]);
  if (!ok.has(id)) throw new HttpError(404, 'not_found', 'Unknown organisation', field(path, 'not found'));
}

async function requireService(repo: Repository, id: string, path = 'serviceId') {
  const service = await serviceById(repo, id);
  if (!service) throw unprocessable('invalid_reference', 'Unknown service', field(path, 'not found'));
  if (!service.active) throw unprocessable('invalid_reference', 'The service is no longer offered', field(path, 'inactive'));
  return service;
}

async function requireUnit(repo: Repository, organisationId: string, unitId: string): Promise<void> {
  const unit = await repo
    .select('units')
    .select('units.id')
    .where('units.id', '=', unitId)
    .where('units.organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (!unit) throw unprocessable('invalid_reference', 'Unknown unit', field('unitId', 'not a unit of this organisation'));
}

async function requirePractitioners(repo: Repository, userIds: readonly string[], path: string): Promise<void> {
  const found = await practitionerUserIds(repo, userIds);
  const missing = userIds.findIndex((id) => !found.has(id));
  if (missing >= 0)
    throw unprocessable(
      'invalid_reference',
      'Not a practitioner of this provider',
      field(path.includes('[]') ? path.replace('[]', `.${missing}`) : path, 'not a practitioner'),
    );
}

async function requirePeople(repo: Repository, organisationId: string, personIds: readonly string[], path: string): Promise<void> {
  const found = await peopleOfOrganisation(repo, organisationId, personIds);
  const missing = personIds.findIndex((id) => !found.has(id));
  if (missing >= 0)
    throw unprocessable(
      'invalid_reference',
      'Not a person of this organisation',
      field(path.includes('[]') ? path.replace('[]', `.${missing}`) : path, 'not a person of the organisation'),
    );
}

/** The process as the caller reaches it, or 404: a colleague who is not on it finds nothing. */
async function requireProcess(repo: Repository, id: string) {
  const row = await repo.select('processes').selectAll('processes').where('processes.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

function checkDates(startDate: string | null | undefined, reviewDate: string | null | undefined): void {
  if (startDate && reviewDate && reviewDate < startDate)
    throw badRequest('The review date is before the start date', field('reviewDate', 'before the start date'));
}

export async function detailOrThrow(ctx: Ctx, id: string): Promise<ProcessDetail> {
  const detail = await processDetail(ctx.repo, id, ctx.clock.now());
  if (!detail) throw notFound();
  return detail;
}

// ---------------------------------------------------------------------------------------------
// Services

export interface ServiceInput {
  kind: ServiceKind;
  name: string;
  defaultMinutes: number;
  defaultCadence: Cadence;
  defaultPlace: Place;
  priceCents: number;
  currency?: 'EUR' | 'SEK' | 'NOK' | undefined;
  active?: boolean | undefined;
}

export async function createService(ctx: Ctx, input: ServiceInput) {
  const currency = input.currency ?? currencyOfCountry((await provider(ctx)).country);
  return ctx.repo.insert('services', {
    kind: input.kind,
    name: input.name,
    default_minutes: input.defaultMinutes,
    default_cadence: input.defaultCadence,
    default_place: input.defaultPlace,
    price_cents: input.priceCents,
    currency,
    active: input.active ?? true,
  });
}

export async function updateService(ctx: Ctx, id: string, input: Partial<ServiceInput>) {
  const patch = {
    ...(input.kind !== undefined ? { kind: input.kind } : {}),
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.defaultMinutes !== undefined ? { default_minutes: input.defaultMinutes } : {}),
    ...(input.defaultCadence !== undefined ? { default_cadence: input.defaultCadence } : {}),
    ...(input.defaultPlace !== undefined ? { default_place: input.defaultPlace } : {}),
    ...(input.priceCents !== undefined ? { price_cents: input.priceCents } : {}),
    ...(input.currency !== undefined ? { currency: input.currency } : {}),
    ...(input.active !== undefined ? { active: input.active } : {}),
  };
  // Existing processes and booked meetings keep the price they were agreed at.
  return ctx.repo.update('services', id, patch);
}

// ---------------------------------------------------------------------------------------------
// People

export interface PersonInput {
  organisationId: string;
  name: string;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  locale?: 'fi' | 'sv' | 'nb' | 'en' | null | undefined;
  unitId?: string | null | undefined;
}

async function uniqueEmail<R>(work: () => Promise<R>): Promise<R> {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('This organisation already has a person with that e-mail', field('email', 'already in use'));
    throw err;
  }
}

export async function createPerson(ctx: Ctx, input: PersonInput) {
  return uniqueEmail(() =>
    ctx.repo.transaction(async (tx) => {
      await requireOrganisation(tx, input.organisationId);
      if (input.unitId) await requireUnit(tx, input.organisationId, input.unitId);
      return tx.insert('people', {
        organisation_id: input.organisationId,
        name: input.name,
        email: input.email ?? null,
        phone: input.phone ?? null,
        locale: input.locale ?? null,
        unit_id: input.unitId ?? null,
      });
    }),
  );
}

export async function updatePerson(ctx: Ctx, id: string, input: Partial<Omit<PersonInput, 'organisationId'>>) {
  return uniqueEmail(() =>
    ctx.repo.transaction(async (tx) => {
      const person = await personById(tx, id);
      if (!person) throw notFound();
      if (input.unitId) await requireUnit(tx, person.organisation_id, input.unitId);
      // Who may change which field is the policy's (people: contact details are the person's and
      // their practitioners'); this only composes the write.
      const updated = await tx.update('people', id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.email !== undefined ? { email: input.email } : {}),
        ...(input.phone !== undefined ? { phone: input.phone } : {}),
        ...(input.locale !== undefined ? { locale: input.locale } : {}),
        ...(input.unitId !== undefined ? { unit_id: input.unitId } : {}),
      });
      // The old address hears of a new one, in the same transaction: a change made behind the
      // person's back does not go unnoticed.
      if (person.email && person.email.toLowerCase() !== (updated.email ?? '').toLowerCase()) {
        const providerRow = await tx.provider();
        const mail = emailChangedMail(updated.locale ?? person.locale ?? providerRow.default_locale, {
          name: updated.name,
          providerName: providerRow.name,
          newAddress: updated.email,
        });
        await tx.enqueueMail({ to: person.email, ...mail });
      }
      return updated;
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Processes

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
  checkDates(input.startDate, input.reviewDate);
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
    const created = await tx.insert('processes', {
      organisation_id: input.organisationId,
      service_id: service.id,
      kind: terms.kind,
      title: input.title,
      status: 'proposed',
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
      crisis_event_at: null,
      continued_from_id: null,
      request_id: null,
      created_by: me,
    });
    // The caller's own row first: for a practitioner it is what puts the process in their reach.
    for (const userId of practitionerIds)
      await tx.insert('process_practitioners', { process_id: created.id, user_id: userId }, assignment(userId, created.id));
    for (const personId of participantIds) await tx.insert('process_participants', { process_id: created.id, person_id: personId });
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

export async function addParticipant(ctx: Ctx, processId: string, personId: string): Promise<ProcessDetail> {
  await ctx.repo.transaction(async (tx) => {
    const process = await requireProcess(tx, processId);
    await requirePeople(tx, process.organisation_id, [personId], 'personId');
    const existing = await tx
      .select('process_participants')
      .select('process_participants.id')
      .where('process_participants.process_id', '=', processId)
      .where('process_participants.person_id', '=', personId)
      .executeTakeFirst();
    if (existing) throw conflict('Already a participant', field('personId', 'already a participant'));
    await tx.insert('process_participants', { process_id: processId, person_id: personId });
  });
  return detailOrThrow(ctx, processId);
}

export async function removeParticipant(ctx: Ctx, processId: string, personId: string): Promise<void> {
  await ctx.repo.transaction(async (tx) => {
    await requireProcess(tx, processId);
    const link = await tx
      .select('process_participants')
      .select('process_participants.id')
      .where('process_participants.process_id', '=', processId)
      .where('process_participants.person_id', '=', personId)
      .executeTakeFirst();
    if (!link) throw notFound();
    await tx.delete('process_participants', link.id);
  });
}

export async function addPractitioner(ctx: Ctx, processId: string, userId: string): Promise<ProcessDetail> {
  await ctx.repo.transaction(async (tx) => {
    await requireProcess(tx, processId);
    // Joining an existing process opens its answers and notes to the one who joins: someone else
    // decides that (policy.ts refuses it as well; this says why).
    if (userId === tx.caller.userId)
      throw new HttpError(
        403,
        'self_grant',
        'Nobody assigns themself to a process: ask a colleague or another administrator',
        field('userId', 'your own account'),
      );
    await requirePractitioners(tx, [userId], 'userId');
    const existing = await tx
      .select('process_practitioners')
      .select('process_practitioners.id')
      .where('process_practitioners.process_id', '=', processId)
      .where('process_practitioners.user_id', '=', userId)
      .executeTakeFirst();
    if (existing) throw conflict('Already a practitioner of this process', field('userId', 'already on the process'));
    await tx.insert('process_practitioners', { process_id: processId, user_id: userId }, assignment(userId, processId));
  });
  return detailOrThrow(ctx, processId);
}

/** Removes a practitioner; the last one stays (a process nobody leads would drop out of every caseload). */
export async function removePractitioner(ctx: Ctx, processId: string, userId: string): Promise<void> {
  await ctx.repo.transaction(async (tx) => {
    await requireProcess(tx, processId);
    const links = await tx
      .select('process_practitioners')
      .select(['process_practitioners.id', 'process_practitioners.user_id'])
      .where('process_practitioners.process_id', '=', processId)
      .forUpdate()
      .execute();
    const link = links.find((l) => l.user_id === userId);
    if (!link) throw notFound();
    if (links.length === 1)
      throw unprocessable('last_practitioner', 'A process keeps at least one practitioner', field('userId', 'the last practitioner'));
    await tx.delete('process_practitioners', link.id, assignment(userId, processId));
  });
}

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
    // so they are neither orphaned on a completed process nor booked twice.
    const ahead = await tx
      .select('meetings')
      .select('meetings.id')
      .where('meetings.process_id', '=', crisis.id)
      .where('meetings.status', '=', 'planned')
      .where('meetings.starts_at', '>', now)
      .execute();
    for (const meeting of ahead) {
      await tx.update('meetings', meeting.id, { process_id: created.id, price_cents: terms.priceCents, currency: terms.currency });
      for (const table of ['meeting_practitioners', 'meeting_attendance'] as const) {
        const rows = await tx.select(table).select(`${table}.id`).where(`${table}.meeting_id`, '=', meeting.id).execute();
        for (const row of rows) await tx.update(table, row.id, { process_id: created.id });
      }
    }
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

// ---------------------------------------------------------------------------------------------
// Scaling

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

// ---------------------------------------------------------------------------------------------
// Invoicing

export interface InvoicingResult {
  organisation: { id: string; name: string; businessId: string | null };
  month: string;
  currency: string;
  rows: InvoicingRow[];
  totalCents: number;
  locale: CsvLocale;
}

/**
 * The invoicing basis of one client organisation for one month of the provider's calendar, or for
 * the months from `month` to `toMonth` together (the ROI scenario sums a period in one pass).
 */
export async function invoicing(ctx: Ctx, organisationId: string, month: string, toMonth = month): Promise<InvoicingResult> {
  const organisation = await ctx.repo
    .select('organisations')
    .select(['organisations.id', 'organisations.name', 'organisations.business_id'])
    .where('organisations.id', '=', organisationId)
    .executeTakeFirst();
  if (!organisation) throw notFound('Unknown organisation');
  const providerRow = await provider(ctx);
  const { from } = monthRange(month, providerRow.time_zone);
  const { to } = monthRange(toMonth, providerRow.time_zone);
  const meetings = await meetingsForInvoicing(ctx.repo, organisationId, from, to);
  const billable: BillableMeeting[] = meetings.map((m) => ({
    id: m.id,
    startsAt: new Date(m.starts_at),
    status: m.status,
    lateCancellation: m.late_cancellation,
    cancelledByRole: m.cancelled_by_role,
    priceCents: m.price_cents,
    currency: m.currency,
    processTitle: m.process_title,
    serviceName: m.service_name,
  }));
  const result = computeInvoicing(billable, {
    lateCancellationChargePercent: providerRow.late_cancellation_charge_percent,
    timeZone: providerRow.time_zone,
  });
  const billed = new Set(result.rows.map((r) => r.meetingId));
  const currencies = [...new Set(billable.filter((m) => billed.has(m.id)).map((m) => m.currency))];
  if (currencies.length > 1)
    throw unprocessable(
      'mixed_currencies',
      `Meetings of this month are priced in ${currencies.join(' and ')}; one basis cannot add them up`,
    );
  const locale = (['fi', 'sv', 'nb', 'en'] as const).find((l) => l === providerRow.default_locale) ?? 'en';
  return {
    organisation: { id: organisation.id, name: organisation.name, businessId: organisation.business_id },
    month,
    currency: currencies[0] ?? currencyOfCountry(providerRow.country),
    rows: result.rows,
    totalCents: result.totalCents,
    locale,
  };
}

export function invoicingCsv(result: InvoicingResult): { filename: string; body: string } {
  return {
    filename: `invoicing-${fileSlug(result.organisation.name, result.organisation.id)}-${result.month}.csv`,
    body: renderInvoicingCsv({ rows: result.rows, totalCents: result.totalCents }, result.locale),
  };
}
