import { describe, expect, it } from 'vitest';
import { centsToAmount, durationParts, isoDuration, parseAmountToCents } from './time';

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
