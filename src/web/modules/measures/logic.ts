/**
 * Pure helpers of the web side of the measures module (no React), unit-tested in logic.test.ts.
 * The rules the server applies too (gate, score range, band cover, alert reasons) live in
 * src/shared/measures-logic.ts.
 */
import type { Locale } from '../../../shared/locales';
import type { Answers, BandSummary, LocalText, RespondItem, Severity } from '../../../shared/measures';

/** Text in an instrument's languages, or one the server already resolved to a string. */
export type Text = LocalText | string;

const FALLBACK: Locale[] = ['en', 'fi', 'sv', 'nb'];

/**
 * The text in `locale`; else in the first of `languages` (the instrument's own order) that has it;
 * else English, else any. A plain string (already resolved by the server) is returned as is.
 */
export function pickText(text: Text | null | undefined, locale: Locale, languages: readonly Locale[] = []): string {
  if (text === null || text === undefined) return '';
  if (typeof text === 'string') return text;
  const wanted = text[locale];
  if (wanted?.trim()) return wanted;
  for (const l of [...languages, ...FALLBACK]) {
    const value = text[l];
    if (value?.trim()) return value;
  }
  return Object.values(text).find((v) => typeof v === 'string' && v.trim()) ?? '';
}

/** Answers of the visible items only, empty text answers dropped. */
export function answersToSend(items: Pick<RespondItem, 'id'>[], answers: Answers): Answers {
  const out: Answers = {};
  for (const item of items) {
    const value = answers[item.id];
    if (value === undefined) continue;
    if (typeof value === 'string' && !value.trim()) continue;
    out[item.id] = value;
  }
  return out;
}

/** Answered and total of the choice items to ask (free text is never required). */
export function progress(items: Pick<RespondItem, 'id' | 'type'>[], answers: Answers): { answered: number; total: number } {
  const choice = items.filter((i) => i.type === 'choice');
  return { answered: choice.filter((i) => typeof answers[i.id] === 'number').length, total: choice.length };
}

/** Choice items still without an answer. */
export function missingItems(items: Pick<RespondItem, 'id' | 'type'>[], answers: Answers): string[] {
  return items.filter((i) => i.type === 'choice' && typeof answers[i.id] !== 'number').map((i) => i.id);
}

/** A Mantine colour for a band's severity (shade chosen for AA contrast of text in light badges). */
export function severityColor(severity: Severity | string | null | undefined): string {
  switch (severity) {
    case 'none':
      return 'green';
    case 'mild':
      return 'yellow';
    case 'moderate':
      return 'orange';
    case 'severe':
      return 'red';
    default:
      return 'gray';
  }
}

export interface BandArea {
  id: string;
  y1: number;
  y2: number;
  severity: Severity;
}

/**
 * Shaded areas of a chart's y axis, one per band, touching each other: each band runs from its
 * lower bound to the next band's lower bound (the last to the scale's maximum), clipped to the scale.
 */
export function bandAreas(bands: Pick<BandSummary, 'id' | 'min' | 'max' | 'severity'>[], min: number, max: number): BandArea[] {
  const sorted = [...bands].sort((a, b) => a.min - b.min);
  return sorted
    .map((band, i) => {
      const next = sorted[i + 1];
      const y1 = Math.max(min, i === 0 ? Math.min(band.min, min) : band.min);
      const y2 = Math.min(max, next ? next.min : Math.max(band.max, max));
      return { id: band.id, y1, y2, severity: band.severity };
    })
    .filter((a) => a.y2 > a.y1);
}

/** The band a score falls in. */
export function bandOf<T extends Pick<BandSummary, 'min' | 'max'>>(bands: T[], score: number): T | undefined {
  const sorted = [...bands].sort((a, b) => a.min - b.min);
  let found: T | undefined;
  for (const band of sorted) if (score >= band.min) found = band;
  return found;
}

/** "YYYY-MM" of the month `offset` months from the month of `date` (local calendar). */
export function monthKey(date: Date, offset = 0): string {
  const d = new Date(date.getFullYear(), date.getMonth() + offset, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** First day of a "YYYY-MM" month as an ISO date at UTC noon (formatting in UTC keeps the month). */
export function monthDate(month: string): Date {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1, 12));
}

/** Euros (or kroner) typed by a person → cents; null when empty or not a non-negative number. */
export function parseMoneyToCents(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(String(value).replace(/\s/g, '').replace(',', '.'));
  if (!Number.isFinite(n) || n < 0) return null;
  return Math.round(n * 100);
}

/** A name for a custom instrument's key is derived on the server; "custom_" marks it. */
export function isCustomKey(key: string): boolean {
  return key.startsWith('custom_');
}
