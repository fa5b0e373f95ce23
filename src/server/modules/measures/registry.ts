// The instruments a provider may use: the built-in definitions (code, versioned) and the
// provider's own questionnaires (rows, versioned), with the provider's settings applied.
import type { Selectable } from 'kysely';
import type { CustomInstrumentBody, InstrumentTranslation } from '../../../shared/measures.js';
import { customDecimals, scoreRange } from '../../../shared/measures-logic.js';
import type { Repository } from '../../kernel/access/repository.js';
import type { MeasureSettingsTable } from '../../kernel/db/schema.js';
import { HttpError, isUniqueViolation, notFound, unprocessable } from '../../kernel/errors.js';
import type { Locale } from '../../kernel/i18n/i18n.js';
import { applySettings, definitionProblems, type InstrumentDefinition, type LocalText } from './logic/instrument.js';
import { builtInInstrument, builtInInstruments, PCPTSD5_CUTOFF_SETTING } from './logic/instruments/index.js';
import {
  type AppliedTranslation,
  normaliseTexts,
  type TranslationTextsInput,
  translationProblems,
  withTranslation,
} from './logic/translation.js';
import type { InstrumentTranslationsTable } from './tables.js';

export type SettingsRow = Omit<Selectable<MeasureSettingsTable>, 'id' | 'provider_id'>;

export const defaultSettings: SettingsRow = {
  pcptsd5_cutoff: 3,
  tsq_licence_confirmed_at: null,
  tsq_licence_confirmed_by: null,
  escalation_minutes: 60,
  link_valid_days: 14,
  reminder_after_hours: 72,
  guidance: null,
  sick_day_cost_cents: null,
  updated_at: new Date(0),
};

/** The provider's measure settings, or the defaults when it never changed them. */
export async function settingsOf(repo: Repository): Promise<SettingsRow> {
  const row = await repo.select('measure_settings').selectAll('measure_settings').executeTakeFirst();
  return row ?? defaultSettings;
}

export interface ResolvedInstrument {
  def: InstrumentDefinition;
  custom: boolean;
  active: boolean;
  /** False while a licensed instrument lacks the provider's confirmation, or a custom one is inactive. */
  available: boolean;
}

function settingValues(settings: SettingsRow): Record<string, number> {
  return { [PCPTSD5_CUTOFF_SETTING]: settings.pcptsd5_cutoff };
}

function resolveBuiltIn(
  def: InstrumentDefinition,
  settings: SettingsRow,
  translations: readonly AppliedTranslation[] = [],
): ResolvedInstrument {
  const licensed = !def.requiresLicence || (def.key === 'tsq' && settings.tsq_licence_confirmed_at !== null);
  const translated = translations.reduce(withTranslation, def);
  return { def: applySettings(translated, settingValues(settings)), custom: false, active: true, available: licensed };
}

// ---------------------------------------------------------------------------------------------
// The provider's entered translations of built-ins

type TranslationRow = Selectable<InstrumentTranslationsTable>;

const applied = (r: Pick<TranslationRow, 'locale' | 'version' | 'source' | 'texts'>): AppliedTranslation => ({
  locale: r.locale,
  version: r.version,
  source: r.source,
  texts: r.texts,
});

/** The rows in use, per instrument: the newest version not withdrawn, per language (rows come newest first). */
function currentOf(rows: readonly TranslationRow[]): Map<string, AppliedTranslation[]> {
  const seen = new Set<string>();
  const out = new Map<string, AppliedTranslation[]>();
  for (const r of rows) {
    if (r.withdrawn_at || seen.has(`${r.instrument_key}:${r.locale}`)) continue;
    seen.add(`${r.instrument_key}:${r.locale}`);
    out.set(r.instrument_key, [...(out.get(r.instrument_key) ?? []), applied(r)]);
  }
  return out;
}

function translationQuery(repo: Repository) {
  return repo
    .select('instrument_translations')
    .selectAll('instrument_translations')
    .orderBy('instrument_translations.instrument_key')
    .orderBy('instrument_translations.locale')
    .orderBy('instrument_translations.version', 'desc');
}

