import {
  type Currency,
  type Goal,
  type Language,
  type ProcessDetail,
  type ProcessSummary,
  serviceNameIn,
  type WhatWorks,
} from '../../../shared/processes.js';
import type { Repository } from '../../kernel/access/repository.js';
import type { ProcessStatus } from '../../kernel/db/schema.js';
import { escapeLike } from '../../kernel/tenancy/queries.js';

// The answers' shapes (ProcessSummary, ProcessDetail, Goal…) are the shared contract's
// (src/shared/processes.ts): what is built here is what the routes declare.
export type { Goal, ProcessDetail, ProcessSummary } from '../../../shared/processes.js';

// Repository queries of the processes module. Every tenant row is read through the caller's
// repository, so its reach (admin: the provider; practitioner: own caseload; client contact: own
// organisation; participant: own processes) is applied in SQL before anything here adds to it.
// Lists are batched: a page of processes costs a fixed handful of queries, however long it is.

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null | undefined) => (d ? iso(d) : null);

// ---------------------------------------------------------------------------------------------
// Services and people

export function listServices(repo: Repository) {
  return repo
    .select('services')
    .selectAll('services')
    .orderBy('services.active', 'desc')
    .orderBy('services.kind')
    .orderBy('services.created_at')
    .execute();
}

export function serviceById(repo: Repository, id: string) {
  return repo.select('services').selectAll('services').where('services.id', '=', id).executeTakeFirst();
}

export function listPeople(repo: Repository, f: { organisationId?: string | undefined; q?: string | undefined }) {
  let query = repo.select('people').selectAll('people');
  if (f.organisationId) query = query.where('people.organisation_id', '=', f.organisationId);
  const q = f.q?.toLowerCase();
  if (q) {
    const pattern = `%${escapeLike(q)}%`;
    query = query.where((eb) =>
      eb.or([eb(eb.fn('lower', ['people.name']), 'like', pattern), eb(eb.fn('lower', ['people.email']), 'like', pattern)]),
    );
  }
  return query.orderBy('people.name').orderBy('people.id').limit(500).execute();
}

export function personById(repo: Repository, id: string) {
  return repo.select('people').selectAll('people').where('people.id', '=', id).executeTakeFirst();
}

// ---------------------------------------------------------------------------------------------
// Processes

export interface ProcessFilters {
  status?: ProcessStatus | 'open' | undefined;
  organisationId?: string | undefined;
}

/** Most processes one list answers; the newest first. */
export const listCap = 1000;

function processRows(repo: Repository) {
  return repo
    .select('processes')
    .innerJoin('organisations', 'organisations.id', 'processes.organisation_id')
    .innerJoin('services', 'services.id', 'processes.service_id')
    .selectAll('processes')
    .select([
      'organisations.name as organisation_name',
      'services.names as service_names',
      (eb) => eb.cast<string | null>('processes.start_date', 'text').as('start_text'),
      (eb) => eb.cast<string | null>('processes.review_date', 'text').as('review_text'),
    ]);
}

type ProcessRow = Awaited<ReturnType<ReturnType<typeof processRows>['executeTakeFirstOrThrow']>>;

/** The processes in the caller's reach, filtered. */
export function processList(repo: Repository, f: ProcessFilters) {
  let query = processRows(repo);
  if (f.status === 'open') query = query.where('processes.status', 'not in', ['completed', 'cancelled']);
  else if (f.status) query = query.where('processes.status', '=', f.status);
  if (f.organisationId) query = query.where('processes.organisation_id', '=', f.organisationId);
  return query.orderBy('processes.created_at', 'desc').orderBy('processes.id').limit(listCap).execute();
}

export function processRow(repo: Repository, id: string) {
  return processRows(repo).where('processes.id', '=', id).executeTakeFirst();
}

/** One process row, locked for the rest of the caller's transaction (status changes, continuing). */
export function processForUpdate(repo: Repository, id: string) {
  return repo.select('processes').selectAll('processes').where('processes.id', '=', id).forUpdate().executeTakeFirst();
}

/**
 * Summaries for many processes in three queries (practitioners, participant counts, meeting
 * bounds), whatever their number. Participants do not see who else takes part (policy.ts): for
 * them the list of participants is not readable and the count is null (not sent as a number).
 */
