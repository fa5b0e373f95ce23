import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { isPublicHoliday, isWorkingDay, publicHolidays } from './holidays.js';

describe('publicHolidays', () => {
  it('Finland 2026: midsummer day, independence day and Good Friday, without the eves or observances', () => {
    const fi = publicHolidays('FI', '2026-01-01', '2026-12-31');
    const dates = fi.map((h) => h.date);
    // Fixed dates on purpose: a regression in the library's data should fail here.
    expect(dates).toContain('2026-06-20'); // juhannuspäivä, a Saturday
    expect(dates).toContain('2026-12-06'); // itsenäisyyspäivä
    expect(dates).toContain('2026-04-03'); // pitkäperjantai
    expect(fi.find((h) => h.date === '2026-06-20')?.name.toLowerCase()).toContain('juhannus');
    expect(dates).not.toContain('2026-06-19'); // juhannusaatto is a bank day, not a public holiday
    expect(dates).not.toContain('2026-12-24'); // jouluaatto likewise
    expect(dates).not.toContain('2026-05-10'); // mother's day, an observance
    expect(dates).toEqual([...dates].sort());
    expect(new Set(dates).size).toBe(dates.length);
  });

  it('matches what date-holidays itself calls public', () => {
    for (const country of ['FI', 'SE', 'NO'] as const) {
      const fromLibrary = new Holidays(country)
        .getHolidays(2026)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10));
      expect(publicHolidays(country, '2026-01-01', '2026-12-31').map((h) => h.date)).toEqual([...new Set(fromLibrary)].sort());
    }
  });

  it('Norway 2026: constitution day and Maundy Thursday', () => {
    const dates = publicHolidays('NO', '2026-01-01', '2026-12-31').map((h) => h.date);
    expect(dates).toContain('2026-05-17');
    expect(dates).toContain('2026-04-02');
    expect(dates).not.toContain('2026-02-14'); // Valentinsdag, an observance
  });

  it('Sweden 2026: national day', () => {
    const se = publicHolidays('SE', '2026-01-01', '2026-12-31');
    expect(se.map((h) => h.date)).toContain('2026-06-06');
    expect(se.find((h) => h.date === '2026-06-06')?.name.toLowerCase()).toContain('national');
    expect(se.map((h) => h.date)).not.toContain('2026-04-02'); // skärtorsdagen is not a holiday in Sweden
  });

  it('limits to the range, inclusive, and spans years', () => {
    expect(publicHolidays('FI', '2026-12-25', '2027-01-06').map((h) => h.date)).toEqual([
      '2026-12-25',
      '2026-12-26',
      '2027-01-01',
      '2027-01-06',
    ]);
    expect(publicHolidays('FI', '2026-07-01', '2026-07-31')).toEqual([]);
  });

  it('adds the eves only when asked', () => {
    const fi = publicHolidays('FI', '2026-06-01', '2026-12-31', { includeEves: true }).map((h) => h.date);
    expect(fi).toEqual(expect.arrayContaining(['2026-06-19', '2026-12-24', '2026-12-31']));
    const se = publicHolidays('SE', '2026-06-01', '2026-12-31', { includeEves: true }).map((h) => h.date);
    expect(se).toEqual(expect.arrayContaining(['2026-06-19', '2026-12-24', '2026-12-31']));
    const no = publicHolidays('NO', '2026-12-01', '2026-12-31', { includeEves: true }).map((h) => h.date);
    expect(no).toEqual(expect.arrayContaining(['2026-12-24', '2026-12-31']));
  });

  it('refuses malformed dates', () => {
    expect(() => publicHolidays('FI', '2026-1-1', '2026-12-31')).toThrow(RangeError);
    expect(() => isPublicHoliday('FI', '20261206')).toThrow(RangeError);
  });
});

describe('isPublicHoliday / isWorkingDay', () => {
  it('answers per day', () => {
    expect(isPublicHoliday('FI', '2026-12-06')).toBe(true);
    expect(isPublicHoliday('FI', '2026-12-07')).toBe(false);
    expect(isPublicHoliday('NO', '2026-05-17')).toBe(true);
    expect(isPublicHoliday('SE', '2026-05-17')).toBe(false);
    expect(isPublicHoliday('FI', '2026-12-24')).toBe(false);
    expect(isPublicHoliday('FI', '2026-12-24', { includeEves: true })).toBe(true);
  });

  it('working days are Monday to Friday without public holidays', () => {
    expect(isWorkingDay('FI', '2026-03-13')).toBe(true); // Friday
    expect(isWorkingDay('FI', '2026-03-14')).toBe(false); // Saturday
    expect(isWorkingDay('FI', '2026-03-15')).toBe(false); // Sunday
    expect(isWorkingDay('FI', '2026-04-03')).toBe(false); // Good Friday
    expect(isWorkingDay('FI', '2026-04-06')).toBe(false); // Easter Monday
    expect(isWorkingDay('NO', '2026-04-02')).toBe(false); // Skjærtorsdag
    expect(isWorkingDay('SE', '2026-04-02')).toBe(true);
    expect(isWorkingDay('FI', '2026-06-19')).toBe(true);
    expect(isWorkingDay('FI', '2026-06-19', { includeEves: true })).toBe(false);
  });

  it('is fast once a year is cached', () => {
    isPublicHoliday('FI', '2030-01-01');
    const t0 = performance.now();
    for (let i = 0; i < 10_000; i++) isPublicHoliday('FI', '2030-06-22');
    expect(performance.now() - t0).toBeLessThan(200);
  });
});
