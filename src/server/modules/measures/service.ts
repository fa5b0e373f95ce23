// Composition of the measures module: check-in plans and check-ins of a process, the
// respondent's link (form, draft, answer, result), and the mails they cause. Every write goes
// through a repository (audited there) in one transaction together with its mail.
import type { Selectable } from 'kysely';
import type { Repository } from '../../kernel/access/repository.js';
import type { Credentials } from '../../kernel/access/system.js';
import type { Clock } from '../../kernel/clock.js';
import type { Config } from '../../kernel/config.js';
import { type DataCipher, hashToken, newToken } from '../../kernel/crypto.js';
import type { CheckinsTable, CheckinTrigger } from '../../kernel/db/schema.js';
import { conflict, HttpError, isUniqueViolation, notFound, unprocessable } from '../../kernel/errors.js';
import { isLocale, type Locale } from '../../kernel/i18n/i18n.js';
import { crisisLines } from './logic/guidance.js';
import { displayLocale, type InstrumentDefinition, type LocalText } from './logic/instrument.js';
import { crisisProtocol, planOccurrences, tooSoon } from './logic/plans.js';
import type { Country } from './logic/roi.js';
import { type Answers, answerProblems, scoreAnswers, topAlertLevel } from './logic/scoring.js';
import { formatExpiry, measuresMail, measuresTextsFor } from './mail.js';
import { resolveInstrument, settingsOf, usableInstrument } from './registry.js';

export interface Ctx {
  repo: Repository;
  clock: Clock;
  cipher: DataCipher;
  config: Config;
}

/** The respondent's routes: no repository yet, the kernel resolves the link to one. */
export type LinkCtx = Omit<Ctx, 'repo'> & { credentials: Credentials };

type CheckinRow = Selectable<CheckinsTable>;

/** The morning of an agreed start date (offsets count from it). */
function startOfDay(value: Date | string | null): Date | null {
  if (!value) return null;
  const day = typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
  return new Date(`${day}T08:00:00Z`);
}

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);
const field = (path: string, message: string) => [{ path, message }];

/** The caller's provider (name, country, zone): the kernel reads it, the providers table is not a tenant table. */
export function providerRow(repo: Repository) {
  return repo.provider();
}

/** Text in the wanted language, else English, else any. */
export function pick(text: LocalText, locale: Locale): string {
  return text[locale] ?? text.en ?? Object.values(text).find((v) => !!v) ?? '';
}