async function summarise(repo: Repository, rows: ProcessRow[], now: Date): Promise<ProcessSummary[]> {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const seesParticipants = repo.can('process_participants', 'read');
  const [practitioners, counts, bounds] = await Promise.all([
    repo
      .select('process_practitioners')
      .innerJoin('users', 'users.id', 'process_practitioners.user_id')
      .select(['process_practitioners.process_id', 'users.name'])
      .where('process_practitioners.process_id', 'in', ids)
      .orderBy('users.name')
      .execute(),
    seesParticipants
      ? repo
          .select('process_participants')
          .select(['process_participants.process_id', (eb) => eb.fn.countAll<number>().as('n')])
          .where('process_participants.process_id', 'in', ids)
          .groupBy('process_participants.process_id')
          .execute()
      : Promise.resolve([]),
    repo
      .select('meetings')
      .select([
        'meetings.process_id',
        (eb) =>
          eb.fn
            .min<Date | null>('meetings.starts_at')
            .filterWhere((f) => f.and([f('meetings.status', '=', 'planned'), f('meetings.starts_at', '>=', now)]))
            .as('next_at'),
        (eb) =>
          eb.fn
            .max<Date | null>('meetings.starts_at')
            .filterWhere((f) => f.and([f('meetings.status', '<>', 'cancelled'), f('meetings.starts_at', '<', now)]))
            .as('last_at'),
      ])
      .where('meetings.process_id', 'in', ids)
      .groupBy('meetings.process_id')
      .execute(),
  ]);
  const names = new Map<string, string[]>();
  for (const p of practitioners) names.set(p.process_id, [...(names.get(p.process_id) ?? []), p.name]);
  const count = new Map(counts.map((c) => [c.process_id, Number(c.n)]));
  const meetingBounds = new Map(bounds.map((b) => [b.process_id, b]));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind,
    status: r.status,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    serviceName: serviceNameIn(r.service_names, r.language),
    serviceNames: r.service_names,
    cadence: r.cadence,
    practitionerNames: names.get(r.id) ?? [],
    participantCount: seesParticipants ? (count.get(r.id) ?? 0) : null,
    nextMeetingAt: isoOrNull(meetingBounds.get(r.id)?.next_at),
    lastMeetingAt: isoOrNull(meetingBounds.get(r.id)?.last_at),
    continuedFromId: r.continued_from_id,
  }));
}

export async function processSummaries(repo: Repository, f: ProcessFilters, now: Date): Promise<ProcessSummary[]> {
  return summarise(repo, await processList(repo, f), now);
}

export const goalOut = (g: { id: string; title: string; closed_at: Date | string | null }): Goal => ({
  id: g.id,
  title: g.title,
  closedAt: isoOrNull(g.closed_at),
});

export const whatWorksOut = (w: { id: string; text: string; meeting_id: string | null; created_at: Date | string }): WhatWorks => ({
  id: w.id,
  text: w.text,
  meetingId: w.meeting_id,
  createdAt: iso(w.created_at),
});

/**
 * Everything the process page and the printable agreement show, for whoever asks: each part is
 * read through the caller's repository, so a client contact gets goals, "what works" and the
 * history (shared with the client) but never notes or scaling answers (they are not read here at
 * all), and a participant gets neither the participant list nor the history (policy.ts).
 */
export async function processDetail(repo: Repository, id: string, now: Date): Promise<ProcessDetail | null> {
  const row = await processRow(repo, id);
  if (!row) return null;
  const [summary] = await summarise(repo, [row], now);
  const [practitioners, participants, goals, whatWorks, history, successor, meetings] = await Promise.all([
    repo
      .select('process_practitioners')
      .innerJoin('users', 'users.id', 'process_practitioners.user_id')
      .select(['users.id', 'users.name', 'users.email'])
      .where('process_practitioners.process_id', '=', id)
      .orderBy('users.name')
      .execute(),
    repo.can('process_participants', 'read')
      ? repo
          .select('process_participants')
          .innerJoin('people', 'people.id', 'process_participants.person_id')
          .select(['people.id', 'people.name', 'people.email'])
          .where('process_participants.process_id', '=', id)
          .orderBy('people.name')
          .execute()
      : Promise.resolve([]),
    repo
      .select('goals')
      .select(['goals.id', 'goals.title', 'goals.closed_at'])
      .where('goals.process_id', '=', id)
      .orderBy('goals.position')
      .orderBy('goals.created_at')
      .execute(),
    repo
      .select('what_works')
      .select(['what_works.id', 'what_works.text', 'what_works.meeting_id', 'what_works.created_at'])
      .where('what_works.process_id', '=', id)
      .orderBy('what_works.created_at')
      .execute(),
    repo.can('process_status_changes', 'read')
      ? repo
          .select('process_status_changes')
          .leftJoin('users', 'users.id', 'process_status_changes.changed_by')
          .select([
            'process_status_changes.from_status',
            'process_status_changes.to_status',
            'process_status_changes.reason',
            'process_status_changes.at',
            'users.name as by_name',
          ])
          .where('process_status_changes.process_id', '=', id)
          .orderBy('process_status_changes.at')
          .execute()
      : Promise.resolve([]),
    repo
      .select('processes')
      .select('processes.id')
      .where('processes.continued_from_id', '=', id)
      .orderBy('processes.created_at')
      .executeTakeFirst(),
    repo
      .select('meetings')
      .select(['meetings.id', 'meetings.starts_at', 'meetings.ends_at', 'meetings.status'])
      .where('meetings.process_id', '=', id)
      .orderBy('meetings.starts_at')
      .limit(1000)
      .execute(),
  ]);
  return {
    ...(summary as ProcessSummary),
    serviceId: row.service_id,
    sessionMinutes: row.session_minutes,
    place: row.place,
    location: row.location,
    videoLink: row.video_link,
    priceCents: row.price_cents,
    // Database checks keep both to their enumerations.
    currency: row.currency as Currency,
    agreedSessions: row.agreed_sessions,
    language: row.language as Language,
    startDate: row.start_text,
    reviewDate: row.review_text,
    crisisEventAt: isoOrNull(row.crisis_event_at),
    requestId: row.request_id,
    practitioners: practitioners.map((p) => ({ userId: p.id, name: p.name, email: p.email })),
    participants: participants.map((p) => ({ personId: p.id, name: p.name, email: p.email })),
    goals: goals.map(goalOut),
    whatWorks: whatWorks.map(whatWorksOut),
    history: history.map((h) => ({ fromStatus: h.from_status, toStatus: h.to_status, reason: h.reason, at: iso(h.at), byName: h.by_name })),
    continuedAsId: successor?.id ?? null,
    meetings: meetings.map((m) => ({ id: m.id, startsAt: iso(m.starts_at), endsAt: iso(m.ends_at), status: m.status })),
  };
}