/** Every instrument of the provider: built-ins first, then its own (latest version of each). */
export async function listInstruments(repo: Repository): Promise<ResolvedInstrument[]> {
  const settings = await settingsOf(repo);
  const rows = await repo
    .select('custom_instruments')
    .select(['custom_instruments.key', 'custom_instruments.version', 'custom_instruments.definition', 'custom_instruments.active'])
    .orderBy('custom_instruments.key')
    .orderBy('custom_instruments.version', 'desc')
    .execute();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.key)) latest.set(r.key, r);
  // One query for every built-in's translations in use, whatever the number of instruments.
  const translations = currentOf(await translationQuery(repo).where('instrument_translations.withdrawn_at', 'is', null).execute());
  return [
    ...builtInInstruments.map((d) => resolveBuiltIn(d, settings, translations.get(d.key))),
    ...[...latest.values()].map((r) => ({
      def: r.definition as InstrumentDefinition,
      custom: true,
      active: r.active,
      available: r.active,
    })),
  ];
}

/** The provider translation an answer was shown in: its words stay those of that version, withdrawn or not. */
export interface ShownIn {
  locale: Locale;
  version: number;
}

/**
 * One instrument by key; `version` picks an older version of a custom one (answers keep theirs),
 * `shown` the provider translation version an answer was given in.
 */
export async function resolveInstrument(repo: Repository, key: string, version?: number, shown?: ShownIn): Promise<ResolvedInstrument> {
  const builtIn = builtInInstrument(key);
  if (builtIn) {
    const rows = await translationQuery(repo).where('instrument_translations.instrument_key', '=', key).execute();
    const current = currentOf(rows).get(key) ?? [];
    const pinned = shown && rows.find((r) => r.locale === shown.locale && r.version === shown.version);
    const translations = pinned ? [...current.filter((t) => t.locale !== shown.locale), applied(pinned)] : current;
    return resolveBuiltIn(builtIn, await settingsOf(repo), translations);
  }
  let q = repo
    .select('custom_instruments')
    .select(['custom_instruments.definition', 'custom_instruments.active'])
    .where('custom_instruments.key', '=', key);
  q = version === undefined ? q.orderBy('custom_instruments.version', 'desc') : q.where('custom_instruments.version', '=', version);
  const row = await q.limit(1).executeTakeFirst();
  if (!row) throw notFound('Unknown instrument');
  return { def: row.definition as InstrumentDefinition, custom: true, active: row.active, available: row.active };
}

/** An instrument that may be sent now, or 422 naming the field. */
export async function usableInstrument(repo: Repository, key: string, path = 'instrumentKey'): Promise<InstrumentDefinition> {
  let resolved: ResolvedInstrument;
  try {
    resolved = await resolveInstrument(repo, key);
  } catch (e) {
    if (e instanceof HttpError && e.statusCode === 404)
      throw unprocessable('invalid_reference', 'Unknown instrument', [{ path, message: 'not found' }]);
    throw e;
  }
  if (!resolved.available)
    throw unprocessable('instrument_unavailable', 'This instrument needs a licence confirmation or is inactive', [
      { path, message: 'unavailable' },
    ]);
  return resolved.def;
}

/** What the questionnaire editor sends (the contract's body). */
export type CustomInstrumentInput = CustomInstrumentBody;

/** A custom questionnaire as a definition the same scoring function reads. */
export function customDefinition(key: string, version: number, input: CustomInstrumentInput): InstrumentDefinition {
  const range = scoreRange(
    input.options.map((o) => o.value),
    input.items.length,
    input.scoring,
  ) ?? { min: 0, max: 0 };
  const decimals = customDecimals(input.scoring);
  const languages = Object.fromEntries(input.languages.map((l) => [l, { source: "The provider's own questionnaire" }]));
  const only = (text: LocalText): LocalText => Object.fromEntries(input.languages.map((l) => [l, text[l] ?? '']));
  return {
    key,
    version,
    name: only(input.name),
    instructions: only(input.instructions),
    languages,
    licence: "The provider's own questionnaire",
    requiresLicence: false,
    optionSets: { options: input.options.map((o) => ({ value: o.value, label: only(o.label) })) },
    items: input.items.map((item, i) => ({ id: `i${i + 1}`, type: 'choice' as const, text: only(item.text), options: 'options' })),
    scoring: { method: input.scoring, min: range.min, max: range.max, ...(decimals ? { decimals } : {}) },
    bands: input.bands.map((b, i) => ({
      id: `band${i + 1}`,
      min: b.min,
      max: b.max,
      label: only(b.label),
      severity: b.severity,
      ...(b.alert ? { alert: b.alert } : {}),
      ...(b.severity === 'severe' ? { guidance: true } : {}),
    })),
    flags: [],
    minIntervalDays: 0,
    higherIsBetter: input.higherIsBetter,
  };
}

