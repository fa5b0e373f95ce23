import { describe, expect, it } from 'vitest';
import {
  alertReason,
  bandCoverProblems,
  customDecimals,
  displayLocale,
  gateClosed,
  monthCount,
  parseReason,
  roiRangeProblem,
  scoreRange,
  scoreStep,
  visibleItems,
} from './measures-logic.js';

describe('the language of an instrument', () => {
  it('takes the wanted language when the instrument has it, else English, else its first', () => {
    expect(displayLocale('fi', ['fi', 'en'])).toBe('fi');
    expect(displayLocale('sv', ['fi', 'en'])).toBe('en');
    expect(displayLocale('sv', ['nb'])).toBe('nb');
    expect(displayLocale('sv', [])).toBe('sv');
  });
});

describe('the gate question', () => {
  const items = [{ id: 'exposure' }, { id: 'i1' }, { id: 'i2' }, { id: 'comment' }];
  const gate = { item: 'exposure', closesWith: [0] };
  it('closes the form on a closing answer only', () => {
    expect(gateClosed(gate, { exposure: 0 })).toBe(true);
    expect(gateClosed(gate, { exposure: 1 })).toBe(false);
    expect(gateClosed(gate, { exposure: '0' })).toBe(false);
    expect(gateClosed(null, { exposure: 0 })).toBe(false);
  });
  it('asks the items up to and including the gate when it closes the form, else all', () => {
    expect(visibleItems(items, gate, { exposure: 0 }).map((i) => i.id)).toEqual(['exposure']);
    expect(visibleItems(items, gate, { exposure: 1 })).toHaveLength(4);
    expect(visibleItems(items, gate, {})).toHaveLength(4);
    expect(visibleItems(items, null, { exposure: 0 })).toHaveLength(4);
    expect(visibleItems(items, { item: 'i1', closesWith: [0] }, { i1: 0 }).map((i) => i.id)).toEqual(['exposure', 'i1']);
  });
});

describe('custom questionnaires', () => {
  it('derive the score range from the options, the items and the scoring rule', () => {
    expect(scoreRange([0, 1, 2, 3], 3, 'sum')).toEqual({ min: 0, max: 9 });
    expect(scoreRange([0, 1, 2, 3], 3, 'mean')).toEqual({ min: 0, max: 3 });
    expect(scoreRange([1, 5], 0, 'sum')).toEqual({ min: 1, max: 5 });
    expect(scoreRange([], 3, 'sum')).toBeNull();
    expect(scoreRange([Number.NaN, 2], 2, 'sum')).toEqual({ min: 4, max: 4 });
  });
  it('keep one decimal of a mean score and none of a sum', () => {
    expect(scoreStep(customDecimals('mean'))).toBe(0.1);
    expect(scoreStep(customDecimals('sum'))).toBe(1);
  });
});

describe('band cover', () => {
  const range = { min: 0, max: 9 };
  it('accepts bands that touch and cover the range, in any order', () => {
    expect(
      bandCoverProblems(
        [
          { min: 5, max: 9 },
          { min: 0, max: 4 },
        ],
        range,
        1,
      ),
    ).toEqual([]);
    expect(
      bandCoverProblems(
        [
          { min: 0, max: 1.4 },
          { min: 1.5, max: 3 },
        ],
        { min: 0, max: 3 },
        0.1,
      ),
    ).toEqual([]);
  });
  it('names the band after a gap or an overlap, a wrong start, a reversed band and a short end', () => {
    expect(
      bandCoverProblems(
        [
          { min: 0, max: 3 },
          { min: 5, max: 9 },
        ],
        range,
        1,
      ),
    ).toEqual([{ index: 1, kind: 'start', expected: 4 }]);
    expect(bandCoverProblems([{ min: 1, max: 9 }], range, 1)).toEqual([{ index: 0, kind: 'start', expected: 0 }]);
    expect(bandCoverProblems([{ min: 0, max: 8 }], range, 1)).toEqual([{ index: 0, kind: 'end', at: 8 }]);
    expect(
      bandCoverProblems(
        [
          { min: 0, max: 4 },
          { min: 5, max: 4 },
        ],
        range,
        1,
      ).map((p) => p.kind),
    ).toEqual(['reversed', 'end']);
  });
  it('treats a bound that is not a number as a problem', () => {
    expect(bandCoverProblems([{ min: Number.NaN, max: 9 }], range, 1).map((p) => p.index)).toContain(0);
  });
});

describe('alert reasons', () => {
  it('are written and read back', () => {
    expect(parseReason(alertReason.band('severe'))).toEqual({ kind: 'band', id: 'severe' });
    expect(parseReason(alertReason.flag('item9'))).toEqual({ kind: 'flag', id: 'item9' });
    expect(parseReason(alertReason.drop)).toEqual({ kind: 'drop', id: '' });
    expect(parseReason('other:x')).toEqual({ kind: 'other', id: 'other:x' });
  });
});

describe('the ROI range', () => {
  it('counts both months and refuses an end before the start or more than three years', () => {
    expect(monthCount('2025-01', '2025-12')).toBe(12);
    expect(monthCount('2025-12', '2026-01')).toBe(2);
    expect(roiRangeProblem('2025-01', '2027-12')).toBeNull();
    expect(roiRangeProblem('2025-01', '2028-01')).toBe('too_long');
    expect(roiRangeProblem('2025-02', '2025-01')).toBe('before_from');
  });
});
