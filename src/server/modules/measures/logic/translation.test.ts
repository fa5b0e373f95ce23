import { describe, expect, it } from 'vitest';
import type { InstrumentDefinition } from './instrument.js';
import { type Answers, scoreAnswers } from './scoring.js';
import { normaliseTexts, officialLocales, type TranslationTextsInput, translationProblems, withTranslation } from './translation.js';

// A small built-in-like definition of our own, so these tests do not move when the shipped
// wordings change: two option sets, one of them unused, a text item and a gate.
const def: InstrumentDefinition = {
  key: 'demo',
  version: 1,
  name: { en: 'Demo', sv: 'Demo' },
  instructions: { en: 'Over the last two weeks…', sv: 'Under de senaste två veckorna…' },
  languages: { en: { source: 'Original' }, sv: { source: 'Official Swedish' } },
  licence: 'Free',
  requiresLicence: false,
  optionSets: {
    yesno: [
      { value: 0, label: { en: 'No', sv: 'Nej' } },
      { value: 1, label: { en: 'Yes', sv: 'Ja' } },
    ],
    frequency: [
      { value: 0, label: { en: 'Never', sv: 'Aldrig' } },
      { value: 1, label: { en: 'Sometimes', sv: 'Ibland' } },
      { value: 2, label: { en: 'Often', sv: 'Ofta' } },
    ],
    unused: [
      { value: 0, label: { en: 'A', sv: 'A' } },
      { value: 1, label: { en: 'B', sv: 'B' } },
    ],
  },
  items: [
    { id: 'i1', type: 'choice', options: 'yesno', text: { en: 'Exposed?', sv: 'Utsatt?' }, scored: false },
    { id: 'i2', type: 'choice', options: 'frequency', text: { en: 'Worry', sv: 'Oro' } },
    { id: 'i3', type: 'choice', options: 'frequency', text: { en: 'Sleep', sv: 'Sömn' } },
    { id: 'i4', type: 'text', text: { en: 'Anything else?', sv: 'Något annat?' }, maxLength: 500 },
  ],
  gate: { item: 'i1', closesWith: [0], scoreWhenClosed: 0 },
  scoring: { method: 'sum', min: 0, max: 4 },
  bands: [
    { id: 'low', min: 0, max: 1, label: { en: 'Low', sv: 'Låg' }, severity: 'none' },
    { id: 'high', min: 2, max: 4, label: { en: 'High', sv: 'Hög' }, severity: 'moderate', alert: 'normal' },
  ],
  flags: [],
  minIntervalDays: 0,
  higherIsBetter: false,
};

const finnish: TranslationTextsInput = {
  name: 'Demo (suomi)',
  instructions: 'Kahden viime viikon aikana…',
  items: { i1: 'Altistunut?', i2: 'Huoli', i3: 'Uni', i4: 'Muuta?' },
  options: { yesno: { '0': 'Ei', '1': 'Kyllä' }, frequency: { '0': 'Ei koskaan', '1': 'Joskus', '2': 'Usein' } },
};

describe('a provider-entered translation checked against the built-in', () => {
  it('accepts every text present and non-empty', () => {
    expect(translationProblems(def, 'fi', finnish)).toEqual([]);
  });

  it('names each missing or empty field, items and options alike', () => {
    const partial: TranslationTextsInput = {
      name: ' ',
      items: { i1: 'Altistunut?', i2: 'Huoli', i4: 'Muuta?' },
      options: { yesno: { '0': 'Ei', '1': 'Kyllä' }, frequency: { '0': 'Ei koskaan', '1': '', '2': 'Usein' } },
    };
    expect(translationProblems(def, 'fi', partial)).toEqual([
      { path: 'texts.name', problem: 'missing' },
      { path: 'texts.instructions', problem: 'missing' },
      { path: 'texts.items.i3', problem: 'missing' },
      { path: 'texts.options.frequency.1', problem: 'missing' },
    ]);
  });

  it('refuses ids the built-in does not have', () => {
    const extra = {
      ...finnish,
      items: { ...finnish.items, i9: 'Extra' },
      options: { ...finnish.options, frequency: { ...finnish.options?.frequency, '7': 'Aina' }, other: { '0': 'x' } },
    };
    expect(translationProblems(def, 'fi', extra)).toEqual([
      { path: 'texts.items.i9', problem: 'unknown' },
      { path: 'texts.options.frequency.7', problem: 'unknown' },
      { path: 'texts.options.other', problem: 'unknown' },
    ]);
  });

  it('asks nothing of an option set no item uses', () => {
    expect(translationProblems(def, 'fi', finnish).some((p) => p.path.includes('unused'))).toBe(false);
    expect(Object.keys(normaliseTexts(def, finnish).options)).toEqual(['yesno', 'frequency']);
  });

  it('refuses a language the built-in ships officially', () => {
    expect(translationProblems(def, 'sv', finnish)).toEqual([{ path: 'locale', problem: 'already_official' }]);
    expect(translationProblems(def, 'en', finnish)).toEqual([{ path: 'locale', problem: 'already_official' }]);
  });
});

describe('a built-in with a provider translation', () => {
  const translated = withTranslation(def, {
    locale: 'fi',
    version: 2,
    source: 'Official Finnish (held by the provider)',
    texts: normaliseTexts(def, finnish),
  });

  it('gains the language, marked as entered by the provider, with its version and source', () => {
    expect(translated.languages.fi).toEqual({ source: 'Official Finnish (held by the provider)', providerEntered: { version: 2 } });
    expect(officialLocales(translated)).toEqual(['en', 'sv']);
    expect(translated.items.map((i) => i.text.fi)).toEqual(['Altistunut?', 'Huoli', 'Uni', 'Muuta?']);
    expect(translated.optionSets.frequency?.map((o) => o.label.fi)).toEqual(['Ei koskaan', 'Joskus', 'Usein']);
    expect(translated.name.fi).toBe('Demo (suomi)');
  });

  it('is scored by the built-in scoring, whatever language the answers were given in', () => {
    const answers: Answers = { i1: 1, i2: 2, i3: 1 };
    expect(scoreAnswers(translated, answers, null)).toEqual(scoreAnswers(def, answers, null));
    expect(translated.scoring).toBe(def.scoring);
    expect(translated.bands).toBe(def.bands);
  });

  it('never overlays a language we ship (our official wording wins)', () => {
    const overlay = withTranslation(def, { locale: 'sv', version: 1, source: 'x', texts: normaliseTexts(def, finnish) });
    expect(overlay).toBe(def);
  });
});
