/**
 * Wall-clock helpers for date and time inputs in an explicit IANA time zone (DST-correct).
 * Dates are 'YYYY-MM-DD', times 'HH:MM', instants ISO strings.
 */

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

function offsetAt(utcMs: number, timeZone: string): number {
  const p = partsIn(utcMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(utcMs / 1000) * 1000;
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
  // Two passes settle the offset even next to a daylight-saving transition.
  let utc = wall - offsetAt(wall, timeZone);
  utc = wall - offsetAt(utc, timeZone);
  return new Date(utc).toISOString();
}

/** Start of the local day `date` in `timeZone`, as an ISO instant. */
export function startOfDayIso(date: string, timeZone: string): string {
  return zonedToIso(date, '00:00', timeZone) ?? new Date(`${date}T00:00:00Z`).toISOString();
}

/** Today's date in `timeZone`. */
export function todayIn(timeZone: string): string {
  return zonedParts(new Date().toISOString(), timeZone).date;
}

function toUtcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function fromUtcDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const value = toUtcDate(date);
  value.setUTCDate(value.getUTCDate() + days);
  return fromUtcDate(value);
}

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

/** A calendar date ('YYYY-MM-DD') as a UTC-midnight instant, to format without a zone shift. */
export function dateOnlyIso(date: string): string {
  return `${date.slice(0, 10)}T12:00:00.000Z`;
}

export function isDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(toUtcDate(value).getTime());
}

/** 'YYYY-MM' of the current month in `timeZone`. */
export function currentMonth(timeZone: string): string {
  return todayIn(timeZone).slice(0, 7);
}