function slug(name: LocalText): string {
  const text = name.en ?? name.fi ?? name.sv ?? name.nb ?? 'form';
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .slice(0, 30);
  return s || 'form';
}

function checkDefinition(def: InstrumentDefinition): void {
  const problems = definitionProblems(def);
  if (problems.length)
    throw unprocessable(
      'invalid_definition',
      'The questionnaire is not complete',
      problems.map((p) => ({ path: p.split(':')[0] ?? p, message: p })),
    );
}

export async function createCustomInstrument(repo: Repository, input: CustomInstrumentInput): Promise<ResolvedInstrument> {
  const base = `custom_${slug(input.name)}`;
  return repo.transaction(async (trx) => {
    const taken = new Set(
      (
        await trx
          .select('custom_instruments')
          .select('custom_instruments.key')
          .where('custom_instruments.key', 'like', `${base}%`)
          .execute()
      ).map((r) => r.key),
    );
    let key = base;
    for (let i = 2; taken.has(key); i++) key = `${base}_${i}`;
    const def = customDefinition(key, 1, input);
    checkDefinition(def);
    await trx.insert('custom_instruments', { key, version: 1, definition: JSON.stringify(def), created_by: repo.caller.userId });
    return { def, custom: true, active: true, available: true };
  });
}

/** A changed questionnaire is a new version; answers given to the old one keep it. */
export async function reviseCustomInstrument(repo: Repository, key: string, input: CustomInstrumentInput): Promise<ResolvedInstrument> {
  if (builtInInstrument(key))
    throw unprocessable('built_in', 'Built-in instruments cannot be changed', [{ path: 'key', message: 'built in' }]);
  return repo.transaction(async (trx) => {
    const current = await resolveInstrument(trx, key);
    const def = customDefinition(key, current.def.version + 1, input);
    checkDefinition(def);
    try {
      await trx.insert('custom_instruments', {
        key,
        version: def.version,
        definition: JSON.stringify(def),
        active: current.active,
        created_by: repo.caller.userId,
      });
    } catch (e) {
      if (isUniqueViolation(e))
        throw new HttpError(409, 'conflict', 'Someone changed this questionnaire at the same time; reload and try again');
      throw e;
    }
    return { def, custom: true, active: current.active, available: current.active };
  });
}

export async function setCustomInstrumentActive(repo: Repository, key: string, active: boolean): Promise<ResolvedInstrument> {
  if (builtInInstrument(key))
    throw unprocessable('built_in', 'Built-in instruments cannot be switched off here', [{ path: 'key', message: 'built in' }]);
  return repo.transaction(async (trx) => {
    const rows = await trx
      .select('custom_instruments')
      .select(['custom_instruments.id'])
      .where('custom_instruments.key', '=', key)
      .execute();
    if (rows.length === 0) throw notFound('Unknown instrument');
    for (const r of rows) await trx.update('custom_instruments', r.id, { active });
    const resolved = await resolveInstrument(trx, key);
    return resolved;
  });
}

// ---------------------------------------------------------------------------------------------
// Entering, listing and withdrawing translations (provider admin)

function requireBuiltIn(key: string): InstrumentDefinition {
  const def = builtInInstrument(key);
  if (def) return def;
  if (key.startsWith('custom_'))
    throw unprocessable('built_in_only', "A provider's own questionnaire has its languages in the editor", [
      { path: 'key', message: 'not built in' },
    ]);
  throw notFound('Unknown instrument');
}

