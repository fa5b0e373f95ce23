import { describe, expect, it } from 'vitest';
import { locales } from '../../kernel/i18n/i18n.js';
import { itHasTheSameTextsInEveryLanguage } from '../../testing/texts.js';
import { emergencySentence } from './logic/guidance.js';
import { formatExpiry, measuresMail, measuresTexts } from './mail.js';

describe('measures mail texts', () => {
  itHasTheSameTextsInEveryLanguage(measuresTexts);

  it('writes the invitation in the reader’s language with the link and the expiry in the provider’s zone', () => {
    const expires = formatExpiry(new Date('2026-03-29T21:30:00Z'), 'Europe/Helsinki', 'fi');
    // 21:30 UTC on the night summer time begins is 00:30 the next day in Helsinki.
    expect(expires).toContain('30. maaliskuuta 2026');
    const mail = measuresMail(
      'invitation',
      'fi',
      {
        name: 'Anna',
        providerName: 'Tukiranta',
        instrumentName: 'WHO-5',
        link: 'https://x.test/r/abc',
        expires,
      },
      { country: 'FI' },
    );
    expect(mail.subject).toBe('Lyhyt kysely: WHO-5 – Tukiranta');
    expect(mail.text).toContain('https://x.test/r/abc');
    expect(mail.text).not.toMatch(/\{\w+\}/);
  });

  it('never puts answers into an alert mail: it has no placeholder for them', () => {
    for (const t of Object.values(measuresTexts)) {
      for (const text of [t.urgent.subject, t.urgent.body, t.escalation.subject, t.escalation.body]) {
        expect(text.match(/\{(\w+)\}/g)?.sort() ?? []).toEqual(expect.not.arrayContaining(['{score}', '{name}', '{answers}', '{band}']));
      }
    }
  });

  it('falls back to English for an unknown language', () => {
    const mail = measuresMail(
      'reminder',
      'xx',
      { name: 'B', providerName: 'P', instrumentName: 'I', link: 'L', expires: 'E' },
      { country: 'SE' },
    );
    expect(mail.subject).toBe('Reminder: I – P');
    expect(mail.text).toContain(emergencySentence('SE', 'en'));
  });

  // Issue 9: the safety text follows the provider's country, the same sentence as on the answer page.
  const never = { FI: /\b(113|1177|90101)\b/, SE: /\b(113|09 2525)\b/, NO: /\b(1177|90101|09 2525)\b/ } as const;
  for (const country of ['FI', 'SE', 'NO'] as const) {
    it(`ends the invitation and the reminder with the emergency sentence of a provider in ${country}, in every language`, () => {
      for (const locale of locales) {
        for (const kind of ['invitation', 'reminder'] as const) {
          const mail = measuresMail(
            kind,
            locale,
            { name: 'A', providerName: 'P', instrumentName: 'I', link: 'L', expires: 'E' },
            { country },
          );
          expect(mail.text, `${country} ${locale} ${kind}`).toContain(emergencySentence(country, locale));
          expect(mail.text).not.toMatch(never[country]);
          expect(mail.text).not.toMatch(/\{\w+\}/);
        }
      }
    });
  }

  it('writes no emergency number into the templates themselves: it comes from the country', () => {
    for (const t of Object.values(measuresTexts)) {
      for (const text of [t.invitation.body, t.reminder.body]) {
        expect(text).toContain('{emergency}');
        expect(text).not.toMatch(/\b11[23]\b/);
      }
    }
  });
});
