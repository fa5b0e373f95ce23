import { DateTime } from 'luxon';
import {
  type Absence,
  assertPositiveInt,
  assertZone,
  type Busy,
  dayWindows,
  indexWeekly,
  instantMs,
  isoOf,
  localMinuteMs,
  type MsInterval,
  mergeIntervals,
  overlapsAny,
  parseHhMm,
  type WeeklyHours,
} from './availability.js';
import { type Country, isPublicHoliday, isWorkingDay } from './holidays.js';

export type CadenceKind = 'crisis' | 'monthly' | 'biweekly' | 'weekly';
export type MeetingReason = 'first-asap' | 'acute-phase' | 'lengthened' | 'regular';
export type ShiftReason = 'holiday' | 'unavailable' | 'busy' | 'absence';

export interface PlanCadenceInput {
  kind: CadenceKind;
  /** ISO instant of "now"; nothing is proposed before now + minNoticeMinutes. */
  now: string;
  /** IANA zone of the practitioner; weekly hours and meeting times are wall-clock times in it. */
  timeZone: string;
  country: Country;
  weekly: WeeklyHours;
  absences: Absence[];
  /** Existing bookings of the practitioner. */
  busy: Busy[];
  durationMinutes: number;
  /** How many meetings to propose, the first included. */
  count: number;
  /** YYYY-MM-DD, earliest day to propose; default today in `timeZone`. */
  startFrom?: string;
  /** Crisis: meetings two weeks apart, the first included. Default 3. */
  acutePhaseMeetings?: number;
  /** Crisis: weeks between meetings after the acute phase. Default 4. */
  lengthenedIntervalWeeks?: number;
  /** 'HH:MM' local. Crisis: time of the meetings after the first (which is simply the earliest). Default: the first meeting's time. */
  preferredTime?: string;
  /** Grid on which meetings may start, counted from the start of each weekly window. Default 30. */
  stepMinutes?: number;
  /** Free time kept before and after existing bookings and the proposed meetings. Default 0. */
  bufferMinutes?: number;
  /** Nothing is proposed sooner than this after `now`, so someone can still be reached. Default 120. */
  minNoticeMinutes?: number;
  /** Crisis: the first meeting should be within this many working days after the search starts. Default 3. */
  firstMeetingWithinWorkingDays?: number;
  /** How many days after its target a meeting may move before it is flagged `late`. Default 6 (weekly: at most 6). */
  maxShiftDays?: number;
  /** Treat the eves (Midsummer, Christmas, New Year's) as closed days and not as working days. Default false. */
  closedOnEves?: boolean;
}

export interface ProposedMeeting {
  startsAt: string;
  endsAt: string;
  reason: MeetingReason;
  /** YYYY-MM-DD the rule aimed at, in `timeZone`. */
  target: string;
  /** Present when the meeting is not at the target slot: why that slot could not be used. */
  shiftedBecause?: ShiftReason[];
  /**
   * Present (true) when no slot fitted the wanted window (crisis: within the working-day limit;
   * otherwise within maxShiftDays of the target), so the proposal is the earliest one after it.
   * The practitioner should look at it before confirming.
   */
  late?: boolean;
}

const MINUTE = 60_000;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
// Searching stops this many days past the wanted window: a practitioner with no free time for
// four months needs a person, not a proposal, and it keeps the loop bounded.
const LATE_HORIZON_DAYS = 120;
const SHIFT_ORDER: readonly ShiftReason[] = ['holiday', 'absence', 'busy', 'unavailable'];

interface Candidate {
  startMs: number;
  endMs: number;
  /** Local wall-clock minute after midnight. */
  minute: number;
}

interface Found {
  day: DateTime;
  slot: Candidate;
}

