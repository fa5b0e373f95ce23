import { describe, expect, it } from 'vitest';
import { itHasTheSameTextsInEveryLanguage } from '../../testing/texts.js';
import { formatExpiry, measuresMail, measuresTexts } from './mail.js';

describe('measures mail texts', () => {
  itHasTheSameTextsInEveryLanguage(measuresTexts);

  it('writes the invitation in the reader’s language with the link and the expiry in the provider’s zone', () => {
    const expires = formatExpiry(new Date('2026-03-29T21:30:00Z'), 'Europe/Helsinki', 'fi');
    // 21:30 UTC on the night summer time begins is 00:30 the next day in Helsinki.
    expect(expires).toContain('30. maaliskuuta 2026');
    const mail = measuresMail('invitation', 'fi', {
      name: 'Anna',
      providerName: 'Tukiranta',
      instrumentName: 'WHO-5',
      link: 'https://x.test/r/abc',
      expires,
    });
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
    expect(measuresMail('reminder', 'xx', { name: 'B', providerName: 'P', instrumentName: 'I', link: 'L', expires: 'E' }).subject).toBe(
      'Reminder: I – P',
    );
  });
});
