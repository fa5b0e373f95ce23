import { describe, expect, it } from 'vitest';
import { locales } from '../../../kernel/i18n/i18n.js';
import { builtInInstruments } from './instruments/index.js';
import { bySeverity, nextSteps, respondentBandTexts, respondentResultText } from './respondent-result.js';

describe("the respondent's result in plain words", () => {
  for (const def of builtInInstruments) {
    for (const band of def.bands) {
      it(`${def.key} ${band.id} has its own plain text in every language, not the clinician wording`, () => {
        const own = respondentBandTexts[def.key]?.[band.id];
        expect(own, `${def.key}.${band.id}`).toBeDefined();
        for (const locale of locales) {
          const words = respondentResultText(def.key, band, locale, band.guidance === true);
          expect(words.title.trim(), `${def.key}.${band.id}.${locale}`).not.toBe('');
          expect(words.body.trim()).not.toBe('');
          expect(words.next.trim()).not.toBe('');
          expect(words.title).toBe(own?.[locale].title);
          // The clinician's label stays for staff ("Positive screen: offer a referral…").
          for (const label of Object.values(band.label)) expect(words.title).not.toBe(label);
          expect(`${words.title} ${words.body} ${words.next}`).not.toMatch(/screen|referral|depressi|\{|\}/i);
        }
      });
    }
  }

  it('speaks the reader’s language, not English, where the instrument has no wording in it', () => {
    const band = { id: 'likely_depression', severity: 'severe' as const };
    expect(respondentResultText('who5', band, 'fi', true).title).toBe('Vointisi on ollut viime aikoina heikko');
    expect(respondentResultText('who5', band, 'sv', true).title).toBe('Ditt välbefinnande har varit lågt på sistone');
  });

  it('says what to do right now when the result shows the crisis lines, and only then', () => {
    const band = { id: 'minimal', severity: 'none' as const };
    for (const locale of locales) {
      expect(respondentResultText('phq9', band, locale, true).next).toContain(nextSteps.help[locale]);
      expect(respondentResultText('phq9', band, locale, false).next).not.toContain(nextSteps.help[locale]);
    }
  });

  it('falls back to words by severity for an instrument a provider built', () => {
    for (const locale of locales) {
      for (const severity of ['none', 'mild', 'moderate', 'severe'] as const) {
        const words = respondentResultText('provider_own', { id: 'x', severity }, locale, false);
        expect(words).toMatchObject({ title: bySeverity[severity][locale].title, next: nextSteps[severity][locale] });
      }
    }
  });
});
