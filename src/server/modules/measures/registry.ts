// The instruments a provider may use: the built-in definitions (code, versioned) and the
// provider's own questionnaires (rows, versioned), with the provider's settings applied.
import type { Selectable } from 'kysely';
import type { CustomInstrumentBody } from '../../../shared/measures.js';
import { customDecimals, scoreRange } from '../../../shared/measures-logic.js';
import type { Repository } from '../../kernel/access/repository.js';
import type { MeasureSettingsTable } from '../../kernel/db/schema.js';
import { HttpError, isUniqueViolation, notFound, unprocessable } from '../../kernel/errors.js';
import { applySettings, definitionProblems, type InstrumentDefinition, type LocalText } from './logic/instrument.js';
import { builtInInstrument, builtInInstruments, PCPTSD5_CUTOFF_SETTING } from './logic/instruments/index.js';

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

function resolveBuiltIn(def: InstrumentDefinition, settings: SettingsRow): ResolvedInstrument {
  const licensed = !def.requiresLicence || (def.key === 'tsq' && settings.tsq_licence_confirmed_at !== null);
  return { def: applySettings(def, settingValues(settings)), custom: false, active: true, available: licensed };
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
  return [
    ...builtInInstruments.map((d) => resolveBuiltIn(d, settings)),
    ...[...latest.values()].map((r) => ({
      def: r.definition as InstrumentDefinition,
      custom: true,
      active: r.active,
      available: r.active,
    })),
  ];
}

/** One instrument by key; `version` picks an older version of a custom one (answers keep theirs). */
export async function resolveInstrument(repo: Repository, key: string, version?: number): Promise<ResolvedInstrument> {
  const builtIn = builtInInstrument(key);
  if (builtIn) return resolveBuiltIn(builtIn, await settingsOf(repo));
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
