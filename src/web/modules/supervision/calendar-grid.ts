import type { BusinessHoursInput, EventInput } from '@fullcalendar/core';
import type { Absence, CalendarEntry, CalendarOut } from '../../../shared/scheduling';
import { addDays, isoWeekday, startOfWeek, zonedParts, zonedToIso } from '../../app/time';

// What the calendar grid (FullCalendar) is given, as pure functions of what the server answers.
//
// Time zones: the grid runs in 'UTC' and is given every instant as the user's wall-clock time
// written as if it were UTC ("zone-shifted"); what it hands back (a drop) is read the same way.
// So src/web/app/time.ts stays the web's one time-zone module: FullCalendar's own named zones
// need a second zone library in the bundle (its luxon plugin), which would then have to agree
// with the one the forms, the editor and the mails use.

/** The grid date of an instant: its wall-clock time in `zone`, written as if it were UTC. */
export function toGridDate(iso: string, zone: string): Date {
  const { date, time } = zonedParts(iso, zone);
  return new Date(`${date}T${time}:00.000Z`);
}

/** The instant (ISO) of a grid date, read as wall-clock time in `zone`. */
export function fromGridDate(value: Date, zone: string): string {
  const iso = value.toISOString();
  return zonedToIso(iso.slice(0, 10), iso.slice(11, 16), zone) ?? iso;
}

/** The ISO 8601 week number of a calendar date ('YYYY-MM-DD'): weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeekNumber(date: string): number {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const yearStart = `${thursday.slice(0, 4)}-01-01`;
  const days = Math.round((Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${yearStart}T00:00:00Z`)) / 86_400_000);
  return Math.floor(days / 7) + 1;
}

export const meetingClass = 'calendar-meeting';

/** Meetings as grid events: a link to the meeting, draggable only when the server says the caller may move it. */
export function meetingEvents(
  items: CalendarEntry[],
  zone: string,
  title: (item: CalendarEntry) => string,
  url: (item: CalendarEntry) => string,
): EventInput[] {
  return items.map((item) => ({
    id: item.id,
    title: title(item),
    start: toGridDate(item.startsAt, zone),
    end: toGridDate(item.endsAt, zone),
    url: url(item),
    // A meeting keeps its length when moved, as in the editor: it is dragged, never resized.
    startEditable: item.canMove,
    durationEditable: false,
    classNames: [meetingClass, `${meetingClass}--${item.status}`, ...(item.canMove ? [`${meetingClass}--movable`] : [])],
    extendedProps: { item },
  }));
}

/** The caller's own absences as shaded background, over whatever they cover. */
export function absenceEvents(absences: Absence[], zone: string, label: (absence: Absence) => string): EventInput[] {
  return absences.map((absence) => ({
    id: `absence-${absence.id}`,
    title: label(absence),
    start: toGridDate(absence.startsAt, zone),
    end: toGridDate(absence.endsAt, zone),
    display: 'background',
    classNames: ['calendar-absence'],
  }));
}

type Hours = NonNullable<CalendarOut['workingHours']>;
interface Slot {
  daysOfWeek: number[];
  startTime: string;
  endTime: string;
}

/**
 * Weekly hours as FullCalendar's business hours (everything else is shaded), shown in
 * `displayZone`. Hours are wall-clock times in their own zone; when that is the display zone they
 * map one to one, else each is placed on the week of `weekOf` and read in the display zone (a
 * span that crosses midnight there is split in two). No hours set: nothing is shaded.
 */
export function businessHours(hours: Hours | null | undefined, displayZone: string, weekOf: string): BusinessHoursInput {
  if (!hours || hours.weekly.length === 0) return false;
  const dow = (isoDay: number) => isoDay % 7;
  if (hours.timeZone === displayZone) {
    return hours.weekly.map((w) => ({ daysOfWeek: [dow(w.weekday)], startTime: w.start, endTime: w.end }));
  }
  const monday = startOfWeek(weekOf);
  const slots: Slot[] = [];
  for (const w of hours.weekly) {
    const day = addDays(monday, w.weekday - 1);
    const start = zonedToIso(day, w.start, hours.timeZone);
    const end = w.end === '24:00' ? zonedToIso(addDays(day, 1), '00:00', hours.timeZone) : zonedToIso(day, w.end, hours.timeZone);
    if (!start || !end) continue;
    const from = zonedParts(start, displayZone);
    const to = zonedParts(end, displayZone);
    if (from.date === to.date) slots.push({ daysOfWeek: [dow(isoWeekday(from.date))], startTime: from.time, endTime: to.time });
    else {
      slots.push({ daysOfWeek: [dow(isoWeekday(from.date))], startTime: from.time, endTime: '24:00' });
      if (to.time !== '00:00') slots.push({ daysOfWeek: [dow(isoWeekday(to.date))], startTime: '00:00', endTime: to.time });
    }
  }
  return slots;
}

/**
 * The hours the time grid shows: a working day (07–19) widened to the working hours and to every
 * meeting in view, so nothing falls outside it.
 */
export function visibleHours(
  events: { start: Date; end: Date }[],
  hours: BusinessHoursInput,
  base = { min: 7, max: 19 },
): { slotMinTime: string; slotMaxTime: string } {
  let min = base.min;
  let max = base.max;
  const hour = (time: string) => Number(time.slice(0, 2)) + Number(time.slice(3, 5)) / 60;
  for (const e of events) {
    min = Math.min(min, e.start.getUTCHours());
    const endsNextDay = e.end.toISOString().slice(0, 10) !== e.start.toISOString().slice(0, 10);
    max = Math.max(max, endsNextDay ? 24 : e.end.getUTCHours() + (e.end.getUTCMinutes() > 0 ? 1 : 0));
  }
  if (Array.isArray(hours)) {
    for (const h of hours as Slot[]) {
      min = Math.min(min, Math.floor(hour(h.startTime)));
      max = Math.max(max, Math.ceil(hour(h.endTime)));
    }
  }
  const pad = (n: number) => `${String(n).padStart(2, '0')}:00:00`;
  return { slotMinTime: pad(Math.max(0, min)), slotMaxTime: pad(Math.min(24, max)) };
}
