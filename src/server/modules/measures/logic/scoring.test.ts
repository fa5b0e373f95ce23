import { describe, expect, it } from 'vitest';
import { applySettings, definitionProblems, type InstrumentDefinition, type LocalText } from './instrument.js';
import {
  builtInInstrument,
  builtInInstruments,
  gad7,
  PCPTSD5_CUTOFF_SETTING,
  pcptsd5,
  phq9,
  sessionFeedback,
  tsq,
  was,
  who5,
} from './instruments/index.js';
import { type Answers, answerProblems, askedItems, bandOf, scoreAnswers, topAlertLevel } from './scoring.js';

const scoredIds = (def: InstrumentDefinition) => def.items.filter((i) => i.type === 'choice' && i.scored !== false).map((i) => i.id);

/** Answers the scored items so that their values add up to `sum`, filling items in order up to `max` each. */
function answersSumming(def: InstrumentDefinition, sum: number, max: number, extra: Answers = {}): Answers {
  const answers: Answers = { ...extra };
  let left = sum;
  for (const id of scoredIds(def)) {
    const v = Math.min(max, left);
    answers[id] = v;
    left -= v;
  }
  if (left !== 0) throw new Error(`cannot reach ${sum}`);
  return answers;
}

const bandAt = (def: InstrumentDefinition, answers: Answers) => scoreAnswers(def, answers).band.id;

describe('WHO-5', () => {
  it('multiplies the raw sum by 4', () => {
    expect(scoreAnswers(who5, answersSumming(who5, 25, 5)).score).toBe(100);
    expect(scoreAnswers(who5, answersSumming(who5, 0, 5)).score).toBe(0);
    expect(scoreAnswers(who5, { i1: 3, i2: 3, i3: 3, i4: 2, i5: 2 }).score).toBe(52);
  });

  it('bands: 28 likely depression | 29 poor, 49 poor | 50 good', () => {
    expect(bandOf(who5, 0).id).toBe('likely_depression');
    expect(bandOf(who5, 28).id).toBe('likely_depression');
    expect(bandOf(who5, 29).id).toBe('poor');
    expect(bandOf(who5, 49).id).toBe('poor');
    expect(bandOf(who5, 50).id).toBe('good');
    expect(bandOf(who5, 100).id).toBe('good');
  });

  it('worked examples on both sides of each boundary (raw 7 = 28, raw 8 = 32, raw 12 = 48, raw 13 = 52)', () => {
    const low = scoreAnswers(who5, { i1: 2, i2: 2, i3: 1, i4: 1, i5: 1 });
    expect(low.score).toBe(28);
    expect(low.band.id).toBe('likely_depression');
    expect(low.band.severity).toBe('severe');
    expect(low.alerts).toContainEqual({ reason: 'band:likely_depression', level: 'normal' });
    expect(low.guidance).toBe(true);

    const poor = scoreAnswers(who5, { i1: 2, i2: 2, i3: 2, i4: 2, i5: 0 });
    expect(poor.score).toBe(32);
    expect(poor.band.id).toBe('poor');
    expect(poor.band.severity).toBe('moderate');
    expect(poor.guidance).toBe(true);
    expect(poor.alerts.filter((a) => a.reason.startsWith('band:'))).toEqual([]);

    expect(scoreAnswers(who5, { i1: 3, i2: 3, i3: 2, i4: 2, i5: 2 }).score).toBe(48);
    expect(bandAt(who5, { i1: 3, i2: 3, i3: 2, i4: 2, i5: 2 })).toBe('poor');
    const good = scoreAnswers(who5, { i1: 3, i2: 3, i3: 3, i4: 2, i5: 2 });
    expect(good.band.id).toBe('good');
    expect(good.band.severity).toBe('none');
    expect(good.alerts).toEqual([]);
    expect(good.guidance).toBe(false);
  });

  it('flags any item answered 0 or 1, even with a good total', () => {
    const one = scoreAnswers(who5, { i1: 5, i2: 5, i3: 5, i4: 5, i5: 1 });
    expect(one.score).toBe(84);
    expect(one.band.id).toBe('good');
    expect(one.flags.map((f) => f.id)).toEqual(['item_low']);
    expect(one.alerts).toEqual([{ reason: 'flag:item_low', level: 'normal' }]);
    expect(scoreAnswers(who5, { i1: 0, i2: 5, i3: 5, i4: 5, i5: 5 }).flags.map((f) => f.id)).toEqual(['item_low']);
    const two = scoreAnswers(who5, { i1: 5, i2: 5, i3: 5, i4: 5, i5: 2 });
    expect(two.flags).toEqual([]);
    expect(two.alerts).toEqual([]);
  });

  it('a drop of exactly 10 alerts; 9 does not; a rise never does', () => {
    const answers: Answers = { i1: 3, i2: 3, i3: 3, i4: 3, i5: 3 }; // 60, no item low
    const drop10 = scoreAnswers(who5, answers, 70);
    expect(drop10.change).toBe(-10);
    expect(drop10.alerts).toContainEqual({ reason: 'drop', level: 'normal' });

    const drop9 = scoreAnswers(who5, answers, 69);
    expect(drop9.change).toBe(-9);
    expect(drop9.alerts.some((a) => a.reason === 'drop')).toBe(false);

    const rise = scoreAnswers(who5, answers, 20);
    expect(rise.change).toBe(40);
    expect(rise.alerts.some((a) => a.reason === 'drop')).toBe(false);

    const first = scoreAnswers(who5, answers);
    expect(first.change).toBeNull();
    expect(first.alerts).toEqual([]);
  });
});