function nonNegativeInt(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${what} must be a whole number ≥ 0, got ${value}`);
  return value;
}

/**
 * Proposes `count` meetings following a supervision cadence.
 *
 * - crisis: the first meeting is the earliest free slot from now + notice up to the end of the
 *   3rd working day (Mon–Fri, not a public holiday) after the search starts; if none fits, the
 *   earliest one after that, flagged `late`. Then every 2 weeks until `acutePhaseMeetings`
 *   meetings, then every `lengthenedIntervalWeeks` weeks.
 * - weekly / biweekly: same weekday every 7 / 14 days.
 * - monthly: the same weekday nearest to the same day of each following month, so meetings are
 *   4 or 5 weeks apart and there are 12 in a year (see `monthlyTarget`).
 *
 * Targets are counted from the first meeting (the anchor), not from the previous meeting, so one
 * meeting pushed by a holiday does not drag the rest of the series along. Each target is moved to
 * the free slot closest to the preferred time on the nearest day on or after it.
 */
export function planCadence(input: PlanCadenceInput): ProposedMeeting[] {
  const { kind, timeZone: zone, country } = input;
  if (!Number.isInteger(input.count) || input.count < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${input.count}`);
  assertZone(zone);
  assertPositiveInt(input.durationMinutes, 'durationMinutes');
  const step = input.stepMinutes ?? 30;
  assertPositiveInt(step, 'stepMinutes');
  const bufferMs = nonNegativeInt(input.bufferMinutes ?? 0, 'bufferMinutes') * MINUTE;
  const noticeMs = nonNegativeInt(input.minNoticeMinutes ?? 120, 'minNoticeMinutes') * MINUTE;
  const acute = input.acutePhaseMeetings ?? 3;
  assertPositiveInt(acute, 'acutePhaseMeetings');
  const lengthenedWeeks = input.lengthenedIntervalWeeks ?? 4;
  assertPositiveInt(lengthenedWeeks, 'lengthenedIntervalWeeks');
  const withinWorkingDays = input.firstMeetingWithinWorkingDays ?? 3;
  assertPositiveInt(withinWorkingDays, 'firstMeetingWithinWorkingDays');
  let maxShift = nonNegativeInt(input.maxShiftDays ?? 6, 'maxShiftDays');
  // A weekly meeting moved by a full week would land on the next one's target.
  if (kind === 'weekly') maxShift = Math.min(maxShift, 6);
  const preferred = input.preferredTime === undefined ? undefined : parseHhMm(input.preferredTime, 'preferredTime');
  if (preferred === 24 * 60) throw new RangeError('preferredTime must be before 24:00');

  const nowMs = instantMs(input.now, 'now');
  const weekly = indexWeekly(input.weekly);
  if (input.count === 0 || weekly.size === 0) return [];

  const earliestMs = nowMs + noticeMs;
  let floorMs = earliestMs;
  if (input.startFrom !== undefined) {
    const start = DateTime.fromISO(input.startFrom, { zone });
    if (!DATE_RE.test(input.startFrom) || !start.isValid) throw new RangeError(`startFrom must be YYYY-MM-DD, got "${input.startFrom}"`);
    floorMs = Math.max(floorMs, start.startOf('day').toMillis());
  }

  const durMs = input.durationMinutes * MINUTE;
  const stepMs = step * MINUTE;
  const absences = mergeIntervals(input.absences, 0, 'absence');
  const busy = mergeIntervals(input.busy, bufferMs, 'busy');
  // Few enough (count) that a linear scan beats keeping them merged.
  const proposed: MsInterval[] = [];
  const holidayOptions = { includeEves: input.closedOnEves === true };

  const isHoliday = (day: DateTime) => isPublicHoliday(country, day.toISODate()!, holidayOptions);
  const clashesWithProposed = (start: number, end: number) => proposed.some((p) => p.start < end && start < p.end);
  const isFree = (start: number, end: number) =>
    !overlapsAny(absences, start, end) && !overlapsAny(busy, start, end) && !clashesWithProposed(start, end);

  function candidates(day: DateTime, floor: number, prefer: number | undefined): Candidate[] {
    if (isHoliday(day)) return [];
    const out: Candidate[] = [];
    for (const w of dayWindows(weekly, day)) {
      for (let minute = w.startMinute, start = w.startMs; start + durMs <= w.endMs; minute += step, start += stepMs) {
        if (start >= floor) out.push({ startMs: start, endMs: start + durMs, minute });
      }
      // The preferred time is offered even off the grid: a group that meets at 10:15 keeps 10:15.
      if (prefer !== undefined && prefer >= w.startMinute && prefer < w.endMinute && (prefer - w.startMinute) % step !== 0) {
        const start = localMinuteMs(day, prefer);
        if (start >= floor && start + durMs <= w.endMs) out.push({ startMs: start, endMs: start + durMs, minute: prefer });
      }
    }
    return out.sort((a, b) => a.startMs - b.startMs);
  }

  /** Without a preferred time the earliest free slot; with one, the free slot closest to it (earlier wins a tie). */
  function pickOnDay(day: DateTime, floor: number, prefer: number | undefined): Candidate | undefined {
    let best: Candidate | undefined;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const c of candidates(day, floor, prefer)) {
      if (!isFree(c.startMs, c.endMs)) continue;
      if (prefer === undefined) return c;
      const distance = Math.abs(c.minute - prefer);
      if (distance < bestDistance) {
        best = c;
        bestDistance = distance;
      }
    }
    return best;
  }

  function search(firstDay: DateTime, lastDay: DateTime, floor: number, prefer: number | undefined): Found | undefined {
    const last = lastDay.toMillis();
    for (let day = firstDay; day.toMillis() <= last; day = day.plus({ days: 1 })) {
      const slot = pickOnDay(day, floor, prefer);
      if (slot) return { day, slot };
    }
    return undefined;
  }

  function slotReasons(day: DateTime, start: number, end: number, floor: number, into = new Set<ShiftReason>()): Set<ShiftReason> {
    if (isHoliday(day)) into.add('holiday');
    if (start < floor || !dayWindows(weekly, day).some((w) => start >= w.startMs && end <= w.endMs)) into.add('unavailable');
    if (overlapsAny(absences, start, end)) into.add('absence');
    if (overlapsAny(busy, start, end) || clashesWithProposed(start, end)) into.add('busy');
    return into;
  }

  /**
   * Why no slot on `day` works: the union over the slots its weekly hours would have offered.
   * With `onlyAhead`, slots already behind the floor are passed over: when a crisis is reported
   * in the afternoon, the morning that has gone is no reason worth reporting.
   */
  function dayReasons(day: DateTime, floor: number, into = new Set<ShiftReason>(), onlyAhead = false): Set<ShiftReason> {
    if (isHoliday(day)) into.add('holiday');
    let offered = false;
    for (const w of dayWindows(weekly, day)) {
      for (let start = w.startMs; start + durMs <= w.endMs; start += stepMs) {
        if (onlyAhead && start < floor) continue;
        offered = true;
        slotReasons(day, start, start + durMs, floor, into);
      }
    }
    if (!offered && !onlyAhead) into.add('unavailable');
    return into;
  }

  const ordered = (reasons: Set<ShiftReason>): ShiftReason[] => {
    const list = SHIFT_ORDER.filter((r) => reasons.has(r));
    return list.length > 0 ? list : ['unavailable'];
  };

  const meetings: ProposedMeeting[] = [];
  const accept = (found: Found, reason: MeetingReason, target: DateTime, shiftedBecause: ShiftReason[] | undefined, late: boolean) => {
    const meeting: ProposedMeeting = {
      startsAt: isoOf(found.slot.startMs),
      endsAt: isoOf(found.slot.endMs),
      reason,
      target: target.toISODate()!,
    };
    if (shiftedBecause) meeting.shiftedBecause = shiftedBecause;
    if (late) meeting.late = true;
    meetings.push(meeting);
    proposed.push({ start: found.slot.startMs - bufferMs, end: found.slot.endMs + bufferMs });
  };

  // ---- the first meeting: the anchor of the series
  const floorDay = DateTime.fromMillis(floorMs, { zone }).startOf('day');
  let first: Found | undefined;
  if (kind === 'crisis') {
    let deadline = floorDay;
    for (let n = 0; n < withinWorkingDays; ) {
      deadline = deadline.plus({ days: 1 });
      if (isWorkingDay(country, deadline.toISODate()!, holidayOptions)) n++;
    }
    first = search(floorDay, deadline, floorMs, undefined);
    let late = false;
    let shiftedBecause: ShiftReason[] | undefined;
    if (!first) {
      first = search(deadline.plus({ days: 1 }), deadline.plus({ days: LATE_HORIZON_DAYS }), floorMs, undefined);
      if (!first) return [];
      late = true;
      const reasons = new Set<ShiftReason>();
      // Days without weekly hours (the weekend, usually) are not news; say what blocked the working time.
      for (let day = floorDay; day.toMillis() <= deadline.toMillis(); day = day.plus({ days: 1 })) {
        if (weekly.has(day.weekday)) dayReasons(day, floorMs, reasons, true);
      }
      shiftedBecause = ordered(reasons);
    }
    accept(first, 'first-asap', floorDay, shiftedBecause, late);
  } else {
    const target = floorDay;
    first = search(target, target.plus({ days: maxShift }), floorMs, preferred);
    let late = false;
    if (!first) {
      first = search(target.plus({ days: maxShift + 1 }), target.plus({ days: maxShift + LATE_HORIZON_DAYS }), floorMs, preferred);
      if (!first) return [];
      late = true;
    }
    let shiftedBecause: ShiftReason[] | undefined;
    if (preferred !== undefined) {
      const idealStart = localMinuteMs(target, preferred);
      if (first.slot.startMs !== idealStart) shiftedBecause = ordered(slotReasons(target, idealStart, idealStart + durMs, floorMs));
    } else if (!first.day.hasSame(target, 'day')) {
      shiftedBecause = ordered(dayReasons(target, floorMs));
    }
    accept(first, 'regular', target, shiftedBecause, late);
  }

  // ---- the rest of the series, counted from the anchor
  const prefer = preferred ?? first.slot.minute;
  let anchorDay = first.day;
  let anchorIndex = 0;
  let previousEndMs = first.slot.endMs;

  const gapDays = (index: number): number => {
    if (kind === 'weekly') return 7;
    if (kind === 'biweekly') return 14;
    return index < acute ? 14 : lengthenedWeeks * 7;
  };

  const targetDay = (index: number): DateTime => {
    if (kind === 'monthly') return monthlyTarget(anchorDay, index - anchorIndex);
    let days = 0;
    for (let j = anchorIndex + 1; j <= index; j++) days += gapDays(j);
    return anchorDay.plus({ days });
  };

  for (let index = 1; index < input.count; index++) {
    const target = targetDay(index);
    const floor = Math.max(earliestMs, previousEndMs);
    const lastDay = target.plus({ days: maxShift });
    let found = search(target, lastDay, floor, prefer);
    let late = false;
    if (!found) {
      found = search(lastDay.plus({ days: 1 }), lastDay.plus({ days: LATE_HORIZON_DAYS }), floor, prefer);
      if (!found) break;
      late = true;
    }
    const idealStart = localMinuteMs(target, prefer);
    const shiftedBecause =
      found.slot.startMs === idealStart ? undefined : ordered(slotReasons(target, idealStart, idealStart + durMs, floor));
    const reason: MeetingReason = kind !== 'crisis' ? 'regular' : index < acute ? 'acute-phase' : 'lengthened';
    accept(found, reason, target, shiftedBecause, late);
    // After a long displacement the old rhythm would put the next meeting right behind this one;
    // the series starts counting again from here instead.
    if (late) {
      anchorDay = found.day;
      anchorIndex = index;
    }
    previousEndMs = found.slot.endMs;
  }
  return meetings;
}

/**
 * "Monthly" target: the same weekday as the anchor, nearest to the anchor's day of the month
 * `months` months later (anchor Tue 13 Jan → Tue 10 Feb → Tue 10 Mar → Tue 14 Apr …).
 *
 * Chosen over the two plain rules because supervision groups meet on a fixed weekday (their shifts
 * are planned around it) and contracts count sessions per year: "same weekday 4 weeks later" keeps
 * the weekday but drifts to 13 sessions a year, and "same day of the month" keeps the count but
 * wanders across weekdays and weekends. Counted from the anchor each time, it never drifts, and
 * consecutive meetings are always 4 or 5 weeks apart.
 */
export function monthlyTarget(anchorDay: DateTime, months: number): DateTime {
  const raw = anchorDay.plus({ months });
  const ahead = (anchorDay.weekday - raw.weekday + 7) % 7;
  return ahead <= 3 ? raw.plus({ days: ahead }) : raw.minus({ days: 7 - ahead });
}
