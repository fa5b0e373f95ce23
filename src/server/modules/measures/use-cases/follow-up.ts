// Seeing change and acting on it: a person's scores over time, one answer in full (audited),
// alerts as tasks, aggregates for management, and the return-on-investment scenario.
import type { MeasureCurrency, Severity } from '../../../../shared/measures.js';
import { roiRangeProblem } from '../../../../shared/measures-logic.js';
import { hasRole } from '../../../kernel/access/caller.js';
import type { Repository } from '../../../kernel/access/repository.js';
import type { AlertOutcome } from '../../../kernel/db/schema.js';
import { conflict, forbidden, notFound, unprocessable } from '../../../kernel/errors.js';
import { isLocale, type Locale } from '../../../kernel/i18n/i18n.js';
import type { ServiceContext } from '../../../kernel/service-context.js';
import { invoicing } from '../../processes/use-cases/invoicing.js';
import { type AnswerRow, aggregateGroup, aggregateOrganisation, MIN_GROUP_SIZE } from '../logic/aggregate.js';
import type { InstrumentDefinition } from '../logic/instrument.js';
import { type Country, defaultSickDayCost, roiScenario } from '../logic/roi.js';
import { resolveInstrument, settingsOf } from '../registry.js';
import { pick, providerRow, shownTranslationOf } from './common.js';

/** What these use cases need of the service context (src/server/kernel/service-context.ts). */
type Ctx = Pick<ServiceContext, 'repo' | 'clock' | 'cipher'>;

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

const bandsOut = (def: InstrumentDefinition) =>
  def.bands.map((b) => ({ id: b.id, min: b.min, max: b.max, label: b.label, severity: b.severity }));

/** Definitions for a set of keys, each resolved once (custom ones may have gone inactive: still shown). */
async function definitions(repo: Repository, keys: readonly string[]): Promise<Map<string, InstrumentDefinition>> {
  const out = new Map<string, InstrumentDefinition>();
  for (const key of new Set(keys)) {
    try {
      out.set(key, (await resolveInstrument(repo, key)).def);
    } catch {
      // An instrument removed since: its answers are shown without a definition-specific frame.
    }
  }
  return out;
}

async function seriesOf(repo: Repository, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  const rows = await repo
    .select('responses')
    .select([
      'responses.id',
      'responses.instrument_key',
      'responses.score',
      'responses.band',
      'responses.submitted_at',
      'responses.process_id',
      'responses.form_locale',
      'responses.translation_version',
    ])
    .where('responses.person_id', 'in', [...personIds])
    .orderBy('responses.submitted_at')
    .limit(2000)
    .execute();
  const defs = await definitions(
    repo,
    rows.map((r) => r.instrument_key),
  );
  const byKey = new Map<string, typeof rows>();
  for (const r of rows) {
    const list = byKey.get(r.instrument_key);
    if (list) list.push(r);
    else byKey.set(r.instrument_key, [r]);
  }
  return [...byKey].flatMap(([key, points]) => {
    const def = defs.get(key);
    if (!def) return [];
    return [
      {
        instrumentKey: key,
        name: def.name,
        min: def.scoring.min,
        max: def.scoring.max,
        higherIsBetter: def.higherIsBetter,
        bands: bandsOut(def),
        points: points.map((p) => ({
          responseId: p.id,
          at: iso(p.submitted_at) as string,
          score: Number(p.score),
          bandId: p.band,
          processId: p.process_id,
          translation: shownTranslationOf(p),
        })),
      },
    ];
  });
}

/** A person's scores over time: for their practitioners (the policy limits the rows to their processes). */
export async function personMeasures(ctx: Ctx, personId: string) {
  const person = await ctx.repo.select('people').select(['people.id', 'people.name']).where('people.id', '=', personId).executeTakeFirst();
  if (!person) throw notFound();
  const series = await seriesOf(ctx.repo, [personId]);
  // A practitioner may find a person of the provider who is not in their caseload: no answers
  // reach them then, and they learn nothing more than the name they could already look up.
  await ctx.repo.audit({ action: 'measures.read', entityType: 'person', entityId: personId });
  return { person: { id: person.id, name: person.name }, series };
}