// ---------------------------------------------------------------------------------------------
// References checked before writing

/** Of these user ids, the ones that are practitioners of the caller's provider. */
export async function practitionerUserIds(repo: Repository, userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await repo
    .select('memberships')
    .select('memberships.user_id')
    .where('memberships.user_id', 'in', [...userIds])
    .where('memberships.role', '=', 'practitioner')
    .execute();
  return new Set(rows.map((r) => r.user_id));
}

/** Of these person ids, the ones of this organisation the caller may read. */
export async function peopleOfOrganisation(repo: Repository, organisationId: string, personIds: readonly string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await repo
    .select('people')
    .select('people.id')
    .where('people.id', 'in', [...personIds])
    .where('people.organisation_id', '=', organisationId)
    .execute();
  return new Set(rows.map((r) => r.id));
}

// ---------------------------------------------------------------------------------------------
// Scaling and invoicing

/** The process and the ones it continued from, newest first, as far as the caller can see them. */
export async function continuationChain(repo: Repository, id: string, maxLength = 20): Promise<string[] | null> {
  let current = await repo
    .select('processes')
    .select(['processes.id', 'processes.continued_from_id'])
    .where('processes.id', '=', id)
    .executeTakeFirst();
  if (!current) return null;
  const chain = [current.id];
  while (current?.continued_from_id && chain.length < maxLength && !chain.includes(current.continued_from_id)) {
    current = await repo
      .select('processes')
      .select(['processes.id', 'processes.continued_from_id'])
      .where('processes.id', '=', current.continued_from_id)
      .executeTakeFirst();
    if (current) chain.push(current.id);
  }
  return chain;
}

export async function scalingData(repo: Repository, chain: string[]) {
  const [goals, scores] = await Promise.all([
    repo
      .select('goals')
      .select(['goals.id', 'goals.process_id', 'goals.title', 'goals.position', 'goals.created_at'])
      .where('goals.process_id', 'in', chain)
      .execute(),
    repo
      .select('scaling_scores')
      .select(['scaling_scores.goal_id', 'scaling_scores.meeting_id', 'scaling_scores.person_id', 'scaling_scores.value'])
      .where('scaling_scores.process_id', 'in', chain)
      .execute(),
  ]);
  const meetingIds = [...new Set(scores.map((s) => s.meeting_id))];
  const meetings = meetingIds.length
    ? await repo.select('meetings').select(['meetings.id', 'meetings.starts_at']).where('meetings.id', 'in', meetingIds).execute()
    : [];
  return { goals, scores, meetings };
}

/** The meetings of one organisation that start within [from, to), with what the invoice names. */
export function meetingsForInvoicing(repo: Repository, organisationId: string, from: Date, to: Date) {
  return repo
    .select('meetings')
    .innerJoin('processes', 'processes.id', 'meetings.process_id')
    .innerJoin('services', 'services.id', 'processes.service_id')
    .select([
      'meetings.id',
      'meetings.starts_at',
      'meetings.status',
      'meetings.late_cancellation',
      'meetings.cancelled_by_role',
      'meetings.price_cents',
      'meetings.currency',
      'processes.title as process_title',
      'services.names as service_names',
      'services.vat_treatment',
      'services.vat_rate_bp',
      'services.vat_exempt_ground',
    ])
    .where('meetings.organisation_id', '=', organisationId)
    .where('meetings.starts_at', '>=', from)
    .where('meetings.starts_at', '<', to)
    .orderBy('meetings.starts_at')
    .execute();
}
