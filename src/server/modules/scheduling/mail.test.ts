import { describe, expect, it } from 'vitest';
import { fill } from '../../kernel/i18n/i18n.js';
import { itHasTheSameTextsInEveryLanguage } from '../../testing/texts.js';
import { formatWhen, meetingMail, schedulingTexts, seriesMail } from './mail.js';

describe('scheduling mail texts', () => {
  itHasTheSameTextsInEveryLanguage(schedulingTexts);

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('shows wall-clock time in the meeting zone on both sides of the DST change', () => {
    // 08:00 UTC is 10:00 in Helsinki in winter and 11:00 in summer.
    expect(formatWhen(new Date('2026-03-24T08:00:00Z'), new Date('2026-03-24T09:30:00Z'), 'Europe/Helsinki', 'en')).toContain(
      '10:00–11:30',
    );
    expect(formatWhen(new Date('2026-03-31T08:00:00Z'), new Date('2026-03-31T09:30:00Z'), 'Europe/Helsinki', 'en')).toContain(
      '11:00–12:30',
    );
    expect(formatWhen(new Date('2026-03-31T08:00:00Z'), new Date('2026-03-31T09:30:00Z'), 'Europe/Helsinki', 'fi')).toContain(
      '11.00–12.30',
    );
  });

  it('writes a complete invitation in the reader’s language', () => {
    const facts = {
      title: 'Night shift',
      organisationName: 'Care Home',
      providerName: 'Provider A',
      startsAt: new Date('2026-11-10T08:00:00Z'),
      endsAt: new Date('2026-11-10T09:30:00Z'),
      timeZone: 'Europe/Helsinki',
      place: 'video' as const,
      location: null,
      videoLink: 'https://video.example/room',
    };
    const sv = meetingMail('invitation', 'sv', facts, { recipientName: 'Anna' });
    expect(sv.subject).toContain('Inbjudan: Night shift');
    expect(sv.text).toContain('Hej Anna,');
    expect(sv.text).toContain('https://video.example/room');
    expect(sv.text).not.toMatch(/\{\w+\}/);
    const fallback = meetingMail('cancellation', 'xx', facts, { recipientName: 'Bob', reason: 'Ill' });
    expect(fallback.text).toContain('Reason: Ill');
  });

  it('invites to a whole plan in one mail, listing every meeting in the reader’s language', () => {
    const meeting = (startsAt: string) => ({
      title: 'Night shift',
      organisationName: 'Care Home',
      providerName: 'Provider A',
      startsAt: new Date(startsAt),
      endsAt: new Date(Date.parse(startsAt) + 90 * 60_000),
      timeZone: 'Europe/Helsinki',
      place: 'office' as const,
      location: 'Room 3',
      videoLink: null,
    });
    const plan = [meeting('2026-11-10T08:00:00Z'), meeting('2026-11-24T08:00:00Z'), meeting('2026-12-08T08:00:00Z')];
    for (const locale of ['fi', 'sv', 'nb', 'en']) {
      const mail = seriesMail(locale, plan, { recipientName: 'Anna' });
      expect(mail.subject).toContain('3');
      expect(mail.text.match(/^- /gm)).toHaveLength(3);
      expect(`${mail.subject}\n${mail.text}`).not.toMatch(/\{\w+\}/);
    }
    const fi = seriesMail('fi', plan, { recipientName: 'Anna' });
    expect(fi.subject).toBe('Kutsu: Night shift, 3 tapaamista alkaen 10.11.2026 10.00');
    expect(fi.text).toContain('8. joulukuuta 2026 10.00–11.30');
  });
});
