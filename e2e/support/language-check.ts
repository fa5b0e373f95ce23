// "The respondent's page never mixes languages silently" (issue 9): finds text of another language
// on a page (or in a mail) whose language exists. The corpus is what the app can say — the web
// strings of every module, the measures mails, the respondent's plain result words, the safety
// lines — and the built-in instruments' texts. A string of another language counts when it differs
// from the page language's string for the same text, is at least 12 characters long (short words
// like "PHQ-9" or "Ok" are shared), and is not part of any string of the page language itself.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { crisisLines, emergencySentence } from '../../src/server/modules/measures/logic/guidance.js';
import type { InstrumentDefinition } from '../../src/server/modules/measures/logic/instrument.js';
import { builtInInstruments } from '../../src/server/modules/measures/logic/instruments/index.js';
import { bySeverity, nextSteps, respondentBandTexts } from '../../src/server/modules/measures/logic/respondent-result.js';
import { measuresTexts } from '../../src/server/modules/measures/mail.js';
import type { Locale } from '../../src/shared/locales.js';
import { locales } from '../../src/shared/locales.js';
import { repoRoot } from './server.js';

const MIN_LENGTH = 12;

/** One text in the languages it exists in (a missing language is a text that does not exist in it). */
type Parallel = Partial<Record<Locale, string>>;

/** Walks objects of the same shape, one per language, into parallel texts by path. */
function parallelTexts(byLocale: Partial<Record<Locale, unknown>>): Parallel[] {
  const out = new Map<string, Parallel>();
  const walk = (locale: Locale, value: unknown, path: string) => {
    if (typeof value === 'string') {
      const entry = out.get(path) ?? {};
      entry[locale] = value;
      out.set(path, entry);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(locale, v, `${path}.${k}`);
    }
  };
  for (const l of locales) if (byLocale[l] !== undefined) walk(l, byLocale[l], '');
  return [...out.values()];
}

const isLocaleKey = (k: string) => (locales as readonly string[]).includes(k);

/** Every LocalText ({ fi?, sv?, nb?, en? }) anywhere in a value, e.g. an instrument definition. */
function localTexts(value: unknown, into: Parallel[] = []): Parallel[] {
  if (Array.isArray(value)) for (const v of value) localTexts(v, into);
  else if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length > 0 && entries.every(([k, v]) => isLocaleKey(k) && typeof v === 'string')) into.push(value as Parallel);
    else for (const [, v] of entries) localTexts(v, into);
  }
  return into;
}

function perLocale<T>(make: (l: Locale) => T): Record<Locale, T> {
  return Object.fromEntries(locales.map((l) => [l, make(l)])) as Record<Locale, T>;
}

/**
 * The web app's strings per language, read from its locale files (importing the web's resources
 * module would pull the browser build's JSON imports into this Node project).
 */
function webResources(): Record<Locale, Record<string, unknown>> {
  const web = path.join(repoRoot, 'src', 'web');
  const dirs = [
    ['translation', path.join(web, 'locales')],
    ...readdirSync(path.join(web, 'modules')).map((m) => [m, path.join(web, 'modules', m, 'locales')]),
  ].filter(([, dir]) => existsSync(dir as string)) as [string, string][];
  return perLocale((l) =>
    Object.fromEntries(dirs.map(([ns, dir]) => [ns, JSON.parse(readFileSync(path.join(dir, `${l}.json`), 'utf8')) as unknown])),
  );
}

function appTexts(): Parallel[] {
  return [
    ...parallelTexts(webResources()),
    ...parallelTexts(measuresTexts),
    ...parallelTexts(perLocale((l) => Object.fromEntries(Object.entries(respondentBandTexts).map(([k, bands]) => [k, perBand(bands, l)])))),
    ...parallelTexts(perLocale((l) => Object.fromEntries(Object.entries(bySeverity).map(([k, v]) => [k, v[l]])))),
    ...parallelTexts(perLocale((l) => Object.fromEntries(Object.entries(nextSteps).map(([k, v]) => [k, v[l]])))),
    ...parallelTexts(
      perLocale((l) => (['FI', 'SE', 'NO'] as const).map((c) => ({ emergency: emergencySentence(c, l), lines: crisisLines(c, l) }))),
    ),
  ];
}

function perBand(bands: (typeof respondentBandTexts)[string], l: Locale) {
  return Object.fromEntries(Object.entries(bands).map(([id, b]) => [id, { ...b[l], next: b.next?.[l] }]));
}

/** The pieces of a text worth looking for: placeholders and line breaks split it. */
function pieces(text: string): string[] {
  return text
    .split(/\{\{?\w+\}?\}|\n|<\/?\d+>/)
    .map((p) => p.trim().replace(/\s+/g, ' '))
    .filter((p) => p.length >= MIN_LENGTH);
}

export interface LanguageCheckOptions {
  /**
   * Instruments shown on the page in its language although the built-in has no wording in it (the
   * provider entered its translation): their other-language item texts must not appear either.
   */
  instrumentsInPageLanguage?: readonly string[];
  /** More parallel texts to check (e.g. a provider's translation fixture). */
  extra?: readonly Parallel[];
}

/** The strings of other languages that must not appear on a page in `locale`. */
export function otherLanguageStrings(locale: Locale, options: LanguageCheckOptions = {}): string[] {
  const shownIn = new Set(options.instrumentsInPageLanguage ?? []);
  const texts: { text: Parallel; always: boolean }[] = [
    ...appTexts().map((text) => ({ text, always: false })),
    ...(options.extra ?? []).map((text) => ({ text, always: false })),
    ...builtInInstruments.flatMap((def: InstrumentDefinition) =>
      localTexts({
        name: def.name,
        instructions: def.instructions,
        items: def.items,
        optionSets: def.optionSets,
        bands: def.bands,
        flags: def.flags,
      }).map((text) => ({ text, always: shownIn.has(def.key) })),
    ),
  ];
  const own = texts.map(({ text }) => text[locale]).filter((t): t is string => typeof t === 'string' && t.trim() !== '');
  const ownJoined = own.map((t) => t.replace(/\s+/g, ' ')).join('\n');
  const found = new Set<string>();
  for (const { text, always } of texts) {
    const mine = text[locale];
    // Where the page's language has no such text, another language is the honest fallback.
    if (!always && !mine?.trim()) continue;
    for (const l of locales) {
      const other = text[l];
      if (l === locale || !other || other === mine) continue;
      for (const piece of pieces(other)) if (!ownJoined.includes(piece)) found.add(piece);
    }
  }
  return [...found];
}

/** The other-language strings found in `text` (a page's visible text, a mail). Empty when clean. */
export function foreignStringsIn(text: string, locale: Locale, options: LanguageCheckOptions = {}): string[] {
  const normal = text.replace(/\s+/g, ' ');
  return otherLanguageStrings(locale, options).filter((s) => normal.includes(s));
}