describe('PHQ-9', () => {
  const cases: [number, string][] = [
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'moderately_severe'],
    [19, 'moderately_severe'],
    [20, 'severe'],
    [27, 'severe'],
  ];
  it.each(cases)('total %i is %s', (sum, band) => {
    const r = scoreAnswers(phq9, answersSumming(phq9, sum, 3));
    expect(r.score).toBe(sum);
    expect(r.band.id).toBe(band);
  });

  it('alerts from moderate up, guidance from moderately severe up', () => {
    const at = (sum: number) => scoreAnswers(phq9, answersSumming(phq9, sum, 3));
    expect(at(9).alerts).toEqual([]);
    expect(at(10).alerts).toEqual([{ reason: 'band:moderate', level: 'normal' }]);
    expect(at(10).guidance).toBe(false);
    expect(at(14).guidance).toBe(false);
    expect(at(15).guidance).toBe(true);
    expect(at(15).alerts).toEqual([{ reason: 'band:moderately_severe', level: 'normal' }]);
    expect(topAlertLevel(at(20).alerts)).toBe('normal');
  });

  it('item 9 above 0 raises an urgent self-harm alert whatever the total', () => {
    const answers: Answers = { i1: 0, i2: 0, i3: 0, i4: 0, i5: 0, i6: 0, i7: 0, i8: 0, i9: 1 };
    const r = scoreAnswers(phq9, answers);
    expect(r.score).toBe(1);
    expect(r.band.id).toBe('minimal');
    expect(r.flags.map((f) => f.id)).toEqual(['self_harm']);
    expect(r.alerts).toEqual([{ reason: 'flag:self_harm', level: 'urgent' }]);
    expect(r.guidance).toBe(true);
    expect(topAlertLevel(r.alerts)).toBe('urgent');
    expect(scoreAnswers(phq9, { ...answers, i9: 3 }).flags.map((f) => f.id)).toEqual(['self_harm']);
  });

  it('item 9 at 0 raises nothing, even with other items high', () => {
    const r = scoreAnswers(phq9, { i1: 3, i2: 3, i3: 3, i4: 0, i5: 0, i6: 0, i7: 0, i8: 0, i9: 0 });
    expect(r.score).toBe(9);
    expect(r.flags).toEqual([]);
    expect(topAlertLevel(r.alerts)).toBeNull();
  });

  it('has no change rule: a large rise in symptoms is not a "drop" alert', () => {
    expect(scoreAnswers(phq9, answersSumming(phq9, 4, 3), 24).alerts).toEqual([]);
  });
});

