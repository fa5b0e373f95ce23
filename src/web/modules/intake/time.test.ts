import { describe, expect, it } from 'vitest';
import {
  centsToAmount,
  durationParts,
  isoDuration,
  localDateTimeToIso,
  parseAmountToCents,
  slugify,
  toLocalDateInput,
  toLocalDateTimeInput,
} from './time';

describe('localDateTimeToIso', () => {
  it('reads the wall-clock time in the given zone', () => {
    expect(localDateTimeToIso('2026-01-15T09:30', 'Europe/Helsinki')).toBe('2026-01-15T07:30:00.000Z');
    expect(localDateTimeToIso('2026-07-15T09:30', 'Europe/Helsinki')).toBe('2026-07-15T06:30:00.000Z');
    expect(localDateTimeToIso('2026-07-15T09:30', 'Europe/Oslo')).toBe('2026-07-15T07:30:00.000Z');
    expect(localDateTimeToIso('2026-07-15T09:30', 'UTC')).toBe('2026-07-15T09:30:00.000Z');
  });
  it('rejects what is not a date-time', () => {
    expect(localDateTimeToIso('', 'UTC')).toBeNull();
    expect(localDateTimeToIso('yesterday', 'UTC')).toBeNull();
  });
  it('round-trips with toLocalDateTimeInput', () => {
    const ms = Date.parse('2026-03-29T00:45:00Z');
    expect(toLocalDateTimeInput(ms, 'Europe/Helsinki')).toBe('2026-03-29T02:45');
    expect(localDateTimeToIso(toLocalDateTimeInput(ms, 'Europe/Helsinki'), 'Europe/Helsinki')).toBe('2026-03-29T00:45:00.000Z');
    expect(toLocalDateInput(Date.parse('2026-03-28T22:30:00Z'), 'Europe/Helsinki')).toBe('2026-03-29');
  });
});

describe('durations', () => {
  it('splits minutes into days, hours and minutes', () => {
    expect(durationParts(134)).toEqual({ days: 0, hours: 2, minutes: 14 });
    expect(durationParts(1440 + 61)).toEqual({ days: 1, hours: 1, minutes: 1 });
    expect(durationParts(-5)).toEqual({ days: 0, hours: 0, minutes: 0 });
    expect(isoDuration(134)).toBe('PT2H14M');
    expect(isoDuration(1500)).toBe('P1DT1H0M');
  });
});

describe('money', () => {
  it('parses euros typed either way into cents', () => {
    expect(parseAmountToCents('140')).toBe(14000);
    expect(parseAmountToCents('140,5')).toBe(14050);
    expect(parseAmountToCents('1 234,56')).toBe(123456);
    expect(parseAmountToCents('12.05')).toBe(1205);
    expect(parseAmountToCents('12,345')).toBeNull();
    expect(parseAmountToCents('abc')).toBeNull();
    expect(centsToAmount(14050)).toBe('140,50');
    expect(centsToAmount(5, '.')).toBe('0.05');
  });
});

describe('slugify', () => {
  it('makes a URL slug from a name', () => {
    expect(slugify('Tukiranta (demo)')).toBe('tukiranta-demo');
    expect(slugify('Työnohjaus Ärrä Oy')).toBe('tyonohjaus-arra-oy');
  });
});
