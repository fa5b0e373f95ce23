import { describe, expect, it } from 'vitest';
import { fill, locales } from '../../../kernel/i18n/i18n.js';
import { intakeTexts, intakeTextsFor } from '../../intake/mail.js';
import { crisisLines, emergencyNumbers, emergencySentence, guidanceLanguage } from './guidance.js';

// Safety text follows the country, the same on the page and in mail (issue 9: a Finnish provider's
// page in Norwegian listed 112 and MIELI and then said "Ring 113").
const expected = {
  FI: { emergency: ['112'], lines: ['112', '09 2525 0111'], never: /\b(113|1177|90101|116 123)\b/ },
  SE: { emergency: ['112'], lines: ['112', '90101', '1177'], never: /\b(113|09 2525|116 123)\b/ },
  NO: { emergency: ['113', '112'], lines: ['113', '112', '116 123', '22 40 00 40'], never: /\b(1177|90101|09 2525)\b/ },
} as const;

describe('safety text by country', () => {
  for (const [country, want] of Object.entries(expected) as [keyof typeof expected, (typeof expected)[keyof typeof expected]][]) {
    describe(country, () => {
      it('names the country’s emergency numbers, from its own lines, in every language', () => {
        expect(emergencyNumbers(country)).toEqual(want.emergency);
        for (const locale of locales) {
          const sentence = emergencySentence(country, locale);
          for (const n of want.emergency) expect(sentence).toContain(n);
          expect(sentence).not.toMatch(want.never);
          if (country !== 'NO') expect(sentence).not.toContain('113');
          const phones = crisisLines(country, locale).map((l) => l.phone);
          for (const n of want.emergency) expect(phones).toContain(n);
          if (locale !== 'sv') expect(phones).toEqual(want.lines);
        }
      });

      it('puts the same sentence into the crisis intake confirmation mail, in every language', () => {
        for (const locale of locales) {
          const body = intakeTextsFor(locale, country).texts.confirmation.bodyCrisis;
          expect(body).toContain(emergencySentence(country, locale));
          expect(body).not.toMatch(/\{emergency\}/);
          expect(body).not.toMatch(want.never);
          if (country !== 'NO') expect(body).not.toContain('113');
          expect(fill(body, { contactName: 'A', targetHours: '2' })).not.toMatch(/\{\w+\}/);
        }
      });
    });
  }

  it('a Finnish provider’s Norwegian page says 112, never "Ring 113"', () => {
    expect(emergencySentence('FI', 'nb')).toBe('Ring 112 i en nødsituasjon.');
    expect(crisisLines('FI', 'nb').map((l) => l.phone)).toEqual(['112', '09 2525 0111']);
  });

  it('writes no emergency number into the mail templates themselves', () => {
    for (const locale of locales) expect(intakeTexts[locale].confirmation.bodyCrisis).not.toMatch(/\b11[23]\b/);
  });
});

describe("the provider's own guidance text", () => {
  it("is given in the reader's language when the provider wrote it", () => {
    expect(guidanceLanguage({ fi: 'Soita työterveyteen', sv: 'Ring företagshälsovården' }, 'sv', 'fi')).toBe('sv');
  });
  it("falls back to the provider's language, not to English, when the reader's is missing", () => {
    expect(guidanceLanguage({ fi: 'Soita työterveyteen', en: 'Call occupational health' }, 'sv', 'fi')).toBe('fi');
  });
  it('uses English only when neither exists, and nothing when the provider wrote none (blank counts as none)', () => {
    expect(guidanceLanguage({ en: 'Call occupational health' }, 'sv', 'fi')).toBe('en');
    expect(guidanceLanguage({ sv: '  ' }, 'sv', 'fi')).toBeNull();
    expect(guidanceLanguage(null, 'fi', 'fi')).toBeNull();
  });
});