describe('GAD-7', () => {
  const cases: [number, string, boolean][] = [
    [0, 'minimal', false],
    [4, 'minimal', false],
    [5, 'mild', false],
    [9, 'mild', false],
    [10, 'moderate', true],
    [14, 'moderate', true],
    [15, 'severe', true],
    [21, 'severe', true],
  ];
  it.each(cases)('total %i is %s (alert %s)', (sum, band, alert) => {
    const r = scoreAnswers(gad7, answersSumming(gad7, sum, 3));
    expect(r.score).toBe(sum);
    expect(r.band.id).toBe(band);
    expect(r.alerts.length > 0).toBe(alert);
    expect(r.guidance).toBe(band === 'severe');
  });
});

describe('Work Ability Score', () => {
  const cases: [number, string][] = [
    [0, 'poor'],
    [5, 'poor'],
    [6, 'moderate'],
    [7, 'moderate'],
    [8, 'good'],
    [10, 'good'],
  ];
  it.each(cases)('%i is %s', (value, band) => {
    const r = scoreAnswers(was, { i1: value });
    expect(r.score).toBe(value);
    expect(r.band.id).toBe(band);
    expect(r.alerts).toEqual([]);
  });

  it('offers 0..10 with labelled ends and numbered middles', () => {
    const options = was.optionSets.scale ?? [];
    expect(options.map((o) => o.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(options[0]?.label.en).toBe('completely unable to work');
    expect(options[10]?.label.en).toBe('work ability at its lifetime best');
    expect(options[5]?.label.en).toBe('5');
    expect(answerProblems(was, { i1: 11 }, { partial: false })).toEqual([{ item: 'i1', problem: 'invalid_option' }]);
  });
});

describe('PC-PTSD-5', () => {
  it('gate closed (no exposure): only the gate is asked, the score is 0, nothing is flagged', () => {
    expect(askedItems(pcptsd5, { exposure: 0 })).toEqual(['exposure']);
    expect(answerProblems(pcptsd5, { exposure: 0 }, { partial: false })).toEqual([]);
    const r = scoreAnswers(pcptsd5, { exposure: 0 });
    expect(r).toMatchObject({ score: 0, gateClosed: true, alerts: [], guidance: false });
    expect(r.band.id).toBe('negative');
  });

  it('gate open: all five items are required and the exposure answer is not scored', () => {
    expect(askedItems(pcptsd5, { exposure: 1 })).toEqual(['exposure', 'i1', 'i2', 'i3', 'i4', 'i5']);
    expect(answerProblems(pcptsd5, { exposure: 1, i1: 1 }, { partial: false }).map((p) => p.item)).toEqual(['i2', 'i3', 'i4', 'i5']);
    const r = scoreAnswers(pcptsd5, { exposure: 1, i1: 0, i2: 0, i3: 0, i4: 0, i5: 0 });
    expect(r.score).toBe(0);
    expect(r.gateClosed).toBe(false);
  });

  it('the gate itself is required', () => {
    expect(answerProblems(pcptsd5, {}, { partial: false }).map((p) => p.item)).toEqual(['exposure', 'i1', 'i2', 'i3', 'i4', 'i5']);
  });

  it('default cut-off 3: 2 negative | 3 positive (urgent, guidance)', () => {
    const two = scoreAnswers(pcptsd5, answersSumming(pcptsd5, 2, 1, { exposure: 1 }));
    expect(two.score).toBe(2);
    expect(two.band.id).toBe('negative');
    expect(two.alerts).toEqual([]);
    const three = scoreAnswers(pcptsd5, answersSumming(pcptsd5, 3, 1, { exposure: 1 }));
    expect(three.score).toBe(3);
    expect(three.band.id).toBe('positive');
    expect(three.alerts).toEqual([{ reason: 'band:positive', level: 'urgent' }]);
    expect(three.guidance).toBe(true);
    expect(bandAt(pcptsd5, answersSumming(pcptsd5, 5, 1, { exposure: 1 }))).toBe('positive');
  });

  it('applySettings with cut-off 3 keeps the default bands', () => {
    const def = applySettings(pcptsd5, { [PCPTSD5_CUTOFF_SETTING]: 3 });
    expect(def.bands.map((b) => [b.id, b.min, b.max])).toEqual([
      ['negative', 0, 2],
      ['positive', 3, 5],
    ]);
    expect(bandAt(def, answersSumming(def, 2, 1, { exposure: 1 }))).toBe('negative');
    expect(bandAt(def, answersSumming(def, 3, 1, { exposure: 1 }))).toBe('positive');
  });

  it('applySettings with cut-off 4: 3 negative | 4 positive, without touching the built-in', () => {
    const def = applySettings(pcptsd5, { [PCPTSD5_CUTOFF_SETTING]: 4 });
    expect(def.bands.map((b) => [b.id, b.min, b.max])).toEqual([
      ['negative', 0, 3],
      ['positive', 4, 5],
    ]);
    expect(definitionProblems(def)).toEqual([]);
    const three = scoreAnswers(def, answersSumming(def, 3, 1, { exposure: 1 }));
    expect(three.band.id).toBe('negative');
    expect(three.alerts).toEqual([]);
    const four = scoreAnswers(def, answersSumming(def, 4, 1, { exposure: 1 }));
    expect(four.band.id).toBe('positive');
    expect(topAlertLevel(four.alerts)).toBe('urgent');
    expect(pcptsd5.bands.map((b) => [b.min, b.max])).toEqual([
      [0, 2],
      [3, 5],
    ]);
  });

  it('the cut-off setting key is the one on the positive band', () => {
    expect(pcptsd5.bands.find((b) => b.id === 'positive')?.lowerBoundSetting).toBe(PCPTSD5_CUTOFF_SETTING);
    expect(applySettings(pcptsd5, {}).bands).toEqual(pcptsd5.bands);
  });
});

describe('TSQ', () => {
  it('5 yes is negative | 6 yes is positive (urgent, guidance)', () => {
    const five = scoreAnswers(tsq, answersSumming(tsq, 5, 1));
    expect(five.score).toBe(5);
    expect(five.band.id).toBe('negative');
    expect(five.alerts).toEqual([]);
    const six = scoreAnswers(tsq, answersSumming(tsq, 6, 1));
    expect(six.band.id).toBe('positive');
    expect(six.alerts).toEqual([{ reason: 'band:positive', level: 'urgent' }]);
    expect(six.guidance).toBe(true);
    expect(bandAt(tsq, answersSumming(tsq, 0, 1))).toBe('negative');
    expect(bandAt(tsq, answersSumming(tsq, 10, 1))).toBe('positive');
  });

  it('requires a licence', () => {
    expect(tsq.requiresLicence).toBe(true);
    expect(builtInInstruments.filter((d) => d.requiresLicence).map((d) => d.key)).toEqual(['tsq']);
  });
});

describe('session feedback', () => {
  it('scores the mean of the four ratings to one decimal; the comment does not count', () => {
    const r = scoreAnswers(sessionFeedback, { i1: 6, i2: 6, i3: 6, i4: 5, comment: 'Shorter breaks, please.' });
    expect(r.score).toBe(5.8);
    expect(r.band.id).toBe('needs_attention');
    expect(r.band.severity).toBe('mild');
    expect(r.alerts).toEqual([]);
    expect(scoreAnswers(sessionFeedback, { i1: 7, i2: 7, i3: 6, i4: 6 }).score).toBe(6.5);
  });

  it('bands: 5.9 needs attention | 6 good', () => {
    expect(bandOf(sessionFeedback, 0).id).toBe('needs_attention');
    expect(bandOf(sessionFeedback, 5.9).id).toBe('needs_attention');
    expect(bandOf(sessionFeedback, 6).id).toBe('good');
    expect(bandOf(sessionFeedback, 10).id).toBe('good');
    expect(bandAt(sessionFeedback, { i1: 6, i2: 6, i3: 6, i4: 6 })).toBe('good');
  });

  it('never raises an alert, even on a large drop', () => {
    const r = scoreAnswers(sessionFeedback, { i1: 0, i2: 0, i3: 0, i4: 0 }, 10);
    expect(r.score).toBe(0);
    expect(r.change).toBe(-10);
    expect(r.alerts).toEqual([]);
    for (const b of sessionFeedback.bands) expect(b.alert).toBeUndefined();
  });
});

describe('answerProblems', () => {
  it('a submission must answer every asked choice item', () => {
    const { i9: _, ...missing } = answersSumming(phq9, 3, 3);
    expect(answerProblems(phq9, missing, { partial: false })).toEqual([{ item: 'i9', problem: 'required' }]);
    expect(() => scoreAnswers(phq9, missing)).toThrow(/i9 required/);
  });

  it('rejects values outside the option set and non-numbers for choice items', () => {
    expect(answerProblems(phq9, { ...answersSumming(phq9, 0, 3), i1: 4 }, { partial: false })).toEqual([
      { item: 'i1', problem: 'invalid_option' },
    ]);
    expect(answerProblems(who5, { i1: 'often' }, { partial: true })).toEqual([{ item: 'i1', problem: 'invalid_option' }]);
    expect(answerProblems(who5, { i1: 2.5 }, { partial: true })).toEqual([{ item: 'i1', problem: 'invalid_option' }]);
  });

  it('rejects unknown items', () => {
    expect(answerProblems(gad7, { ...answersSumming(gad7, 0, 3), i8: 1 }, { partial: false })).toEqual([
      { item: 'i8', problem: 'unknown_item' },
    ]);
  });

  it('text: up to maxLength is fine, longer is too long, and it is never required', () => {
    const ratings = { i1: 8, i2: 8, i3: 8, i4: 8 };
    expect(answerProblems(sessionFeedback, ratings, { partial: false })).toEqual([]);
    expect(answerProblems(sessionFeedback, { ...ratings, comment: 'x'.repeat(2000) }, { partial: false })).toEqual([]);
    expect(answerProblems(sessionFeedback, { ...ratings, comment: 'x'.repeat(2001) }, { partial: false })).toEqual([
      { item: 'comment', problem: 'too_long' },
    ]);
  });

  it('partial drafts may be incomplete but not invalid', () => {
    expect(answerProblems(phq9, {}, { partial: true })).toEqual([]);
    expect(answerProblems(phq9, { i1: 2 }, { partial: true })).toEqual([]);
    expect(answerProblems(phq9, { i1: 7 }, { partial: true })).toEqual([{ item: 'i1', problem: 'invalid_option' }]);
    expect(answerProblems(phq9, { i1: 2 }, { partial: false })).toHaveLength(8);
  });
});

describe('built-in definitions', () => {
  it('keys are unique and found by key', () => {
    const keys = builtInInstruments.map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(['who5', 'phq9', 'gad7', 'was', 'pcptsd5', 'tsq', 'session_feedback']);
    for (const d of builtInInstruments) expect(builtInInstrument(d.key)).toBe(d);
    expect(builtInInstrument('ors')).toBeUndefined();
  });

  it.each(builtInInstruments.map((d) => [d.key, d] as const))('%s has no definition problems', (_, def) => {
    expect(def.version).toBe(1);
    expect(definitionProblems(def)).toEqual([]);
  });

  it.each(builtInInstruments.map((d) => [d.key, d] as const))(
    '%s has its official wording in each of its languages, and only those',
    (_, def) => {
      const langs = Object.keys(def.languages);
      expect(langs.length).toBeGreaterThan(0);
      for (const l of langs) expect(def.languages[l as keyof typeof def.languages]?.source.trim()).not.toBe('');
      // The instrument's own wording: shipped only in a language with an official version.
      const texts: [string, LocalText][] = [
        ['instructions', def.instructions],
        ...def.items.map((i): [string, LocalText] => [`items.${i.id}`, i.text]),
        ...Object.entries(def.optionSets).flatMap(([set, options]) =>
          options.map((o): [string, LocalText] => [`optionSets.${set}.${o.value}`, o.label]),
        ),
      ];
      for (const [where, text] of texts) {
        expect(Object.keys(text).sort(), where).toEqual([...langs].sort());
        for (const l of langs) expect(text[l as keyof LocalText]?.trim(), `${where}.${l}`).toBeTruthy();
      }
    },
  );

  it.each(builtInInstruments.map((d) => [d.key, d] as const))(
    '%s has our own texts (name, band and flag labels) in all four languages (issue 9)',
    (_, def) => {
      const ours: [string, LocalText][] = [
        ['name', def.name],
        ...def.bands.map((b): [string, LocalText] => [`bands.${b.id}`, b.label]),
        ...def.flags.map((f): [string, LocalText] => [`flags.${f.id}`, f.label]),
      ];
      for (const [where, text] of ours) {
        expect(Object.keys(text).sort(), where).toEqual(['en', 'fi', 'nb', 'sv']);
        for (const l of ['fi', 'sv', 'nb', 'en'] as const) expect(text[l]?.trim(), `${where}.${l}`).toBeTruthy();
        // A label is never the English one copied (a name may be, e.g. an acronym shared by all).
        if (where !== 'name') for (const l of ['fi', 'sv', 'nb'] as const) expect(text[l], `${where}.${l}`).not.toBe(text.en);
      }
    },
  );

  it('ships item wordings only where an official version was found (issue 9)', () => {
    const shipped = Object.fromEntries(builtInInstruments.map((d) => [d.key, Object.keys(d.languages).sort()]));
    expect(shipped).toEqual({
      who5: ['en', 'nb'],
      phq9: ['en', 'sv'],
      gad7: ['en'],
      was: ['en'],
      pcptsd5: ['en'],
      tsq: ['en'],
      session_feedback: ['en', 'fi', 'nb', 'sv'],
    });
    expect(phq9.languages.sv?.source).toMatch(/screener\.se/);
  });

  it('uses the agreed item ids', () => {
    const ids = (def: InstrumentDefinition) => def.items.map((i) => i.id);
    expect(ids(who5)).toEqual(['i1', 'i2', 'i3', 'i4', 'i5']);
    expect(ids(phq9)).toEqual(['i1', 'i2', 'i3', 'i4', 'i5', 'i6', 'i7', 'i8', 'i9']);
    expect(ids(gad7)).toEqual(['i1', 'i2', 'i3', 'i4', 'i5', 'i6', 'i7']);
    expect(ids(was)).toEqual(['i1']);
    expect(ids(pcptsd5)).toEqual(['exposure', 'i1', 'i2', 'i3', 'i4', 'i5']);
    expect(ids(tsq)).toEqual(['i1', 'i2', 'i3', 'i4', 'i5', 'i6', 'i7', 'i8', 'i9', 'i10']);
    expect(ids(sessionFeedback)).toEqual(['i1', 'i2', 'i3', 'i4', 'comment']);
  });

  it('session feedback ships in all four languages; WHO-5 option values run 5 down to 0', () => {
    expect(Object.keys(sessionFeedback.languages).sort()).toEqual(['en', 'fi', 'nb', 'sv']);
    expect(who5.optionSets.frequency?.map((o) => o.value)).toEqual([5, 4, 3, 2, 1, 0]);
    expect(who5.optionSets.frequency?.[0]?.label.en).toBe('All of the time');
    expect(who5.optionSets.frequency?.[5]?.label.en).toBe('At no time');
  });

  it('minimum intervals and directions', () => {
    expect(builtInInstruments.map((d) => [d.key, d.minIntervalDays, d.higherIsBetter])).toEqual([
      ['who5', 7, true],
      ['phq9', 14, false],
      ['gad7', 14, false],
      ['was', 7, true],
      ['pcptsd5', 28, false],
      ['tsq', 7, false],
      ['session_feedback', 0, true],
    ]);
  });
});
