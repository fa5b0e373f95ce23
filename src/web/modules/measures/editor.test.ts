import { describe, expect, it } from 'vitest';
import type { InstrumentDefinition } from '../../../shared/measures';
import { bandProblems, emptyEditor, fromDefinition, missingTexts, scoreRange, toBody } from './editor';

describe('the questionnaire editor', () => {
  it('derives the score range from the options and the scoring rule', () => {
    const state = { ...emptyEditor('en'), items: [1, 2, 3].map((uid) => ({ uid, text: {} })) };
    expect(scoreRange(state)).toEqual({ min: 0, max: 9 });
    expect(scoreRange({ ...state, scoring: 'mean' })).toEqual({ min: 0, max: 3 });
  });
  it('finds bands that leave gaps or miss the end of the range', () => {
    const state = emptyEditor('en');
    expect(bandProblems(state)).toEqual([]);
    expect(bandProblems({ ...state, bands: [{ ...state.bands[0]!, max: 0 }, state.bands[1]!] })).toEqual([1]);
    expect(bandProblems({ ...state, bands: [state.bands[0]!, { ...state.bands[1]!, max: 2 }] })).toEqual([1]);
    expect(bandProblems({ ...state, bands: [state.bands[0]!, { ...state.bands[1]!, min: 'x' }] })).toEqual([1]);
  });
  it('checks the bands of a mean score in steps of one decimal, as the server does', () => {
    const state = { ...emptyEditor('en'), scoring: 'mean' as const };
    const band = state.bands[0]!;
    const bands = [
      { ...band, min: 0, max: 1.4 },
      { ...band, uid: 99, min: 1.5, max: 3 },
    ];
    expect(bandProblems({ ...state, bands })).toEqual([]);
    expect(bandProblems({ ...state, bands: [bands[0]!, { ...bands[1]!, min: 1.7 }] })).toEqual([1]);
  });
  it('lists texts missing in a chosen language and builds the request body in those languages only', () => {
    const state = { ...emptyEditor('fi'), languages: ['fi' as const, 'en' as const], name: { fi: 'Kysely', en: ' ', sv: 'x' } };
    expect(missingTexts(state)).toContain('name.en');
    expect(missingTexts(state)).toContain('items.0.text.fi');
    const body = toBody(state);
    expect(body.languages).toEqual(['fi', 'en']);
    expect(body.name).toEqual({ fi: 'Kysely', en: '' });
    expect(body.bands[0]).not.toHaveProperty('alert');
  });
  it('reads a stored definition back into the editor', () => {
    const def: InstrumentDefinition = {
      key: 'custom_x',
      version: 2,
      name: { en: 'X' },
      instructions: { en: '' },
      languages: { en: { source: 'us' } },
      licence: 'ours',
      requiresLicence: false,
      optionSets: {
        o: [
          { value: 0, label: { en: 'No' } },
          { value: 1, label: { en: 'Yes' } },
        ],
      },
      items: [{ id: 'i1', type: 'choice', options: 'o', text: { en: 'Q' } }],
      scoring: { method: 'sum', min: 0, max: 1 },
      bands: [
        { id: 'b2', min: 1, max: 1, label: { en: 'Yes' }, severity: 'mild', alert: 'normal' },
        { id: 'b1', min: 0, max: 0, label: { en: 'No' }, severity: 'none' },
      ],
      flags: [],
      minIntervalDays: 0,
      higherIsBetter: false,
    };
    const state = fromDefinition(def);
    expect(state.languages).toEqual(['en']);
    expect(state.options).toHaveLength(2);
    expect(state.bands.map((b) => b.alert)).toEqual(['', 'normal']);
    expect(bandProblems(state)).toEqual([]);
  });
});
