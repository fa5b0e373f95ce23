/**
 * The web's one time-zone helper: wall-clock dates and times in an explicit IANA time zone
 * (daylight-saving correct) and plain calendar-date arithmetic. Dates are 'YYYY-MM-DD', times
 * 'HH:MM', `datetime-local` values 'YYYY-MM-DDTHH:MM', instants ISO strings.
 */

// ---------------------------------------------------------------------------------------------
// Time zones

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

/**
 * All IANA time zones the browser knows, with `extra` included, sorted, for a picker; with a
 * `locale`, labelled as a person reads them ('Itä-Euroopan aika (Helsinki)').
 */
export function timeZoneOptions(extra: string[] = [], locale?: string): { value: string; label: string }[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = ['Europe/Helsinki', 'Europe/Stockholm', 'Europe/Oslo', 'UTC'];
  }
  const all = new Set([...zones, 'UTC', ...extra.filter(Boolean)]);
  return [...all].sort().map((zone) => ({ value: zone, label: locale ? timeZoneLabel(zone, locale) : zone.replace(/_/g, ' ') }));
}

/** The city part of an IANA zone ('Europe/Helsinki' → 'Helsinki', 'America/Argentina/Ushuaia' → 'Ushuaia'). */
function zoneCity(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}

/**
 * A time zone as a person reads it, in `locale` ('fi', 'sv-SE', …): the generic long name with the
 * city, e.g. 'Itä-Euroopan aika (Helsinki)' or 'Central European Time (Oslo)'; UTC stays 'UTC';
 * the IANA id (spaces for underscores) when the runtime has no name for it.
 */
export function timeZoneLabel(zone: string, locale: string): string {
  if (zone === 'UTC' || zone === 'Etc/UTC') return 'UTC';
  try {
    const name = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'longGeneric' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName')?.value;
    if (name && !/^(GMT|UTC)[+\-−]?/.test(name)) return zone.includes('/') ? `${name} (${zoneCity(zone)})` : name;
  } catch {
    // An unknown zone or a runtime without 'longGeneric': fall through to the id.
  }
  return zone.replace(/_/g, ' ');
}

/**
 * How long ago `iso` was, relative to `nowMs`, in `locale`: '2 tuntia sitten', '5 minutes ago',
 * 'yesterday'; the largest whole unit (minutes, hours, days, weeks), 'now' under a minute.
 */
export function relativeAge(iso: string, nowMs: number, locale: string): string {
  const seconds = Math.max(0, Math.round((nowMs - new Date(iso).getTime()) / 1000));
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (seconds < 60) return format.format(0, 'second');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return format.format(-minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return format.format(-hours, 'hour');
  const days = Math.floor(hours / 24);
  if (days < 14) return format.format(-days, 'day');
  return format.format(-Math.floor(days / 7), 'week');
}

function partsIn(utcMs: number, timeZone: string) {
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
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
}

/** Offset (ms) of `timeZone` from UTC at the instant `utcMs`. */
function offsetAt(utcMs: number, timeZone: string): number {
  const p = partsIn(utcMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** The instant (ms) of a wall-clock time given as if it were UTC (`wallMs`) in `timeZone`. */
function wallToUtc(wallMs: number, timeZone: string): number {
  // Two passes settle the offset even when the guess lands on the other side of a transition.
  const guess = wallMs - offsetAt(wallMs, timeZone);
  return wallMs - offsetAt(guess, timeZone);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The wall-clock date and time of `iso` in `timeZone`. */
export function zonedParts(iso: string, timeZone: string): { date: string; time: string } {
  const p = partsIn(new Date(iso).getTime(), timeZone);
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}

/** The instant (ISO) of wall-clock `date` `time` in `timeZone`; null when the input is incomplete. */
export function zonedToIso(date: string, time: string, timeZone: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})/.exec(time);
  if (!d || !t) return null;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  return new Date(wallToUtc(wall, timeZone)).toISOString();
}

/**
 * The instant (ISO) of a `datetime-local` value ('YYYY-MM-DDTHH:MM', seconds optional) read as
 * wall-clock time in `timeZone`; null when the value is not one.
 */
export function localDateTimeToIso(value: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  if (Number.isNaN(wall)) return null;
  return new Date(wallToUtc(wall, timeZone)).toISOString();
}

/** The `datetime-local` value ('YYYY-MM-DDTHH:MM') of the instant `ms` in `timeZone`. */
export function toLocalDateTimeInput(ms: number, timeZone: string): string {
  const { date, time } = zonedParts(new Date(ms).toISOString(), timeZone);
  return `${date}T${time}`;
}

/**
 * The instant (ISO) that starts the local day `date` in `timeZone`; with `endOfDay`, the last
 * millisecond of that local day. Throws a RangeError on what is not a date.
 */
export function localDateToIso(date: string, timeZone: string, endOfDay = false): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Not a date: ${date}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = wallToUtc(endOfDay ? Date.UTC(y, m - 1, d + 1) : Date.UTC(y, m - 1, d), timeZone);
  return new Date(endOfDay ? utc - 1 : utc).toISOString();
}

/** Start of the local day `date` in `timeZone`, as an ISO instant. */
export function startOfDayIso(date: string, timeZone: string): string {
  return zonedToIso(date, '00:00', timeZone) ?? new Date(`${date}T00:00:00Z`).toISOString();
}

/** Today's date in `timeZone`. */
export function todayIn(timeZone: string): string {
  return zonedParts(new Date().toISOString(), timeZone).date;
}

/** 'YYYY-MM' of the current month in `timeZone`. */
export function currentMonth(timeZone: string): string {
  return todayIn(timeZone).slice(0, 7);
}

// ---------------------------------------------------------------------------------------------
// Calendar dates (no time zone: a date is a date)

function toUtcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function fromUtcDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

export function isDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(toUtcDate(value).getTime());
}

export function addDays(date: string, days: number): string {
  const value = toUtcDate(date);
  value.setUTCDate(value.getUTCDate() + days);
  return fromUtcDate(value);
}

/** The same day `months` later, or the month's last day when it is shorter (31 Jan + 1 → 28 Feb). */
export function addMonths(date: string, months: number): string {
  const value = toUtcDate(date);
  const day = value.getUTCDate();
  value.setUTCDate(1);
  value.setUTCMonth(value.getUTCMonth() + months);
  const last = new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth() + 1, 0)).getUTCDate();
  value.setUTCDate(Math.min(day, last));
  return fromUtcDate(value);
}

/** ISO weekday 1 (Monday) … 7 (Sunday) of a date. */
export function isoWeekday(date: string): number {
  const day = toUtcDate(date).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of the week of `date` (Nordic weeks start on Monday). */
export function startOfWeek(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

export function startOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function endOfMonth(date: string): string {
  return addDays(addMonths(startOfMonth(date), 1), -1);
}

/** Inclusive list of dates from `from` to `to`. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** A calendar date ('YYYY-MM-DD') as midday UTC, to format without a zone shift. */
export function dateOnlyIso(date: string): string {
  return `${date.slice(0, 10)}T12:00:00.000Z`;
}
