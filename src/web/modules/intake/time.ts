/** Elapsed-time parts and money amounts for the intake pages (time zones: app/time.ts). */

export interface DurationParts {
  days: number;
  hours: number;
  minutes: number;
}

/** Whole days, hours and minutes of a (non-negative) number of minutes. */
export function durationParts(totalMinutes: number): DurationParts {
  const total = Math.max(0, Math.floor(totalMinutes));
  return { days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}

/** ISO 8601 duration for a `<time dateTime>` attribute, e.g. "PT2H14M" or "P1DT3H0M". */
export function isoDuration(totalMinutes: number): string {
  const { days, hours, minutes } = durationParts(totalMinutes);
  return `P${days > 0 ? `${days}D` : ''}T${hours}H${minutes}M`;
}

/** Minutes from `fromIso` to `toMs` (may be negative). */
export function minutesBetween(fromIso: string, toMs: number): number {
  return (toMs - new Date(fromIso).getTime()) / 60_000;
}

/** Parse a money amount typed the Nordic or the English way ("1 234,50", "1234.5") to cents. */
export function parseAmountToCents(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, fraction = ''] = cleaned.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Cents to an amount with two decimals for an input ("140.00" → shown with the locale's separator). */
export function centsToAmount(cents: number, decimalSeparator = ','): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}${decimalSeparator}${String(abs % 100).padStart(2, '0')}`;
}