/** The signed-in participant's own scores. */
export async function myMeasures(ctx: Ctx) {
  const people = await ctx.repo
    .select('people')
    .select(['people.id', 'people.name'])
    .where('people.user_id', '=', ctx.repo.caller.userId as string)
    .execute();
  const first = people[0];
  return {
    person: first ? { id: first.id, name: first.name } : null,
    series: await seriesOf(
      ctx.repo,
      people.map((p) => p.id),
    ),
  };
}

/** One answer in full for the person's practitioner; every read is audited, free text decrypted. */
export async function responseDetail(ctx: Ctx, id: string, locale: Locale) {
  const row = await ctx.repo
    .select('responses')
    .innerJoin('people', 'people.id', 'responses.person_id')
    .selectAll('responses')
    .select('people.name as person_name')
    .where('responses.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound();
  const shown = shownTranslationOf(row);
  const { def } = await resolveInstrument(ctx.repo, row.instrument_key, row.instrument_version, shown ?? undefined);
  const free: Record<string, string> = row.free_text_sealed
    ? JSON.parse(ctx.cipher.decrypt(row.free_text_sealed, `response:${row.checkin_id}`))
    : {};
  await ctx.repo.audit({ action: 'response.read', entityType: 'response', entityId: id });
  const band = def.bands.find((b) => b.id === row.band);
  return {
    id: row.id,
    personId: row.person_id,
    personName: row.person_name,
    processId: row.process_id,
    instrumentKey: row.instrument_key,
    instrumentName: pick(def.name, locale),
    submittedAt: iso(row.submitted_at) as string,
    score: Number(row.score),
    // Stored from the band's own severity when the answer was scored.
    band: { id: row.band, label: band ? pick(band.label, locale) : row.band, severity: row.severity as Severity },
    flags: row.flags.map((f) => {
      const flag = def.flags.find((x) => x.id === f);
      return { id: f, label: flag ? pick(flag.label, locale) : f };
    }),
    items: def.items
      .filter((i) => i.type === 'choice')
      .map((i) => {
        const answer = row.answers[i.id] ?? null;
        const option = i.type === 'choice' ? def.optionSets[i.options]?.find((o) => o.value === answer) : undefined;
        return { id: i.id, text: pick(i.text, locale), answer, answerLabel: option ? pick(option.label, locale) : null };
      }),
    freeText: free,
    formLocale: row.form_locale,
    providerEntered: shown
      ? {
          version: shown.version,
          source: def.languages[shown.locale]?.source ?? '',
          providerName: (await providerRow(ctx.repo)).name,
        }
      : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Alerts

export function alertQuery(repo: Repository) {
  return repo
    .select('measure_alerts')
    .innerJoin('processes', 'processes.id', 'measure_alerts.process_id')
    .innerJoin('people', 'people.id', 'measure_alerts.person_id')
    .innerJoin('responses', 'responses.id', 'measure_alerts.response_id')
    .selectAll('measure_alerts')
    .select(['processes.title as process_title', 'people.name as person_name', 'responses.score', 'responses.band']);
}

type AlertRow = Awaited<ReturnType<ReturnType<typeof alertQuery>['executeTakeFirstOrThrow']>>;

function alertOut(a: AlertRow) {
  return {
    id: a.id,
    processId: a.process_id,
    processTitle: a.process_title,
    personId: a.person_id,
    personName: a.person_name,
    instrumentKey: a.instrument_key,
    reasons: a.reasons,
    level: a.level,
    status: a.status,
    score: Number(a.score),
    bandId: a.band,
    createdAt: iso(a.created_at) as string,
    acknowledgedAt: iso(a.acknowledged_at),
    contactedAt: iso(a.contacted_at),
    referralAt: iso(a.referral_at),
    closedAt: iso(a.closed_at),
    outcome: a.outcome,
    escalatedAt: iso(a.escalated_at),
    responseId: a.response_id,
  };
}

export async function listAlerts(ctx: Ctx, status: 'open' | 'all') {
  let q = alertQuery(ctx.repo);
  if (status === 'open') q = q.where('measure_alerts.status', '!=', 'closed');
  const rows = await q.orderBy('measure_alerts.created_at', 'desc').limit(500).execute();
  const open = (a: AlertRow) => a.status !== 'closed';
  rows.sort((a, b) => {
    const rank = (x: AlertRow) => (open(x) && x.level === 'urgent' ? 0 : open(x) ? 1 : 2);
    return rank(a) - rank(b) || new Date(b.created_at).getTime() - new Date(a.created_at).getTime();
  });
  return { items: rows.map(alertOut) };
}

async function alertRow(repo: Repository, id: string) {
  const row = await alertQuery(repo).where('measure_alerts.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

export async function getAlert(ctx: Ctx, id: string) {
  const row = await alertRow(ctx.repo, id);
  let referralNote: string | null = null;
  if (row.referral_note_sealed) {
    referralNote = ctx.cipher.decrypt(row.referral_note_sealed, `alert:${id}`);
    // One read per view: the same session re-opening or re-rendering the alert within a minute is
    // the same read, recorded once (issue 9).
    await ctx.repo.audit({
      action: 'alert.referral_note.read',
      entityType: 'alert',
      entityId: id,
      oncePerSession: { ms: 60_000, now: ctx.clock.now() },
    });
  }
  return { ...alertOut(row), referralNote };
}

export type AlertStep =
  | { step: 'acknowledge' }
  | { step: 'contact' }
  | { step: 'referral'; note: string }
  | { step: 'close'; outcome: AlertOutcome };

/** An alert is a task: acknowledge, contact, offer a referral, close with an outcome. */
export async function advanceAlert(ctx: Ctx, id: string, step: AlertStep) {
  await ctx.repo.transaction(async (repo) => {
    const row = await alertRow(repo, id);
    if (row.status === 'closed') throw conflict('This alert is already closed');
    const now = ctx.clock.now();
    const me = repo.caller.userId;
    const ack = row.acknowledged_at ? {} : { acknowledged_at: now, acknowledged_by: me, status: 'acknowledged' as const };
    switch (step.step) {
      case 'acknowledge':
        if (row.acknowledged_at) throw conflict('This alert is already acknowledged');
        await repo.update('measure_alerts', id, ack, { action: 'alert.acknowledge' });
        break;
      case 'contact':
        await repo.update('measure_alerts', id, { ...ack, contacted_at: now, contacted_by: me }, { action: 'alert.contact' });
        break;
      case 'referral':
        await repo.update(
          'measure_alerts',
          id,
          { ...ack, referral_at: now, referral_by: me, referral_note_sealed: ctx.cipher.encrypt(step.note, `alert:${id}`) },
          { action: 'alert.referral' },
        );
        break;
      case 'close':
        await repo.update(
          'measure_alerts',
          id,
          { ...ack, status: 'closed', closed_at: now, closed_by: me, outcome: step.outcome },
          { action: 'alert.close', details: { outcome: step.outcome } },
        );
        break;
    }
  });
  return getAlert(ctx, id);
}

// ---------------------------------------------------------------------------------------------
// Aggregates

/** The answers an aggregate folds, within the caller's aggregate reach (kept as a SQL snapshot). */
export function aggregateRowsQuery(repo: Repository, scope: { processId?: string | undefined; organisationId?: string | undefined }) {
  const q = repo
    .selectForAggregate('responses')
    .select([
      'responses.instrument_key',
      'responses.process_id',
      'responses.person_id',
      'responses.score',
      'responses.band',
      'responses.submitted_at',
    ]);
  return scope.processId
    ? q.where('responses.process_id', '=', scope.processId)
    : q.where('responses.organisation_id', '=', scope.organisationId as string);
}

/**
 * Aggregates per instrument and closed month for a process or an organisation. The rows come
 * from the repository's aggregate grant (the caller's reach) and leave only through the
 * thresholded functions of logic/aggregate.ts.
 */
export async function aggregates(ctx: Ctx, scope: { processId?: string | undefined; organisationId?: string | undefined }) {
  if (!scope.processId === !scope.organisationId)
    throw unprocessable('invalid_scope', 'Name a process or an organisation', [
      { path: 'processId', message: 'one of processId, organisationId' },
    ]);
  // The scope itself must be reachable: a client contact of another organisation finds nothing.
  if (scope.processId) {
    const ok = await ctx.repo.readableIds('processes', [scope.processId]);
    if (!ok.has(scope.processId)) throw notFound();
  } else if (scope.organisationId) {
    const ok = await ctx.repo.readableIds('organisations', [scope.organisationId]);
    if (!ok.has(scope.organisationId)) throw notFound();
  }
  const provider = await providerRow(ctx.repo);
  const rows = await aggregateRowsQuery(ctx.repo, scope).execute();
  const zone = provider.time_zone;
  // One formatter for all rows (a Luxon object per row was most of the time at 50,000 answers).
  const monthOf = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit' });
  const currentMonth = monthOf.format(ctx.clock.now());
  const byKey = new Map<string, AnswerRow[]>();
  for (const r of rows) {
    const row = {
      month: monthOf.format(new Date(r.submitted_at)),
      processId: r.process_id,
      personId: r.person_id,
      score: Number(r.score),
      band: r.band,
    };
    const list = byKey.get(r.instrument_key);
    if (list) list.push(row);
    else byKey.set(r.instrument_key, [row]);
  }
  const defs = await definitions(ctx.repo, [...byKey.keys()]);
  const items = [...byKey].flatMap(([key, answerRows]) => {
    const def = defs.get(key);
    if (!def) return [];
    const months = scope.processId ? aggregateGroup(answerRows, currentMonth) : aggregateOrganisation(answerRows, currentMonth);
    return [
      {
        instrumentKey: key,
        name: def.name,
        min: def.scoring.min,
        max: def.scoring.max,
        higherIsBetter: def.higherIsBetter,
        bands: def.bands.map((b) => ({ id: b.id, label: b.label, severity: b.severity })),
        months,
      },
    ];
  });
  return { minGroupSize: MIN_GROUP_SIZE, items };
}

// ---------------------------------------------------------------------------------------------
// Return on investment (a scenario)

export async function roi(ctx: Ctx, input: { organisationId: string; from: string; to: string; sickDayCostCents?: number | undefined }) {
  const rangeProblem = roiRangeProblem(input.from, input.to);
  if (rangeProblem === 'before_from')
    throw unprocessable('invalid_range', 'The end is before the start', [{ path: 'to', message: 'before from' }]);
  if (rangeProblem === 'too_long')
    throw unprocessable('invalid_range', 'At most three years at a time', [{ path: 'to', message: 'range too long' }]);
  if (!hasRole(ctx.repo.caller, 'provider_admin', 'client_contact')) throw forbidden();
  const provider = await providerRow(ctx.repo);
  const basis = await invoicing(ctx, input.organisationId, input.from, input.to);
  const supportCostCents = basis.totalCents;
  const heldSessions = basis.rows.filter((r) => r.chargedCents > 0).length;
  const currency = basis.rows.length ? basis.currency : null;
  const country = provider.country as Country;
  const settings = await settingsOf(ctx.repo);
  const fallback = defaultSickDayCost[country];
  const [sickDayCostCents, source] =
    input.sickDayCostCents !== undefined
      ? [input.sickDayCostCents, 'query' as const]
      : settings.sick_day_cost_cents !== null
        ? [settings.sick_day_cost_cents, 'setting' as const]
        : [fallback.cents, 'default' as const];
  const scenario = sickDayCostCents && sickDayCostCents > 0 ? roiScenario(supportCostCents, sickDayCostCents) : null;
  return {
    organisationId: input.organisationId,
    from: input.from,
    to: input.to,
    // A process is invoiced in EUR, SEK or NOK (the processes contract).
    currency: (currency ?? fallback.currency) as MeasureCurrency,
    supportCostCents,
    heldSessions,
    sickDayCostCents: sickDayCostCents ?? null,
    sickDayCostSource: source,
    breakEvenDays: scenario?.breakEvenDays ?? null,
    scenario: true as const,
  };
}

export function localeOf(value: string | null | undefined): Locale {
  return isLocale(value) ? value : 'en';
}
