import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  currentMonth,
  dateOnlyIso,
  datesBetween,
  endOfMonth,
  isDate,
  isoWeekday,
  isValidTimeZone,
  localDateTimeToIso,
  localDateToIso,
  relativeAge,
  startOfDayIso,
  startOfMonth,
  startOfWeek,
  timeZoneLabel,
  timeZoneOptions,
  todayIn,
  toLocalDateTimeInput,
  zonedParts,
  zonedToIso,
} from './time';

describe('wall-clock times in a zone', () => {
  it('converts both ways in summer and winter time (Helsinki)', () => {
    expect(zonedToIso('2026-07-01', '10:00', 'Europe/Helsinki')).toBe('2026-07-01T07:00:00.000Z');
    expect(zonedToIso('2026-12-01', '10:00', 'Europe/Helsinki')).toBe('2026-12-01T08:00:00.000Z');
    expect(zonedParts('2026-12-01T08:00:00.000Z', 'Europe/Helsinki')).toEqual({ date: '2026-12-01', time: '10:00' });
  });

  it('keeps the wall clock across the autumn change (Oslo, 25 Oct 2026)', () => {
    expect(zonedToIso('2026-10-24', '09:00', 'Europe/Oslo')).toBe('2026-10-24T07:00:00.000Z');
    expect(zonedToIso('2026-10-26', '09:00', 'Europe/Oslo')).toBe('2026-10-26T08:00:00.000Z');
    expect(startOfDayIso('2026-10-25', 'Europe/Oslo')).toBe('2026-10-24T22:00:00.000Z');
  });

  it('refuses incomplete input', () => {
    expect(zonedToIso('', '10:00', 'Europe/Helsinki')).toBeNull();
    expect(zonedToIso('2026-01-01', '', 'Europe/Helsinki')).toBeNull();
  });

  it('gives today and this month in the zone, not in the browser’s', () => {
    expect(isDate(todayIn('Pacific/Kiritimati'))).toBe(true);
    expect(currentMonth('Europe/Helsinki')).toMatch(/^\d{4}-\d{2}$/);
  });
});

describe('datetime-local values', () => {
  it('reads the wall-clock time in the given zone', () => {
    expect(localDateTimeToIso('2026-01-15T09:30', 'Europe/Helsinki')).toBe('2026-01-15T07:30:00.000Z');
    expect(localDateTimeToIso('2026-07-15T09:30', 'Europe/Helsinki')).toBe('2026-07-15T06:30:00.000Z');
    expect(localDateTimeToIso('2026-07-15T09:30', 'Europe/Oslo')).toBe('2026-07-15T07:30:00.000Z');
    expect(localDateTimeToIso('2026-07-15T09:30:15', 'UTC')).toBe('2026-07-15T09:30:15.000Z');
  });

  it('rejects what is not a date-time', () => {
    expect(localDateTimeToIso('', 'UTC')).toBeNull();
    expect(localDateTimeToIso('yesterday', 'UTC')).toBeNull();
  });

  it('round-trips across the spring change (Helsinki, 29 Mar 2026)', () => {
    const ms = Date.parse('2026-03-29T00:45:00Z');
    expect(toLocalDateTimeInput(ms, 'Europe/Helsinki')).toBe('2026-03-29T02:45');
    expect(localDateTimeToIso(toLocalDateTimeInput(ms, 'Europe/Helsinki'), 'Europe/Helsinki')).toBe('2026-03-29T00:45:00.000Z');
    expect(zonedParts('2026-03-28T22:30:00Z', 'Europe/Helsinki').date).toBe('2026-03-29');
  });
});

describe('local days as instants', () => {
  it('finds local midnight in the zone', () => {
    expect(localDateToIso('2026-03-29', 'Europe/Helsinki')).toBe('2026-03-28T22:00:00.000Z');
    expect(localDateToIso('2026-03-29', 'Europe/Oslo')).toBe('2026-03-28T23:00:00.000Z');
    expect(localDateToIso('2026-03-30', 'Europe/Helsinki')).toBe('2026-03-29T21:00:00.000Z');
    expect(startOfDayIso('2026-03-29', 'Europe/Helsinki')).toBe(localDateToIso('2026-03-29', 'Europe/Helsinki'));
  });

  it('finds the last millisecond of a local day that is only 23 hours long', () => {
    expect(localDateToIso('2026-03-29', 'Europe/Helsinki', true)).toBe('2026-03-29T20:59:59.999Z');
    expect(localDateToIso('2026-03-29', 'Europe/Oslo', true)).toBe('2026-03-29T21:59:59.999Z');
  });

  it('refuses what is not a date', () => {
    expect(() => localDateToIso('29.3.2026', 'Europe/Oslo')).toThrow(RangeError);
  });
});

describe('time zones', () => {
  it('knows real zones and lists them with the extra ones', () => {
    expect(isValidTimeZone('Europe/Stockholm')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    const options = timeZoneOptions(['Europe/Helsinki']);
    expect(options.find((o) => o.value === 'UTC')).toBeTruthy();
    expect(options.find((o) => o.value === 'America/New_York')?.label).toBe('America/New York');
    expect(options.map((o) => o.value)).toEqual([...options.map((o) => o.value)].sort());
  });
});

describe('calendar dates', () => {
  it('weeks start on Monday', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(startOfWeek('2026-11-29')).toBe('2026-11-23');
  });

  it('month arithmetic clamps to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(endOfMonth('2028-02-10')).toBe('2028-02-29');
    expect(startOfMonth('2028-02-10')).toBe('2028-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(datesBetween('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
  });

  it('checks and shows a date without a zone shift', () => {
    expect(isDate('2026-02-10')).toBe(true);
    expect(isDate('10.2.2026')).toBe(false);
    expect(dateOnlyIso('2026-02-10')).toBe('2026-02-10T12:00:00.000Z');
  });
});

describe('time zones and ages as a person reads them', () => {
  it("names a zone in the reader's language instead of its IANA id", () => {
    expect(timeZoneLabel('Europe/Helsinki', 'fi')).toBe('Itä-Euroopan aika (Helsinki)');
    expect(timeZoneLabel('Europe/Stockholm', 'sv')).toBe('centraleuropeisk tid (Stockholm)');
    expect(timeZoneLabel('Europe/Oslo', 'nb')).toBe('sentraleuropeisk tid (Oslo)');
    expect(timeZoneLabel('Europe/Helsinki', 'en')).toBe('Eastern European Time (Helsinki)');
    expect(timeZoneLabel('UTC', 'fi')).toBe('UTC');
    expect(timeZoneLabel('Not/A_Zone', 'fi')).toBe('Not/A Zone');
    expect(timeZoneOptions(['Europe/Helsinki'], 'fi').find((o) => o.value === 'Europe/Helsinki')?.label).toBe(
      'Itä-Euroopan aika (Helsinki)',
    );
  });

  it("says how long ago, in the reader's language", () => {
    const now = Date.parse('2026-03-10T12:00:00Z');
    expect(relativeAge('2026-03-10T10:00:00Z', now, 'en')).toBe('2 hours ago');
    expect(relativeAge('2026-03-10T10:00:00Z', now, 'fi')).toBe('2 tuntia sitten');
    expect(relativeAge('2026-03-10T11:55:00Z', now, 'sv')).toBe('för 5 minuter sedan');
    expect(relativeAge('2026-03-09T11:00:00Z', now, 'nb')).toBe('i går');
    expect(relativeAge('2026-03-10T11:59:40Z', now, 'en')).toBe('now');
    expect(relativeAge('2026-02-10T12:00:00Z', now, 'en')).toBe('4 weeks ago');
  });
});
