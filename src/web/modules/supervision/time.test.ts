import { describe, expect, it } from 'vitest';
import { addMonths, datesBetween, endOfMonth, isoWeekday, startOfDayIso, startOfWeek, zonedParts, zonedToIso } from './time';

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
    expect(datesBetween('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
  });
});
