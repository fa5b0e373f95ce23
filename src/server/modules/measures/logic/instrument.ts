// Instruments are data (INSTRUMENTS.md): items, options, scoring rule, bands, item-level flags,
// languages with their source, licence. Scoring is one pure function over any definition
// (scoring.ts); nothing in the code branches on a particular instrument.
import type { AlertLevel, Severity } from '../../../../shared/measures.js';
import { bandCoverProblems, displayLocale as displayLocaleOf, scoreStep } from '../../../../shared/measures-logic.js';
import type { Locale } from '../../../kernel/i18n/i18n.js';

export type { AlertLevel, Severity };

/** Text in the languages an instrument is available in; a missing language is unavailable, never machine-made. */
export type LocalText = Partial<Record<Locale, string>>;

export interface OptionChoice {
  value: number;
  label: LocalText;
}

export interface ChoiceItem {
  id: string;
  type: 'choice';
  text: LocalText;
  /** Key into the definition's optionSets. */
  options: string;
  /** An item that does not count towards the score (a gate question, say). */
  scored?: boolean;
}

export interface TextItem {
  id: string;
  type: 'text';
  text: LocalText;
  /** Free text is never required, never scored, never shown to management. */
  maxLength: number;
}

export type Item = ChoiceItem | TextItem;

/**
 * A gate question: when the answer is one of `closesWith`, the remaining items are not asked and
 * the score is `scoreWhenClosed` (PC-PTSD-5's exposure question).
 */
export interface Gate {
  item: string;
  closesWith: number[];
  scoreWhenClosed: number;
}

export interface Scoring {
  /** sum of scored items, or their mean; then multiplied (WHO-5: raw 0–25 × 4). */
  method: 'sum' | 'mean';
  multiplier?: number;
  /** Inclusive range of the final score, after the multiplier. */
  min: number;
  max: number;
  /** Decimals kept (mean scores); default 0. */
  decimals?: number;
}

export interface Band {
  id: string;
  /** Inclusive bounds on the final score. Bands cover [scoring.min, scoring.max] without gaps or overlaps. */
  min: number;
  max: number;
  label: LocalText;
  severity: Severity;
  /** A score in this band raises an alert for the practitioner. */
  alert?: AlertLevel;
  /** Show the respondent where to get help. */
  guidance?: boolean;
  /**
   * This band's lower bound is a provider setting (PC-PTSD-5's cut-off); the neighbouring band
   * below ends one point under it. See `applySettings`.
   */
  lowerBoundSetting?: string;
}

/** An item-level rule raised whatever the total (PHQ-9 item 9). */
export interface Flag {
  id: string;
  /** Items to test; `any` = any scored choice item. */
  items: string[] | 'any';
  /** Answer values that raise the flag (inclusive range). */
  min: number;
  max: number;
  label: LocalText;
  alert: AlertLevel;
  guidance?: boolean;
}

/** A drop of this many points since the person's previous answer raises an alert (WHO-5: 10). */
export interface ChangeRule {
  meaningful: number;
  alertOnDrop?: AlertLevel;
}

export interface LanguageSource {
  /** Where the wording comes from: the official translation's publisher, or "Rinnalla" for our own forms. */
  source: string;
  /** Set when the provider entered this language's official translation itself (not shipped by us). */
  providerEntered?: { version: number };
}

export interface InstrumentDefinition {
  key: string;
  version: number;
  name: LocalText;
  /** Shown above the items: the recall period and how to answer. */
  instructions: LocalText;
  /** The languages in which every text of the instrument exists, with their source. */
  languages: Partial<Record<Locale, LanguageSource>>;
  licence: string;
  requiresLicence: boolean;
  optionSets: Record<string, OptionChoice[]>;
  items: Item[];
  gate?: Gate;
  scoring: Scoring;
  bands: Band[];
  flags: Flag[];
  change?: ChangeRule;
  /** Two administrations to the same person closer than this are refused (days). */
  minIntervalDays: number;
  /** Whether a higher score is better (WHO-5, WAS) — for graphs and "drop" wording. */
  higherIsBetter: boolean;
}

/** Provider settings that shape definitions (PC-PTSD-5 cut-off). */
export type InstrumentSettings = Record<string, number>;

/**
 * The definition as a provider uses it: bands with a settable lower bound move to the setting,
 * and the band below them ends just under it.
 */
export function applySettings(def: InstrumentDefinition, settings: InstrumentSettings): InstrumentDefinition {
  const bands = def.bands.map((b) => ({ ...b }));
  for (let i = 0; i < bands.length; i++) {
    const band = bands[i] as Band;
    const value = band.lowerBoundSetting ? settings[band.lowerBoundSetting] : undefined;
    if (value === undefined) continue;
    band.min = value;
    const below = bands[i - 1];
    if (below) below.max = value - scoreStep(def.scoring.decimals);
  }
  return { ...def, bands };
}

/** The best language to show a definition in: the wanted one when available, else English, else the first. */
export function displayLocale(def: InstrumentDefinition, wanted: Locale): Locale {
  const languages = Object.keys(def.languages) as Locale[];
  // A definition always has a language; should one have none, English is the fallback.
  return languages.length === 0 ? 'en' : displayLocaleOf(wanted, languages);
}

/** Structural errors of a definition (custom ones are checked with this before they are stored). */
export function definitionProblems(def: InstrumentDefinition): string[] {
  const problems: string[] = [];
  const langs = Object.keys(def.languages) as Locale[];
  if (langs.length === 0) problems.push('languages: at least one');
  const need = (what: string, text: LocalText) => {
    for (const l of langs) if (!text[l]?.trim()) problems.push(`${what}: missing ${l}`);
  };
  need('name', def.name);
  const ids = new Set<string>();
  for (const item of def.items) {
    if (ids.has(item.id)) problems.push(`items.${item.id}: duplicate id`);
    ids.add(item.id);
    need(`items.${item.id}.text`, item.text);
    if (item.type === 'choice') {
      const set = def.optionSets[item.options];
      if (!set || set.length < 2) problems.push(`items.${item.id}.options: unknown or fewer than two options`);
      for (const o of set ?? []) need(`optionSets.${item.options}.${o.value}`, o.label);
    }
  }
  if (!def.items.some((i) => i.type === 'choice' && i.scored !== false)) problems.push('items: at least one scored choice item');
  const cover = bandCoverProblems(def.bands, def.scoring, scoreStep(def.scoring.decimals));
  for (const [index, b] of [...def.bands.entries()].sort(([, a], [, b]) => a.min - b.min)) {
    need(`bands.${b.id}.label`, b.label);
    for (const p of cover.filter((c) => c.index === index)) {
      if (p.kind === 'start') problems.push(`bands.${b.id}: starts at ${b.min}, expected ${p.expected}`);
      if (p.kind === 'reversed') problems.push(`bands.${b.id}: ends before it starts`);
    }
  }
  for (const p of cover) if (p.kind === 'end') problems.push(`bands: end at ${p.at}, expected ${def.scoring.max}`);
  for (const f of def.flags) {
    need(`flags.${f.id}.label`, f.label);
    if (f.items !== 'any') for (const id of f.items) if (!ids.has(id)) problems.push(`flags.${f.id}: unknown item ${id}`);
  }
  if (def.gate && !ids.has(def.gate.item)) problems.push(`gate: unknown item ${def.gate.item}`);
  return problems;
}
