import { useMemo } from 'react';
import { useFormat } from '../../app/format-hooks';
import { useModuleError } from '../../app/labels';
import { dateOnlyIso } from '../../app/time';

/** Dates, times and money in the active language and the user's profile time zone. */
export function useSupervisionFormat() {
  const format = useFormat();
  return useMemo(() => {
    const { locale, timeZone } = format;
    const fmt = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { timeZone, ...options });
    const fmtDay = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options });
    const time = (iso: string) => fmt({ timeStyle: 'short' }).format(new Date(iso));
    return {
      ...format,
      time,
      /** "10:00–11:30" */
      timeRange: (start: string, end: string) => `${time(start)}–${time(end)}`,
      /** Date and time range of a meeting, e.g. "Mon 3 Mar 2026, 10:00–11:30". */
      meetingWhen: (start: string, end: string) =>
        `${fmt({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(start))}, ${time(start)}–${time(end)}`,
      /** A calendar date ('YYYY-MM-DD'), no time zone shift. */
      calendarDate: (date: string) => fmtDay({ dateStyle: 'medium' }).format(new Date(dateOnlyIso(date))),
      longDate: (date: string) => fmtDay({ dateStyle: 'long' }).format(new Date(dateOnlyIso(date))),
      /** "Monday 3 March" for a day heading. */
      dayHeading: (date: string) => fmtDay({ weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(dateOnlyIso(date))),
      weekdayShort: (date: string) => fmtDay({ weekday: 'short' }).format(new Date(dateOnlyIso(date))),
      weekdayLong: (date: string) => fmtDay({ weekday: 'long' }).format(new Date(dateOnlyIso(date))),
      dayNumber: (date: string) => fmtDay({ day: 'numeric' }).format(new Date(dateOnlyIso(date))),
      /** "2–8 March 2026" */
      dateRange: (from: string, to: string) => {
        const f = fmtDay({ day: 'numeric', month: 'long', year: 'numeric' });
        return f.formatRange(new Date(dateOnlyIso(from)), new Date(dateOnlyIso(to)));
      },
      monthTitle: (date: string) => fmtDay({ month: 'long', year: 'numeric' }).format(new Date(dateOnlyIso(date))),
      money: (cents: number, currency: string) =>
        new Intl.NumberFormat(locale, { style: 'currency', currency: currency || 'EUR' }).format(cents / 100),
    };
  }, [format]);
}

const OWN_ERRORS = [
  'too_late_to_cancel',
  'invalid_transition',
  'not_a_crisis_process',
  'meeting_not_planned',
  'meeting_not_started',
  'meeting_cancelled',
  'process_closed',
  'not_invited',
  'last_practitioner',
  'mixed_currencies',
];

/** Error text: this module's own codes first, then the app's general ones. */
export function useSupervisionError() {
  return useModuleError('supervision', OWN_ERRORS);
}
