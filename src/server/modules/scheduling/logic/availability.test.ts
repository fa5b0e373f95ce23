import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { type Busy, type FreeSlotsInput, freeSlots, type WeeklyHours } from './availability.js';
import { isPublicHoliday } from './holidays.js';

const HEL = 'Europe/Helsinki';
const weekdays = (start: string, end: string): WeeklyHours => ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, start, end }));
const local = (iso: string, zone = HEL) => DateTime.fromISO(iso, { zone }).toFormat('yyyy-MM-dd HH:mm');
const at = (localTime: string, zone = HEL) => DateTime.fromFormat(localTime, 'yyyy-MM-dd HH:mm', { zone }).toUTC().toISO()!;

const base: FreeSlotsInput = {
  timeZone: HEL,
  country: 'FI',
  weekly: weekdays('08:00', '10:00'),
  absences: [],
  busy: [],
  from: at('2026-03-09 00:00'),
  to: at('2026-03-10 00:00'),
  durationMinutes: 60,
};

describe('freeSlots', () => {
  it('lays slots on the step grid inside the weekly hours', () => {
    expect(freeSlots(base).map((s) => local(s.startsAt))).toEqual(['2026-03-09 08:00', '2026-03-09 08:30', '2026-03-09 09:00']);
    expect(freeSlots({ ...base, stepMinutes: 60 }).map((s) => local(s.startsAt))).toEqual(['2026-03-09 08:00', '2026-03-09 09:00']);
    const [first] = freeSlots(base);
    expect(first).toEqual({ startsAt: '2026-03-09T06:00:00.000Z', endsAt: '2026-03-09T07:00:00.000Z' });
  });

  it('keeps 09:00 local across the DST change (Helsinki, 29 March 2026)', () => {
    const slots = freeSlots({ ...base, weekly: weekdays('09:00', '10:00'), from: at('2026-03-27 00:00'), to: at('2026-03-31 00:00') });
    expect(slots.map((s) => s.startsAt)).toEqual(['2026-03-27T07:00:00.000Z', '2026-03-30T06:00:00.000Z']);
    expect(slots.map((s) => local(s.startsAt))).toEqual(['2026-03-27 09:00', '2026-03-30 09:00']);
  });

  it('keeps 09:00 local across the autumn change in Oslo (25 October 2026)', () => {
    const slots = freeSlots({
      ...base,
      timeZone: 'Europe/Oslo',
      country: 'NO',
      weekly: weekdays('09:00', '10:00'),
      from: '2026-10-23T00:00:00+02:00',
      to: '2026-10-27T00:00:00+01:00',
    });
    expect(slots.map((s) => s.startsAt)).toEqual(['2026-10-23T07:00:00.000Z', '2026-10-26T08:00:00.000Z']);
  });

  it('skips public holidays of the country and, when asked, the eves', () => {
    const easter = freeSlots({ ...base, stepMinutes: 60, from: at('2026-04-02 00:00'), to: at('2026-04-08 00:00') });
    expect([...new Set(easter.map((s) => local(s.startsAt).slice(0, 10)))]).toEqual(['2026-04-02', '2026-04-07']);
    const norway = freeSlots({
      ...base,
      timeZone: 'Europe/Oslo',
      country: 'NO',
      stepMinutes: 60,
      from: '2026-04-01T00:00:00+02:00',
      to: '2026-04-03T00:00:00+02:00',
    });
    expect(norway.map((s) => local(s.startsAt, 'Europe/Oslo').slice(0, 10))).toEqual(['2026-04-01', '2026-04-01']);
    const eve = { ...base, stepMinutes: 60, from: at('2026-12-23 00:00'), to: at('2026-12-29 00:00') };
    expect([...new Set(freeSlots(eve).map((s) => local(s.startsAt).slice(0, 10)))]).toEqual(['2026-12-23', '2026-12-24', '2026-12-28']);
    expect([...new Set(freeSlots({ ...eve, closedOnEves: true }).map((s) => local(s.startsAt).slice(0, 10)))]).toEqual([
      '2026-12-23',
      '2026-12-28',
    ]);
  });

  it('leaves out absences and bookings, and keeps the buffer around bookings only', () => {
    const busy = [{ startsAt: at('2026-03-09 09:00'), endsAt: at('2026-03-09 09:30') }];
    expect(freeSlots({ ...base, busy }).map((s) => local(s.startsAt))).toEqual(['2026-03-09 08:00']);
    expect(freeSlots({ ...base, busy, bufferMinutes: 15 })).toEqual([]);
    const absences = [{ startsAt: at('2026-03-09 08:00'), endsAt: at('2026-03-09 09:00') }];
    expect(freeSlots({ ...base, absences, bufferMinutes: 15 }).map((s) => local(s.startsAt))).toEqual(['2026-03-09 09:00']);
  });

  it('treats intervals as half-open: back-to-back meetings are fine', () => {
    const busy = [{ startsAt: at('2026-03-09 09:00'), endsAt: at('2026-03-09 10:00') }];
    expect(freeSlots({ ...base, busy }).map((s) => local(s.startsAt))).toEqual(['2026-03-09 08:00']);
  });

  it('returns slots that lie wholly within from–to', () => {
    const slots = freeSlots({ ...base, from: at('2026-03-09 08:10'), to: at('2026-03-09 09:45') });
    expect(slots.map((s) => local(s.startsAt))).toEqual(['2026-03-09 08:30']);
  });

  it('merges overlapping weekly windows and accepts 24:00 as the end of the day', () => {
    const weekly: WeeklyHours = [
      { weekday: 1, start: '08:00', end: '09:00' },
      { weekday: 1, start: '08:30', end: '09:30' },
      { weekday: 1, start: '23:00', end: '24:00' },
    ];
    expect(freeSlots({ ...base, weekly }).map((s) => local(s.startsAt))).toEqual([
      '2026-03-09 08:00',
      '2026-03-09 08:30',
      '2026-03-09 23:00',
    ]);
  });

  it('is empty without weekly hours, with an empty range, or when the meeting is longer than every window', () => {
    expect(freeSlots({ ...base, weekly: [] })).toEqual([]);
    expect(freeSlots({ ...base, to: base.from })).toEqual([]);
    expect(freeSlots({ ...base, durationMinutes: 180 })).toEqual([]);
  });

  it('refuses bad input instead of guessing', () => {
    expect(() => freeSlots({ ...base, timeZone: 'Europe/Helsingfors' })).toThrow(RangeError);
    expect(() => freeSlots({ ...base, from: '2026-03-09T00:00:00' })).toThrow(/offset/);
    expect(() => freeSlots({ ...base, weekly: [{ weekday: 1, start: '9:00', end: '10:00' }] })).toThrow(RangeError);
    expect(() => freeSlots({ ...base, weekly: [{ weekday: 1, start: '10:00', end: '09:00' }] })).toThrow(RangeError);
    expect(() => freeSlots({ ...base, weekly: [{ weekday: 8 as 1, start: '09:00', end: '10:00' }] })).toThrow(RangeError);
    expect(() => freeSlots({ ...base, durationMinutes: 0 })).toThrow(RangeError);
  });

  it('agrees with a naive check on random data, and is fast against five years of bookings', () => {
    // A deterministic generator so a failure can be reproduced.
    let seed = 42;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const startMs = Date.parse('2021-07-01T00:00:00Z');
    const spanMs = 5 * 365 * 24 * 3600_000;
    const busy: Busy[] = [];
    for (let i = 0; i < 5000; i++) {
      const s = startMs + Math.floor((rand() * spanMs) / 900_000) * 900_000;
      busy.push({ startsAt: new Date(s).toISOString(), endsAt: new Date(s + (1 + Math.floor(rand() * 8)) * 900_000).toISOString() });
    }
    const absences = [{ startsAt: '2026-07-06T00:00:00+03:00', endsAt: '2026-07-27T00:00:00+03:00' }];
    const input: FreeSlotsInput = {
      ...base,
      weekly: weekdays('08:00', '16:00'),
      busy,
      absences,
      bufferMinutes: 10,
      from: '2026-01-01T00:00:00Z',
      to: '2026-07-01T00:00:00Z',
    };
    const t0 = performance.now();
    const slots = freeSlots(input);
    const ms = performance.now() - t0;
    console.log(`freeSlots: ${slots.length} slots over 6 months against ${busy.length} bookings in ${ms.toFixed(1)} ms`);
    expect(ms).toBeLessThan(500);
    expect(slots.length).toBeGreaterThan(100);

    // The naive version: every grid slot of every day checked against every interval.
    const expected: string[] = [];
    const pad = 10 * 60_000;
    const busyMs = busy.map((b) => [Date.parse(b.startsAt) - pad, Date.parse(b.endsAt) + pad] as const);
    const absentMs = absences.map((a) => [Date.parse(a.startsAt), Date.parse(a.endsAt)] as const);
    for (
      let day = DateTime.fromISO('2026-01-01', { zone: HEL });
      day < DateTime.fromISO('2026-07-02', { zone: HEL });
      day = day.plus({ days: 1 })
    ) {
      if (day.weekday > 5 || isPublicHoliday('FI', day.toISODate()!)) continue;
      for (let m = 8 * 60; m + 60 <= 16 * 60; m += 30) {
        const s = day.set({ hour: Math.floor(m / 60), minute: m % 60 }).toMillis();
        const e = s + 3600_000;
        if (s < Date.parse(input.from) || e > Date.parse(input.to)) continue;
        if (busyMs.some(([bs, be]) => bs < e && s < be)) continue;
        if (absentMs.some(([as, ae]) => as < e && s < ae)) continue;
        expected.push(new Date(s).toISOString());
      }
    }
    expect(slots.map((s) => s.startsAt)).toEqual(expected);
  });
});
