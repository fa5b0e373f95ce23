import { describe, expect, it } from 'vitest';
import { formatDateTime, intlLocale } from './format';

// Daylight saving time starts in the EU on Sunday 2026-03-29 at 01:00 UTC:
// Helsinki jumps from 03:00 EET (UTC+2) to 04:00 EEST (UTC+3),
// Oslo jumps from 02:00 CET (UTC+1) to 03:00 CEST (UTC+2).
const time = (iso: string, timeZone: string) => formatDateTime(iso, { locale: 'en-GB', timeZone, dateStyle: 'short', timeStyle: 'short' });

describe('formatDateTime across the spring DST boundary', () => {
  it('renders Helsinki wall-clock time on both sides of the jump', () => {
    expect(time('2026-03-29T00:30:00Z', 'Europe/Helsinki')).toBe('29/03/2026, 02:30');
    expect(time('2026-03-29T00:59:00Z', 'Europe/Helsinki')).toBe('29/03/2026, 02:59');
    expect(time('2026-03-29T01:00:00Z', 'Europe/Helsinki')).toBe('29/03/2026, 04:00');
    expect(time('2026-03-29T01:30:00Z', 'Europe/Helsinki')).toBe('29/03/2026, 04:30');
  });

  it('renders Oslo wall-clock time on both sides of the jump', () => {
    expect(time('2026-03-29T00:30:00Z', 'Europe/Oslo')).toBe('29/03/2026, 01:30');
    expect(time('2026-03-29T00:59:00Z', 'Europe/Oslo')).toBe('29/03/2026, 01:59');
    expect(time('2026-03-29T01:00:00Z', 'Europe/Oslo')).toBe('29/03/2026, 03:00');
    expect(time('2026-03-29T01:30:00Z', 'Europe/Oslo')).toBe('29/03/2026, 03:30');
  });

  it('renders the autumn fall-back hour twice in Helsinki (2026-10-25)', () => {
    // 00:30Z is 03:30 EEST, 01:30Z is 03:30 EET again.
    expect(time('2026-10-25T00:30:00Z', 'Europe/Helsinki')).toBe('25/10/2026, 03:30');
    expect(time('2026-10-25T01:30:00Z', 'Europe/Helsinki')).toBe('25/10/2026, 03:30');
  });

  it('uses the locale conventions (Finnish uses a full stop in times)', () => {
    const fi = formatDateTime('2026-03-29T01:30:00Z', {
      locale: intlLocale('fi'),
      timeZone: 'Europe/Helsinki',
      dateStyle: 'short',
      timeStyle: 'short',
    });
    expect(fi).toContain('29.3.2026');
    expect(fi).toContain('4.30');
  });

  it('returns invalid input unchanged', () => {
    expect(time('not a date', 'Europe/Oslo')).toBe('not a date');
  });
});
