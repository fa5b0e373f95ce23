// A provider's entered official translation of a built-in instrument (issue 9, item 1). The
// built-in definition stays the reference: its items, options, scoring and bands; the
// translation only adds the words of one more language, so the built-in scoring reads answers
// given in it exactly as in any other language.
import type { Locale } from '../../../kernel/i18n/i18n.js';
import type { InstrumentDefinition, LocalText } from './instrument.js';

/** Every text of an instrument in one language (the contract's `texts`, partial until checked). */
export interface TranslationTexts {
  name: string;
  instructions: string;
  /** Item id → its text. */
  items: Record<string, string>;
  /** Option set id → option value (as a string) → its label. */
  options: Record<string, Record<string, string>>;
}

export type TranslationTextsInput = Partial<{
  name: string;
  instructions: string;
  items: Record<string, string>;
  options: Record<string, Record<string, string>>;
}>;

export interface TranslationProblem {
  /** The field, as the 422 names it: `texts.items.i3`, `texts.options.frequency.2`, `locale`. */
  path: string;
  problem: 'missing' | 'unknown' | 'already_official';
}

/** The option sets the instrument's choice items use (an unused set needs no translation). */
export function usedOptionSets(def: InstrumentDefinition): string[] {
  return [...new Set(def.items.flatMap((i) => (i.type === 'choice' ? [i.options] : [])))];
}

/**
 * The languages the instrument ships officially (in code). A provider's translation of one of
 * them is refused: one language has one wording, so that answers given in it stay comparable and
 * a respondent never wonders which of two "official" texts they were shown.
 */
export function officialLocales(def: InstrumentDefinition): Locale[] {
  return (Object.keys(def.languages) as Locale[]).filter((l) => !def.languages[l]?.providerEntered);
}

/** What is wrong with a translation of `def` into `locale`, field by field (empty: it is whole). */
export function translationProblems(def: InstrumentDefinition, locale: Locale, texts: TranslationTextsInput): TranslationProblem[] {
  const problems: TranslationProblem[] = [];
  if (officialLocales(def).includes(locale)) problems.push({ path: 'locale', problem: 'already_official' });
  const blank = (v: unknown) => typeof v !== 'string' || v.trim() === '';
  if (blank(texts.name)) problems.push({ path: 'texts.name', problem: 'missing' });
  // Every built-in has instructions (the recall period); a translation without them would change the question.
  if (Object.values(def.instructions).some((v) => !!v?.trim()) && blank(texts.instructions))
    problems.push({ path: 'texts.instructions', problem: 'missing' });
  const items = texts.items ?? {};
  const itemIds = new Set(def.items.map((i) => i.id));
  for (const item of def.items) if (blank(items[item.id])) problems.push({ path: `texts.items.${item.id}`, problem: 'missing' });
  for (const id of Object.keys(items)) if (!itemIds.has(id)) problems.push({ path: `texts.items.${id}`, problem: 'unknown' });
  const options = texts.options ?? {};
  const sets = usedOptionSets(def);
  for (const set of sets) {
    const given = options[set] ?? {};
    const values = new Set((def.optionSets[set] ?? []).map((o) => String(o.value)));
    for (const value of values) if (blank(given[value])) problems.push({ path: `texts.options.${set}.${value}`, problem: 'missing' });
    for (const value of Object.keys(given))
      if (!values.has(value)) problems.push({ path: `texts.options.${set}.${value}`, problem: 'unknown' });
  }
  for (const set of Object.keys(options)) if (!sets.includes(set)) problems.push({ path: `texts.options.${set}`, problem: 'unknown' });
  return problems;
}

/** The checked texts, trimmed, holding only what the definition has. */
export function normaliseTexts(def: InstrumentDefinition, texts: TranslationTextsInput): TranslationTexts {
  const trim = (v: string | undefined) => (v ?? '').trim();
  return {
    name: trim(texts.name),
    instructions: trim(texts.instructions),
    items: Object.fromEntries(def.items.map((i) => [i.id, trim(texts.items?.[i.id])])),
    options: Object.fromEntries(
      usedOptionSets(def).map((set) => [
        set,
        Object.fromEntries((def.optionSets[set] ?? []).map((o) => [String(o.value), trim(texts.options?.[set]?.[String(o.value)])])),
      ]),
    ),
  };
}

export interface AppliedTranslation {
  locale: Locale;
  version: number;
  source: string;
  texts: TranslationTexts;
}

/**
 * The definition with the translation's language added, marked as entered by the provider. A
 * language the built-in ships officially is never overlaid (a translation entered before we
 * shipped the official wording gives way to it). Scoring, bands and flags are untouched.
 */
export function withTranslation(def: InstrumentDefinition, t: AppliedTranslation): InstrumentDefinition {
  if (officialLocales(def).includes(t.locale)) return def;
  const add = (text: LocalText, value: string | undefined): LocalText => (value ? { ...text, [t.locale]: value } : text);
  return {
    ...def,
    name: add(def.name, t.texts.name),
    instructions: add(def.instructions, t.texts.instructions || undefined),
    languages: { ...def.languages, [t.locale]: { source: t.source, providerEntered: { version: t.version } } },
    optionSets: Object.fromEntries(
      Object.entries(def.optionSets).map(([set, options]) => [
        set,
        options.map((o) => ({ ...o, label: add(o.label, t.texts.options[set]?.[String(o.value)]) })),
      ]),
    ),
    items: def.items.map((i) => ({ ...i, text: add(i.text, t.texts.items[i.id]) })),
  };
}