async function requireProcess(repo: Repository, id: string) {
  const row = await repo.select('processes').selectAll('processes').where('processes.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

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
async function checkinList(repo: Repository, processId: string, ids?: readonly string[]) {
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

// ---------------------------------------------------------------------------------------------
// Sending

interface Recipient {
  id: string;
  name: string;
  email: string | null;
  locale: string | null;
  organisation_id: string;
}

async function participantsOf(repo: Repository, processId: string, personIds?: readonly string[]): Promise<Recipient[]> {
  let q = repo
    .select('process_participants')
    .innerJoin('people', 'people.id', 'process_participants.person_id')
    .select(['people.id', 'people.name', 'people.email', 'people.locale', 'people.organisation_id'])
    .where('process_participants.process_id', '=', processId);
  if (personIds) q = q.where('people.id', 'in', personIds.length ? [...personIds] : ['00000000-0000-0000-0000-000000000000']);
  return q.execute();
}

/** The last time each person was sent this instrument (any process), for the minimum interval. */
async function lastAdministered(
  repo: Repository,
  personIds: readonly string[],
  instrumentKey: string,
  excludeId?: string,
): Promise<Map<string, Date>> {
  if (personIds.length === 0) return new Map();
  let q = repo
    .select('checkins')
    .select(['checkins.person_id', (eb) => eb.fn.max('checkins.sent_at').as('last')])
    .where('checkins.person_id', 'in', [...personIds])
    .where('checkins.instrument_key', '=', instrumentKey)
    .where('checkins.status', 'in', ['sent', 'answered']);
  if (excludeId) q = q.where('checkins.id', '!=', excludeId);
  const rows = await q.groupBy('checkins.person_id').execute();
  return new Map(rows.filter((r) => r.last).map((r) => [r.person_id, new Date(r.last as Date)]));
}

/**
 * Turns a stored check-in into a sent one: a fresh single-use token (only its hash is kept; the
 * reminder mints its own), an expiry, and the invitation mail in the person's language.
 */
async function dispatch(
  repo: Repository,
  ctx: Pick<Ctx, 'clock' | 'cipher' | 'config'>,
  checkin: Pick<CheckinRow, 'id' | 'locale'>,
  person: Recipient,
  def: InstrumentDefinition,
  provider: { name: string; time_zone: string },
  linkValidDays: number,
): Promise<void> {
  const now = ctx.clock.now();
  const token = newToken();
  const expiresAt = new Date(now.getTime() + linkValidDays * 86_400_000);
  await repo.update(
    'checkins',
    checkin.id,
    {
      status: 'sent',
      // A planned check-in is stored before its instrument is resolved: it is sent in the current version.
      instrument_version: def.version,
      sent_at: now,
      // The reminder goes where this link went, whatever people.email says later (issue 7, finding 1).
      sent_to: person.email,
      token_hash: hashToken(token),
      expires_at: expiresAt,
    },
    { action: 'checkin.send' },
  );
  const locale = displayLocale(def, checkin.locale);
  const mail = measuresMail('invitation', checkin.locale, {
    name: person.name,
    providerName: provider.name,
    instrumentName: pick(def.name, locale),
    link: `${ctx.config.publicUrl}/r/${token}`,
    expires: formatExpiry(expiresAt, provider.time_zone, checkin.locale),
  });
  await repo.enqueueMail({ to: person.email as string, ...mail });
}

function checkinLocale(person: Recipient, processLanguage: string): Locale {
  if (isLocale(person.locale)) return person.locale;
  return isLocale(processLanguage) ? processLanguage : 'en';
}

/** Sends an instrument to participants of a process at once. */
export async function sendNow(ctx: Ctx, processId: string, input: { instrumentKey: string; personIds?: string[] | undefined }) {
  return ctx.repo.transaction(async (repo) => {
    const process = await requireProcess(repo, processId);
    const def = await usableInstrument(repo, input.instrumentKey);
    const people = await participantsOf(repo, processId, input.personIds);
    if (input.personIds) {
      const found = new Set(people.map((p) => p.id));
      const missing = input.personIds.findIndex((id) => !found.has(id));
      if (missing >= 0)
        throw unprocessable('invalid_reference', 'Not a participant of this process', field(`personIds.${missing}`, 'not a participant'));
    }
    if (people.length === 0)
      throw unprocessable('no_participants', 'The process has no participants to send to', field('personIds', 'none'));
    const settings = await settingsOf(repo);
    const provider = await providerRow(repo);
    const now = ctx.clock.now();
    const last = await lastAdministered(
      repo,
      people.map((p) => p.id),
      def.key,
    );
    const skipped: { personId: string; reason: 'no_email' | 'too_soon' }[] = [];
    const created: string[] = [];
    for (const person of people) {
      if (!person.email) {
        skipped.push({ personId: person.id, reason: 'no_email' });
        continue;
      }
      if (tooSoon(last.get(person.id) ?? null, now, def.minIntervalDays)) {
        skipped.push({ personId: person.id, reason: 'too_soon' });
        continue;
      }
      const row = await repo.insert('checkins', {
        process_id: processId,
        organisation_id: process.organisation_id,
        person_id: person.id,
        plan_id: null,
        anchor: null,
        instrument_key: def.key,
        instrument_version: def.version,
        locale: checkinLocale(person, process.language),
        due_at: now,
        sent_by: repo.caller.userId,
      });
      await dispatch(repo, ctx, row, person, def, provider, settings.link_valid_days);
      created.push(row.id);
    }
    return { items: await checkinList(repo, processId, created), skipped };
  });
}

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
// Plans → check-ins (run after a plan changes and by the job)

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

/** Sends the process's scheduled check-ins whose time has come. */
async function sendDue(ctx: Ctx, processId: string): Promise<void> {
  const repo = ctx.repo;
  const due = await repo
    .select('checkins')
    .selectAll('checkins')
    .where('checkins.process_id', '=', processId)
    .where('checkins.status', '=', 'scheduled')
    .where('checkins.due_at', '<=', ctx.clock.now())
    .orderBy('checkins.due_at')
    .forUpdate()
    .skipLocked()
    .execute();
  if (due.length === 0) return;
  const settings = await settingsOf(repo);
  const provider = await providerRow(repo);
  const people = new Map((await participantsOf(repo, processId)).map((p) => [p.id, p]));
  // One resolution per instrument, not per check-in (each reads the provider's settings).
  const defs = new Map<string, InstrumentDefinition | null>();
  for (const c of due) {
    const person = people.get(c.person_id);
    if (!defs.has(c.instrument_key)) {
      try {
        defs.set(c.instrument_key, await usableInstrument(repo, c.instrument_key));
      } catch (e) {
        if (!(e instanceof HttpError)) throw e;
        defs.set(c.instrument_key, null);
      }
    }
    const def = defs.get(c.instrument_key) ?? null;
    // Per check-in, not batched: one sent earlier in this loop counts for the next.
    const last = def ? ((await lastAdministered(repo, [c.person_id], c.instrument_key, c.id)).get(c.person_id) ?? null) : null;
    if (!person?.email || !def || tooSoon(last, ctx.clock.now(), def.minIntervalDays)) {
      // Not a participant any more, no address, the instrument withdrawn, or asked too recently.
      await repo.update('checkins', c.id, { status: 'cancelled' }, { action: 'checkin.skip' });
      continue;
    }
    await dispatch(repo, ctx, c, person, def, provider, settings.link_valid_days);
  }
}

// ---------------------------------------------------------------------------------------------
// The respondent

export interface LinkMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/**
 * The check-in a link names, with a repository acting as its holder. Unknown, expired and used
 * links answer with what the respondent can do about it.
 */
export async function openLink(ctx: Pick<LinkCtx, 'credentials' | 'clock'>, token: string, meta: LinkMeta) {
  const found = await ctx.credentials.resolve('checkin-link', token, meta);
  if (!found || found.status === 'scheduled' || found.status === 'cancelled')
    throw new HttpError(404, 'link_unknown', 'This link is not valid');
  if (found.status === 'answered') throw new HttpError(409, 'already_answered', 'This questionnaire has already been answered. Thank you!');
  if (!found.expiresAt || found.expiresAt <= ctx.clock.now())
    throw new HttpError(410, 'link_expired', `This link has expired. Please contact ${found.providerName} for a new one.`, [
      { path: 'providerName', message: found.providerName },
    ]);
  const { repo } = found;
  return { repo, checkinId: found.checkinId, providerName: found.providerName };
}

function localisedInstrument(def: InstrumentDefinition, locale: Locale) {
  return {
    key: def.key,
    version: def.version,
    name: pick(def.name, locale),
    instructions: pick(def.instructions, locale),
    items: def.items.map((item) =>
      item.type === 'choice'
        ? {
            id: item.id,
            type: 'choice' as const,
            text: pick(item.text, locale),
            options: (def.optionSets[item.options] ?? []).map((o) => ({ value: o.value, label: pick(o.label, locale) })),
          }
        : { id: item.id, type: 'text' as const, text: pick(item.text, locale), maxLength: item.maxLength },
    ),
    gate: def.gate ? { item: def.gate.item, closesWith: def.gate.closesWith } : null,
  };
}

async function checkinOfLink(repo: Repository, checkinId: string) {
  return repo.select('checkins').selectAll('checkins').where('checkins.id', '=', checkinId).executeTakeFirstOrThrow();
}

/** The sealed draft, or a plain one written before drafts were sealed (kernel/db/seal-legacy.ts empties those). */
export function draftOf(cipher: DataCipher, checkin: Pick<CheckinRow, 'id' | 'draft' | 'draft_sealed'>): Answers | null {
  if (checkin.draft_sealed) return JSON.parse(cipher.decrypt(checkin.draft_sealed, `checkin-draft:${checkin.id}`)) as Answers;
  return (typeof checkin.draft === 'string' ? JSON.parse(checkin.draft) : checkin.draft) ?? null;
}

export async function respondentForm(
  ctx: Pick<LinkCtx, 'credentials' | 'clock' | 'cipher'>,
  token: string,
  wanted: Locale | undefined,
  meta: LinkMeta,
) {
  const { repo, checkinId, providerName } = await openLink(ctx, token, meta);
  const checkin = await checkinOfLink(repo, checkinId);
  const { def } = await resolveInstrument(repo, checkin.instrument_key, checkin.instrument_version || undefined);
  const available = (Object.keys(def.languages) as Locale[]).filter(isLocale);
  const locale = displayLocale(def, wanted ?? checkin.locale);
  return {
    providerName,
    locale,
    availableLocales: available,
    expiresAt: iso(checkin.expires_at) as string,
    draft: draftOf(ctx.cipher, checkin),
    instrument: localisedInstrument(def, locale),
  };
}

function problemsAsFields(problems: ReturnType<typeof answerProblems>) {
  return problems.map((p) => ({ path: `answers.${p.item}`, message: p.problem }));
}

export async function saveDraft(ctx: Pick<LinkCtx, 'credentials' | 'clock' | 'cipher'>, token: string, answers: Answers, meta: LinkMeta) {
  const { repo, checkinId } = await openLink(ctx, token, meta);
  const checkin = await checkinOfLink(repo, checkinId);
  const { def } = await resolveInstrument(repo, checkin.instrument_key, checkin.instrument_version || undefined);
  const problems = answerProblems(def, answers, { partial: true });
  if (problems.length) throw new HttpError(400, 'validation_failed', 'Some answers are not valid', problemsAsFields(problems));
  const savedAt = ctx.clock.now();
  // Sealed like every other free text: a draft holds answers and whatever the person typed.
  await repo.update(
    'checkins',
    checkinId,
    { draft: null, draft_sealed: ctx.cipher.encrypt(JSON.stringify(answers), `checkin-draft:${checkinId}`), draft_saved_at: savedAt },
    { action: 'checkin.draft' },
  );
  return { savedAt: savedAt.toISOString() };
}

/**
 * The answer: scored, stored (free text sealed), the check-in closed, alerts raised and, for an
 * urgent one, the practitioners mailed — all in one transaction, so an answer never exists
 * without its alert. The unique response per check-in makes a second submit a polite 409.
 */
export async function submitAnswers(ctx: LinkCtx, token: string, answers: Answers, wanted: Locale | undefined, meta: LinkMeta) {
  const { repo: linkRepo, checkinId } = await openLink(ctx, token, meta);
  try {
    return await linkRepo.transaction(async (repo) => {
      const checkin = await checkinOfLink(repo, checkinId);
      if (checkin.status !== 'sent')
        throw new HttpError(409, 'already_answered', 'This questionnaire has already been answered. Thank you!');
      const { def } = await resolveInstrument(repo, checkin.instrument_key, checkin.instrument_version || undefined);
      const problems = answerProblems(def, answers, { partial: false });
      if (problems.length)
        throw new HttpError(400, 'validation_failed', 'Some answers are missing or not valid', problemsAsFields(problems));
      const previous = await repo
        .select('responses')
        .select(['responses.score'])
        .where('responses.person_id', '=', checkin.person_id)
        .where('responses.instrument_key', '=', checkin.instrument_key)
        .orderBy('responses.submitted_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      const result = scoreAnswers(def, answers, previous ? Number(previous.score) : null);
      const choices: Record<string, number> = {};
      const texts: Record<string, string> = {};
      for (const [k, v] of Object.entries(answers)) {
        if (typeof v === 'number') choices[k] = v;
        else if (v.trim()) texts[k] = v.trim();
      }
      const now = ctx.clock.now();
      const response = await repo.insert('responses', {
        process_id: checkin.process_id,
        organisation_id: checkin.organisation_id,
        person_id: checkin.person_id,
        checkin_id: checkin.id,
        instrument_key: def.key,
        instrument_version: def.version,
        answers: JSON.stringify(choices),
        free_text_sealed: Object.keys(texts).length ? ctx.cipher.encrypt(JSON.stringify(texts), `response:${checkin.id}`) : null,
        score: result.score,
        band: result.band.id,
        severity: result.band.severity,
        flags: JSON.stringify(result.flags.map((f) => f.id)),
        guidance: result.guidance,
        submitted_at: now,
      });
      await repo.update(
        'checkins',
        checkin.id,
        { status: 'answered', answered_at: now, draft: null, draft_sealed: null },
        { action: 'checkin.answer' },
      );
      const level = topAlertLevel(result.alerts);
      if (level) {
        const alert = await repo.insert('measure_alerts', {
          process_id: checkin.process_id,
          person_id: checkin.person_id,
          checkin_id: checkin.id,
          response_id: response.id,
          instrument_key: def.key,
          reasons: JSON.stringify(result.alerts.map((a) => a.reason)),
          level,
          created_at: now,
        });
        if (level === 'urgent') await mailUrgentAlert(repo, ctx.config.publicUrl, checkin.process_id, alert.id);
      }
      const settings = await settingsOf(repo);
      const provider = await providerRow(repo);
      const locale = displayLocale(def, wanted ?? checkin.locale);
      return {
        result: {
          score: result.score,
          min: def.scoring.min,
          max: def.scoring.max,
          higherIsBetter: def.higherIsBetter,
          band: { id: result.band.id, label: pick(result.band.label, locale), severity: result.band.severity },
          explanation: measuresTextsFor(wanted ?? checkin.locale).resultBand[result.band.severity],
          guidance: {
            show: result.guidance,
            text: result.guidance ? (settings.guidance?.[wanted ?? checkin.locale] ?? settings.guidance?.en ?? null) : null,
            crisisLines: result.guidance ? crisisLines(provider.country as Country, wanted ?? checkin.locale) : [],
          },
        },
      };
    });
  } catch (e) {
    // Two submits racing: the second meets the unique answer of the first.
    if (isUniqueViolation(e)) throw new HttpError(409, 'already_answered', 'This questionnaire has already been answered. Thank you!');
    throw e;
  }
}

/** Recipients of an alert: the practitioners of its process (read by a system caller that may: the answer's holder may not). */
export function processPractitionerRecipients(system: Repository, processId: string) {
  return system
    .select('process_practitioners')
    .innerJoin('users', 'users.id', 'process_practitioners.user_id')
    .innerJoin('processes', 'processes.id', 'process_practitioners.process_id')
    .select(['users.email', 'users.name', 'users.locale', 'processes.title'])
    .where('process_practitioners.process_id', '=', processId)
    .where('users.disabled_at', 'is', null)
    .execute();
}

/** An urgent answer tells the process's practitioners at once, as the `alert-recipients` system caller, in the answer's transaction. */
async function mailUrgentAlert(repo: Repository, publicUrl: string, processId: string, alertId: string) {
  const system = repo.asSystem('alert-recipients');
  const provider = await providerRow(system);
  for (const r of await processPractitionerRecipients(system, processId)) {
    const mail = measuresMail('urgent', r.locale ?? provider.default_locale, {
      processTitle: r.title,
      link: `${publicUrl}/alerts/${alertId}`,
      providerName: provider.name,
    });
    await system.enqueueMail({ to: r.email, ...mail });
  }
}
