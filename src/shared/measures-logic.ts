import type { Locale } from './locales.js';
import { type Answers, type Gate, measureLimits, type ScoringMethod } from './measures.js';

/**
 * Pure rules of the measures module that the server (scoring, custom definitions) and the web
 * (the respondent's form, the questionnaire editor, alert reasons) both apply: one copy, so the
 * form shows what the server will accept. Unit-tested in measures-logic.test.ts.
 */

/** The language to show an instrument in: the wanted one when it exists, else English, else its first. */
export function displayLocale(wanted: Locale, languages: readonly Locale[]): Locale {
  if (languages.length === 0 || languages.includes(wanted)) return wanted;
  if (languages.includes('en')) return 'en';
  return languages[0] ?? wanted;
}

/** Is the form closed by its gate question (PC-PTSD-5: no exposure → no further items)? */
export function gateClosed(gate: Pick<Gate, 'item' | 'closesWith'> | null | undefined, answers: Answers): boolean {
  if (!gate) return false;
  const answer = answers[gate.item];
  return typeof answer === 'number' && gate.closesWith.includes(answer);
}

/** The items to ask: all of them, or up to and including the gate question when it closes the form. */
export function visibleItems<T extends { id: string }>(
  items: readonly T[],
  gate: Pick<Gate, 'item' | 'closesWith'> | null | undefined,
  answers: Answers,
): T[] {
  if (!gate || !gateClosed(gate, answers)) return [...items];
  const index = items.findIndex((i) => i.id === gate.item);
  return index < 0 ? [...items] : items.slice(0, index + 1);
}

/**
 * The score range of a custom questionnaire: a sum runs over items × the option range, a mean
 * over the option range. Null without options.
 */
export function scoreRange(optionValues: readonly number[], itemCount: number, method: ScoringMethod): { min: number; max: number } | null {
  const values = optionValues.filter((v) => Number.isFinite(v));
  if (values.length === 0) return null;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const n = method === 'sum' ? Math.max(1, itemCount) : 1;
  return { min: lo * n, max: hi * n };
}

/** Decimals a custom questionnaire's score keeps: a mean one, a sum none. */
export const customDecimals = (method: ScoringMethod): number => (method === 'mean' ? 1 : 0);

/** The smallest difference between two scores with `decimals` decimals. */
export const scoreStep = (decimals: number | undefined): number => (decimals ? 10 ** -decimals : 1);

export type BandProblem =
  /** The band does not start where the one below it ends (a gap or an overlap), or the first not at the range's start. */
  | { index: number; kind: 'start'; expected: number }
  /** The band ends before it starts. */
  | { index: number; kind: 'reversed' }
  /** The highest band does not end at the range's end (`at`: where the bands end). */
  | { index: number; kind: 'end'; at: number };

/**
 * How bands (inclusive bounds) fail to cover [range.min, range.max] without gaps or overlaps,
 * with scores `step` apart. Indexes are those of `bands` as given; bands are checked in the order
 * of their lower bounds.
 */
export function bandCoverProblems(
  bands: readonly { min: number; max: number }[],
  range: { min: number; max: number },
  step: number,
): BandProblem[] {
  const problems: BandProblem[] = [];
  const sorted = bands.map((b, index) => ({ ...b, index })).sort((a, b) => a.min - b.min);
  let expected = range.min;
  for (const b of sorted) {
    if (!(Math.abs(b.min - expected) <= step / 2)) problems.push({ index: b.index, kind: 'start', expected });
    if (!(b.max >= b.min)) problems.push({ index: b.index, kind: 'reversed' });
    expected = Math.round((b.max + step) * 1e6) / 1e6;
  }
  const last = sorted[sorted.length - 1];
  if (last && !(Math.abs(expected - step - range.max) <= step / 2)) problems.push({ index: last.index, kind: 'end', at: expected - step });
  return problems;
}

/** An alert's reason: a band's, a flag's (an item-level rule) or a drop since the last answer. */
export const alertReason = {
  band: (id: string) => `band:${id}`,
  flag: (id: string) => `flag:${id}`,
  drop: 'drop',
} as const;

/** Alert reasons ("band:severe", "flag:item9", "drop") split into their kind and id. */
export function parseReason(reason: string): { kind: 'band' | 'flag' | 'drop' | 'other'; id: string } {
  if (reason === alertReason.drop) return { kind: 'drop', id: '' };
  const [kind, ...rest] = reason.split(':');
  const id = rest.join(':');
  if (kind === 'band' || kind === 'flag') return { kind, id };
  return { kind: 'other', id: reason };
}

/** Months from one `YYYY-MM` to another, both counted. */
export function monthCount(from: string, to: string): number {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  return index(to) - index(from) + 1;
}

/** What is wrong with an ROI range: the end before the start, or longer than the limit. */
export function roiRangeProblem(from: string, to: string): 'before_from' | 'too_long' | null {
  if (to < from) return 'before_from';
  if (monthCount(from, to) > measureLimits.roiMonthsMax) return 'too_long';
  return null;
}
