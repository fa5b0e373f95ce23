import { describe, expect, it } from 'vitest';
import { locales } from '../../kernel/i18n/i18n.js';
import { fill, formatWhen, meetingMail, schedulingTexts } from './mail.js';

/** Every leaf as `path → text`. */
function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') {
    out.set(prefix, value);
    return out;
  }
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    for (const [p, v] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(p, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('scheduling mail texts', () => {
  const reference = leaves(schedulingTexts.en);

  for (const locale of locales) {
    it(`${locale} has the same keys and placeholders as en, none empty`, () => {
      const mine = leaves(schedulingTexts[locale]);
      expect([...mine.keys()].sort()).toEqual([...reference.keys()].sort());
      for (const [path, text] of mine) {
        expect(text.trim(), `${locale}.${path}`).not.toBe('');
        expect(placeholders(text), `${locale}.${path}`).toEqual(placeholders(reference.get(path) ?? ''));
      }
    });
  }

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
