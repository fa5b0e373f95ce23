/** Date and time formatting, always in an explicit time zone. */

export interface FormatOptions {
  /** BCP 47 locale, e.g. "fi-FI" or "en-GB". */
  locale: string;
  /** IANA time zone, e.g. "Europe/Helsinki". */
  timeZone: string;
  dateStyle?: 'full' | 'long' | 'medium' | 'short';
  /** `null` leaves the time out. */
  timeStyle?: 'full' | 'long' | 'medium' | 'short' | null;
}

/** The browser's own time zone (UTC if it cannot be determined). */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Is `zone` an IANA time zone this runtime knows? */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Format an ISO instant in the given locale and time zone. Invalid input is returned as is. */
export function formatDateTime(iso: string, { locale, timeZone, dateStyle = 'medium', timeStyle = 'short' }: FormatOptions): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = { timeZone, dateStyle };
  if (timeStyle) options.timeStyle = timeStyle;
  return new Intl.DateTimeFormat(locale, options).format(date);
}

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
 * The UTC instant (ISO) of local wall-clock midnight that starts `date` ("YYYY-MM-DD") in
 * `timeZone`; with `endOfDay`, the last millisecond of that local day.
 */
export function localDateToIso(date: string, timeZone: string, endOfDay = false): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Not a date: ${date}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const wallMs = endOfDay ? Date.UTC(y, m - 1, d + 1) : Date.UTC(y, m - 1, d);
  // Two passes settle the offset even when the guess lands on the other side of a transition.
  let utc = wallMs - zoneOffset(wallMs, timeZone);
  utc = wallMs - zoneOffset(utc, timeZone);
  return new Date(endOfDay ? utc - 1 : utc).toISOString();
}

/** BCP 47 locale used with Intl for an interface language. */
export function intlLocale(language: string): string {
  switch (language) {
    case 'fi':
      return 'fi-FI';
    case 'sv':
      return 'sv-SE';
    case 'nb':
      return 'nb-NO';
    default:
      return 'en-GB';
  }
}
