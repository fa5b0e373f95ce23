import { describe, expect, it } from 'vitest';
import { visibleItems } from '../../../shared/measures-logic';
import { answersToSend, bandAreas, bandOf, missingItems, monthKey, parseMoneyToCents, pickText, progress } from './logic';

describe('pickText', () => {
  it('takes the wanted language, then the instrument languages in order, then English', () => {
    expect(pickText({ fi: 'Hei', en: 'Hi' }, 'fi')).toBe('Hei');
    expect(pickText({ sv: 'Hej', en: 'Hi' }, 'nb', ['sv', 'en'])).toBe('Hej');
    expect(pickText({ sv: 'Hej', en: 'Hi' }, 'nb')).toBe('Hi');
    expect(pickText({ nb: 'Hei' }, 'fi')).toBe('Hei');
    expect(pickText({ fi: '  ', en: 'Hi' }, 'fi')).toBe('Hi');
  });
  it('returns resolved strings as they are, and nothing for nothing', () => {
    expect(pickText('Valmis', 'en')).toBe('Valmis');
    expect(pickText(null, 'en')).toBe('');
    expect(pickText({}, 'en')).toBe('');
  });
});

describe('answering with a gate question', () => {
  const items = [
    { id: 'exposure', type: 'choice' as const },
    { id: 'i1', type: 'choice' as const },
    { id: 'i2', type: 'choice' as const },
    { id: 'comment', type: 'text' as const },
  ];
  const gate = { item: 'exposure', closesWith: [0] };
  it('sends only the answers of visible items, without empty text', () => {
    const visible = visibleItems(items, gate, { exposure: 0, i1: 1 });
    expect(answersToSend(visible, { exposure: 0, i1: 1 })).toEqual({ exposure: 0 });
    expect(answersToSend(items, { exposure: 1, i1: 0, comment: '  ' })).toEqual({ exposure: 1, i1: 0 });
  });
  it('counts progress and missing answers over choice items only', () => {
    expect(progress(items, { exposure: 1, comment: 'x' })).toEqual({ answered: 1, total: 3 });
    expect(missingItems(items, { exposure: 1 })).toEqual(['i1', 'i2']);
  });
});

describe('band shading', () => {
  const bands = [
    { id: 'good', min: 13, max: 25, severity: 'none' as const },
    { id: 'poor', min: 0, max: 12, severity: 'severe' as const },
  ];
  it('makes touching areas from each lower bound to the next, over the whole scale', () => {
    expect(bandAreas(bands, 0, 25)).toEqual([
      { id: 'poor', y1: 0, y2: 13, severity: 'severe' },
      { id: 'good', y1: 13, y2: 25, severity: 'none' },
    ]);
  });
  it('finds the band of a score', () => {
    expect(bandOf(bands, 12)?.id).toBe('poor');
    expect(bandOf(bands, 13)?.id).toBe('good');
  });
});

describe('small parsers', () => {
  it('reads money typed with a comma or spaces', () => {
    expect(parseMoneyToCents('350')).toBe(35000);
    expect(parseMoneyToCents('2 900,50')).toBe(290050);
    expect(parseMoneyToCents('')).toBeNull();
    expect(parseMoneyToCents('-1')).toBeNull();
    expect(parseMoneyToCents(12.5)).toBe(1250);
  });
  it('names months relative to a date', () => {
    expect(monthKey(new Date(2026, 0, 15), -1)).toBe('2025-12');
    expect(monthKey(new Date(2026, 0, 15))).toBe('2026-01');
  });
});
