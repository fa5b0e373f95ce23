/** Wall-clock ↔ instant conversions and elapsed-time parts for the intake pages. */

/** Offset (ms) of `timeZone` from UTC at the instant `utcMs`. */
function zoneOffset(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/**
 * The UTC instant (ISO) of a `datetime-local` value ("YYYY-MM-DDTHH:mm") read as wall-clock time
 * in `timeZone`; null when the value is not one.
 */
export function localDateTimeToIso(value: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const wallMs = Date.UTC(y, mo - 1, d, h, mi, s);
  if (Number.isNaN(wallMs)) return null;
  // Two passes settle the offset even when the guess lands on the other side of a transition.
  let utc = wallMs - zoneOffset(wallMs, timeZone);
  utc = wallMs - zoneOffset(utc, timeZone);
  return new Date(utc).toISOString();
}

/** The `datetime-local` value ("YYYY-MM-DDTHH:mm") of the instant `ms` in `timeZone`. */
export function toLocalDateTimeInput(ms: number, timeZone: string): string {
  const local = new Date(ms + zoneOffset(ms, timeZone));
  return local.toISOString().slice(0, 16);
}

/** The calendar date ("YYYY-MM-DD") of the instant `ms` in `timeZone`. */
export function toLocalDateInput(ms: number, timeZone: string): string {
  return toLocalDateTimeInput(ms, timeZone).slice(0, 10);
}

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

/** A best-effort URL slug from a provider's name ("Tukiranta (demo)" → "tukiranta-demo"). */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
