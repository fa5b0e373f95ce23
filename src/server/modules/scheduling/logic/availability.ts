import { DateTime, IANAZone } from 'luxon';
import { type Country, isPublicHoliday } from './holidays.js';

/** ISO weekday, Monday = 1 … Sunday = 7 (the same numbering as luxon). */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** One weekly working window, as local wall-clock times in the practitioner's zone. `end` may be '24:00'. */
export interface WeeklyHoursEntry {
  weekday: Weekday;
  start: string;
  end: string;
}

export type WeeklyHours = WeeklyHoursEntry[];

/** A half-open interval [startsAt, endsAt) of ISO instants (with Z or an offset). */
export interface Interval {
  startsAt: string;
  endsAt: string;
}

export type Absence = Interval;
export type Busy = Interval;
export type Slot = Interval;

export interface FreeSlotsInput {
  /** IANA zone in which `weekly` is read, e.g. 'Europe/Helsinki'. */
  timeZone: string;
  weekly: WeeklyHours;
  absences: Absence[];
  /** Existing bookings. */
  busy: Busy[];
  /** ISO instant; slots start at or after it. */
  from: string;
  /** ISO instant; slots end at or before it. */
  to: string;
  durationMinutes: number;
  country: Country;
  /** Grid on which slots start, counted from the start of each weekly window. Default 30. */
  stepMinutes?: number;
  /** Gap kept free before and after each existing booking (not around absences). Default 0. */
  bufferMinutes?: number;
  /** Also close on the eves (Midsummer Eve, Christmas Eve, New Year's Eve). Default false. */
  closedOnEves?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Building blocks shared with cadence.ts. They work on epoch milliseconds because the planner
// checks thousands of bookings and luxon objects are far too slow for that inner loop.

/** Internal half-open interval in epoch milliseconds. */
export interface MsInterval {
  start: number;
  end: number;
}

const MINUTE = 60_000;
const OFFSET_RE = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
const HHMM_RE = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;

/**
 * Parses an ISO instant. A string without Z or an offset is refused: it would silently be read in
 * the server's own zone, and the whole point of this module is to never depend on that.
 */
export function instantMs(iso: string, what = 'instant'): number {
  const ms = OFFSET_RE.test(iso) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`Expected ${what} as an ISO instant with Z or an offset, got "${iso}"`);
  return ms;
}

export function isoOf(ms: number): string {
  return new Date(ms).toISOString();
}

/** Minutes after local midnight for 'HH:MM' (accepts '24:00'). */
export function parseHhMm(value: string, what = 'time'): number {
  const m = HHMM_RE.exec(value);
  if (!m) throw new RangeError(`Expected ${what} as HH:MM, got "${value}"`);
  return m[3] ? 24 * 60 : Number(m[1]) * 60 + Number(m[2]);
}

export function assertZone(timeZone: string): void {
  if (!IANAZone.isValidZone(timeZone)) throw new RangeError(`Unknown time zone "${timeZone}"`);
}

export function assertPositiveInt(value: number, what: string): void {
  if (!Number.isInteger(value) || value <= 0) throw new RangeError(`${what} must be a positive whole number, got ${value}`);
}

/** Weekly hours per ISO weekday as sorted, merged [startMinute, endMinute] windows. */
export type WeeklyIndex = Map<number, [number, number][]>;

export function indexWeekly(weekly: WeeklyHours): WeeklyIndex {
  const byDay = new Map<number, [number, number][]>();
  for (const entry of weekly) {
    if (!Number.isInteger(entry.weekday) || entry.weekday < 1 || entry.weekday > 7) {
      throw new RangeError(`weekday must be 1 (Monday) … 7 (Sunday), got ${entry.weekday}`);
    }
    const start = parseHhMm(entry.start, 'weekly start');
    const end = parseHhMm(entry.end, 'weekly end');
    if (end <= start) throw new RangeError(`Weekly window ${entry.start}–${entry.end} ends before it starts`);
    const list = byDay.get(entry.weekday) ?? [];
    list.push([start, end]);
    byDay.set(entry.weekday, list);
  }
  // Overlapping or touching entries (09–12 and 12–16) are one stretch of working time; merging
  // lets a meeting run across the seam and keeps candidate start times increasing.
  for (const [day, list] of byDay) {
    list.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const w of list) {
      const last = merged[merged.length - 1];
      if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
      else merged.push([w[0], w[1]]);
    }
    byDay.set(day, merged);
  }
  return byDay;
}

/** Sorts and merges intervals, widening each by `padMs` on both sides; empty ones are dropped. */
export function mergeIntervals(list: readonly Interval[], padMs: number, what: string): MsInterval[] {
  const raw: MsInterval[] = [];
  for (const item of list) {
    const start = instantMs(item.startsAt, `${what}.startsAt`) - padMs;
    const end = instantMs(item.endsAt, `${what}.endsAt`) + padMs;
    if (end > start) raw.push({ start, end });
  }
  raw.sort((a, b) => a.start - b.start);
  const merged: MsInterval[] = [];
  for (const iv of raw) {
    const last = merged[merged.length - 1];
    if (last && iv.start <= last.end) last.end = Math.max(last.end, iv.end);
    else merged.push({ start: iv.start, end: iv.end });
  }
  return merged;
}

