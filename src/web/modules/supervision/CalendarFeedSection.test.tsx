import { createInstance, type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { formatDateTime, intlLocale } from '../../app/format';
import { resources } from '../../app/resources';
import { type FeedStatus, feedStatusLines } from './CalendarFeedSection';

// Issue 9, item 5: after a reload the feed looked missing ("you have no link") while its address
// still served the owner's meetings, because the page judged by the address, which the server
// never returns again. The status lines now follow the server's `active` and dates only.

const locales = ['fi', 'sv', 'nb', 'en'] as const;
const now = Date.parse('2026-12-03T16:00:00Z');
const active: FeedStatus = { url: null, active: true, createdAt: '2026-11-20T08:15:00Z', lastFetchedAt: '2026-12-03T14:00:00Z' };

async function linesIn(locale: (typeof locales)[number], status: FeedStatus, timeZone = 'Europe/Helsinki') {
  const i18n = createInstance();
  await i18n.init({ resources, lng: locale, fallbackLng: false, ns: ['supervision'], interpolation: { escapeValue: false } });
  const t = i18n.getFixedT(locale, 'supervision') as TFunction;
  const tag = intlLocale(locale);
  const missing = (key: string) => i18n.getResource(locale, 'supervision', key) === undefined;
  return {
    lines: feedStatusLines(status, { t, dateTime: (iso) => formatDateTime(iso, { locale: tag, timeZone }), locale: tag, now }),
    none: t('feed.none'),
    missing,
  };
}

describe('the calendar feed’s status, as its owner reads it', () => {
  for (const locale of locales) {
    it(`${locale}: an active feed after a reload is active, with when it was made and last read, never "no feed"`, async () => {
      const { lines, none } = await linesIn(locale, active);
      expect(lines).toHaveLength(2);
      expect(lines.join(' ')).not.toContain(none);
      // Dates in the owner's zone: 08:15Z is 10.15 in Helsinki; the read two hours before "now".
      expect(lines[0]).toMatch(/10[.:]15/);
      expect(lines[1]).toMatch(/2/);
      expect(lines[1]).toMatch(/16[.:]00/);
      for (const line of lines) expect(line).not.toMatch(/\{\{|feed\./);
    });

    it(`${locale}: a feed never read says so, and no feed says none`, async () => {
      const never = await linesIn(locale, { ...active, lastFetchedAt: null });
      expect(never.lines).toHaveLength(2);
      expect(never.lines[1]).not.toMatch(/\{\{|feed\./);
      const off = await linesIn(locale, { url: null, active: false, createdAt: null, lastFetchedAt: null });
      expect(off.lines).toEqual([off.none]);
      const justNow = await linesIn(locale, { ...active, lastFetchedAt: new Date(now - 20_000).toISOString() });
      expect(justNow.lines[1]).toMatch(/17[.:]59/);
      expect(justNow.lines[1]).not.toMatch(/\{\{|feed\./);
      for (const key of ['rotateTitle', 'rotateConfirm', 'once', 'notShownAgain', 'neverFetched', 'lastFetched', 'lastFetchedNow'])
        expect(off.missing(`feed.${key}`), key).toBe(false);
    });
  }

  it('reads the times in the owner’s own zone', async () => {
    const { lines } = await linesIn('en', active, 'Europe/Oslo');
    expect(lines[0]).toContain('09:15');
  });
});