async function translationsOut(repo: Repository, key: string, only?: string): Promise<InstrumentTranslation[]> {
  let q = repo
    .select('instrument_translations')
    .leftJoin('users', 'users.id', 'instrument_translations.created_by')
    .selectAll('instrument_translations')
    .select('users.name as entered_by_name')
    .where('instrument_translations.instrument_key', '=', key);
  if (only) q = q.where('instrument_translations.id', '=', only);
  const rows = await q.orderBy('instrument_translations.locale').orderBy('instrument_translations.version', 'desc').execute();
  const def = requireBuiltIn(key);
  const official = new Set(Object.keys(def.languages));
  // The current version of each language, judged over all of them (a single row's call needs its siblings).
  const all = only ? await translationQuery(repo).where('instrument_translations.instrument_key', '=', key).execute() : rows;
  const currentIds = new Set<string>();
  const seen = new Set<string>();
  for (const r of all) {
    if (r.withdrawn_at || seen.has(r.locale)) continue;
    seen.add(r.locale);
    if (!official.has(r.locale)) currentIds.add(r.id);
  }
  return rows
    .map((r) => ({
      id: r.id,
      instrumentKey: r.instrument_key,
      locale: r.locale,
      version: r.version,
      texts: r.texts,
      source: r.source,
      licenceNote: r.licence_note,
      enteredBy: r.created_by ? { id: r.created_by, name: r.entered_by_name ?? '' } : null,
      enteredAt: new Date(r.created_at).toISOString(),
      withdrawnAt: r.withdrawn_at ? new Date(r.withdrawn_at).toISOString() : null,
      current: currentIds.has(r.id),
    }))
    .sort((a, b) => b.enteredAt.localeCompare(a.enteredAt) || b.version - a.version);
}

export async function listTranslations(repo: Repository, key: string): Promise<InstrumentTranslation[]> {
  requireBuiltIn(key);
  return translationsOut(repo, key);
}

export interface TranslationInput {
  locale: Locale;
  texts: TranslationTextsInput;
  source: string;
  licenceNote: string;
}

/** A new version of the provider's translation of a built-in, checked against the built-in's structure. */
export async function addTranslation(repo: Repository, key: string, input: TranslationInput): Promise<InstrumentTranslation> {
  const def = requireBuiltIn(key);
  const problems = translationProblems(def, input.locale, input.texts);
  if (problems.length)
    throw unprocessable(
      'invalid_translation',
      'The translation is not complete',
      problems.map((p) => ({ path: p.path, message: p.problem })),
    );
  return repo.transaction(async (trx) => {
    const last = await trx
      .select('instrument_translations')
      .select('instrument_translations.version')
      .where('instrument_translations.instrument_key', '=', key)
      .where('instrument_translations.locale', '=', input.locale)
      .orderBy('instrument_translations.version', 'desc')
      .limit(1)
      .executeTakeFirst();
    const version = (last?.version ?? 0) + 1;
    let row: TranslationRow;
    try {
      row = await trx.insert(
        'instrument_translations',
        {
          instrument_key: key,
          locale: input.locale,
          version,
          texts: JSON.stringify(normaliseTexts(def, input.texts)),
          source: input.source.trim(),
          licence_note: input.licenceNote.trim(),
          created_by: repo.caller.userId,
        },
        { action: 'instrument_translation.add', details: { instrumentKey: key, locale: input.locale, version } },
      );
    } catch (e) {
      if (isUniqueViolation(e))
        throw new HttpError(409, 'conflict', 'Someone entered this translation at the same time; reload and try again');
      throw e;
    }
    const [out] = await translationsOut(trx, key, row.id);
    return out as InstrumentTranslation;
  });
}

/** Respondents are no longer shown the version; answers given in it keep its words (resolveInstrument's `shown`). */
export async function withdrawTranslation(repo: Repository, id: string, now: Date): Promise<InstrumentTranslation> {
  return repo.transaction(async (trx) => {
    const row = await trx
      .select('instrument_translations')
      .select(['instrument_translations.instrument_key', 'instrument_translations.withdrawn_at'])
      .where('instrument_translations.id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound();
    if (row.withdrawn_at) throw new HttpError(409, 'already_withdrawn', 'This version has been withdrawn already');
    await trx.update(
      'instrument_translations',
      id,
      { withdrawn_at: now, withdrawn_by: repo.caller.userId },
      { action: 'instrument_translation.withdraw' },
    );
    const [out] = await translationsOut(trx, row.instrument_key, id);
    return out as InstrumentTranslation;
  });
}