/** Index of the first interval in a sorted, merged list that ends after `t`. */
export function firstEndingAfter(sorted: readonly MsInterval[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.end <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether [start, end) overlaps any interval of a sorted, merged list: O(log n). */
export function overlapsAny(sorted: readonly MsInterval[], start: number, end: number): boolean {
  const i = firstEndingAfter(sorted, start);
  const iv = sorted[i];
  return iv !== undefined && iv.start < end;
}

/**
 * The next local midnight of each local day, per zone: a day of exactly 24 hours has one UTC offset
 * throughout, so its minutes are plain arithmetic. Luxon's offset lookups were half the planner's
 * CPU under load (measured by the bench); only the two clock-change days a year need them.
 */
const nextMidnights = new Map<string, number>();

function nextMidnightMs(day: DateTime): number {
  const key = `${day.zoneName}|${day.toMillis()}`;
  let next = nextMidnights.get(key);
  if (next === undefined) {
    if (nextMidnights.size > 50_000) nextMidnights.clear();
    next = day.plus({ days: 1 }).startOf('day').toMillis();
    nextMidnights.set(key, next);
  }
  return next;
}

/** Local wall-clock minute of a day as an instant; luxon moves a time inside a spring-forward gap forward. */
export function localMinuteMs(day: DateTime, minute: number): number {
  const next = nextMidnightMs(day);
  if (minute >= 24 * 60) return next;
  const start = day.toMillis();
  if (next - start === 86_400_000) return start + minute * 60_000;
  return day.set({ hour: Math.floor(minute / 60), minute: minute % 60, second: 0, millisecond: 0 }).toMillis();
}

export interface DayWindow {
  startMinute: number;
  endMinute: number;
  startMs: number;
  endMs: number;
}

/** The weekly windows of one local day as instants. `day` is a luxon DateTime at local midnight. */
export function dayWindows(weekly: WeeklyIndex, day: DateTime): DayWindow[] {
  const list = weekly.get(day.weekday);
  if (!list) return [];
  return list.map(([startMinute, endMinute]) => ({
    startMinute,
    endMinute,
    startMs: localMinuteMs(day, startMinute),
    endMs: localMinuteMs(day, endMinute),
  }));
}

// ---------------------------------------------------------------------------------------------

/**
 * Candidate meeting slots inside the weekly hours, read as wall-clock times in `timeZone` (so 09:00
 * stays 09:00 across the DST change), skipping public holidays of `country` and anything that
 * overlaps an absence or an existing booking widened by the buffer. Sorted by start.
 */
export function freeSlots(input: FreeSlotsInput): Slot[] {
  const step = input.stepMinutes ?? 30;
  const buffer = input.bufferMinutes ?? 0;
  assertPositiveInt(input.durationMinutes, 'durationMinutes');
  assertPositiveInt(step, 'stepMinutes');
  if (!Number.isInteger(buffer) || buffer < 0) throw new RangeError(`bufferMinutes must be a whole number ≥ 0, got ${buffer}`);
  assertZone(input.timeZone);

  const fromMs = instantMs(input.from, 'from');
  const toMs = instantMs(input.to, 'to');
  const weekly = indexWeekly(input.weekly);
  if (toMs <= fromMs || weekly.size === 0) return [];

  const durMs = input.durationMinutes * MINUTE;
  const stepMs = step * MINUTE;
  const absences = mergeIntervals(input.absences, 0, 'absence');
  const busy = mergeIntervals(input.busy, buffer * MINUTE, 'busy');
  const holidayOptions = { includeEves: input.closedOnEves === true };

  // Candidates come out in increasing order, so each blocked list is walked once with a pointer,
  // after a binary search to skip the years of bookings before `from`.
  let ai = firstEndingAfter(absences, fromMs);
  let bi = firstEndingAfter(busy, fromMs);
  const out: Slot[] = [];

  for (let day = DateTime.fromMillis(fromMs, { zone: input.timeZone }).startOf('day'); day.toMillis() < toMs; day = day.plus({ days: 1 })) {
    if (!weekly.has(day.weekday)) continue;
    if (isPublicHoliday(input.country, day.toISODate()!, holidayOptions)) continue;
    for (const w of dayWindows(weekly, day)) {
      for (let start = w.startMs; start + durMs <= w.endMs; start += stepMs) {
        const end = start + durMs;
        if (start < fromMs) continue;
        if (end > toMs) break;
        while (ai < absences.length && absences[ai]!.end <= start) ai++;
        while (bi < busy.length && busy[bi]!.end <= start) bi++;
        const a = absences[ai];
        const b = busy[bi];
        if ((a && a.start < end) || (b && b.start < end)) continue;
        out.push({ startsAt: isoOf(start), endsAt: isoOf(end) });
      }
    }
  }
  return out;
}
