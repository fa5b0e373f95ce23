import { describe, expect, it } from 'vitest';
import { fill } from '../../kernel/i18n/i18n.js';
import { itHasTheSameTextsInEveryLanguage } from '../../testing/texts.js';
import { formatWhen, meetingMail, schedulingTexts } from './mail.js';

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
});
