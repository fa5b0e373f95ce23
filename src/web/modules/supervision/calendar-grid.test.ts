import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { CalendarEntry } from '../../../shared/scheduling';
import { resources } from '../../app/resources';
import { absenceEvents, businessHours, fromGridDate, isoWeekNumber, meetingEvents, toGridDate, visibleHours } from './calendar-grid';

const HELSINKI = 'Europe/Helsinki';

const entry = (over: Partial<CalendarEntry>): CalendarEntry => ({
  id: '00000000-0000-4000-8000-000000000001',
  processId: '00000000-0000-4000-8000-000000000002',
  processTitle: 'Night shift group supervision',
  organisationName: 'Care Home Alpha',
  startsAt: '2026-12-03T08:00:00.000Z',
  endsAt: '2026-12-03T09:30:00.000Z',
  timeZone: HELSINKI,
  place: 'on_site',
  location: null,
  videoLink: null,
  status: 'planned',
  participantCount: 3,
  canMove: true,
  ...over,
});

describe('the grid is given wall-clock times of the user’s zone', () => {
  it('shifts an instant to its Helsinki wall-clock time and back, on both sides of a DST change', () => {
    // 10:00 in Helsinki: +02:00 in winter, +03:00 in summer.
    expect(toGridDate('2026-12-03T08:00:00Z', HELSINKI).toISOString()).toBe('2026-12-03T10:00:00.000Z');
    expect(toGridDate('2027-03-29T07:00:00Z', HELSINKI).toISOString()).toBe('2027-03-29T10:00:00.000Z');
    expect(fromGridDate(new Date('2027-03-29T10:00:00Z'), HELSINKI)).toBe('2027-03-29T07:00:00.000Z');
    // A meeting dragged from Friday (winter time) to Monday (summer time) keeps its wall-clock hour.
    expect(fromGridDate(new Date('2027-03-26T10:00:00Z'), HELSINKI)).toBe('2027-03-26T08:00:00.000Z');
    expect(toGridDate('2026-12-03T08:00:00Z', 'America/New_York').toISOString()).toBe('2026-12-03T03:00:00.000Z');
  });
});

describe('ISO week numbers, as Nordic calendars count them', () => {
  it('starts weeks on Monday with week 1 holding the first Thursday', () => {
    expect(isoWeekNumber('2026-12-03')).toBe(49);
    expect(isoWeekNumber('2026-11-30')).toBe(49);
    expect(isoWeekNumber('2026-12-06')).toBe(49);
    expect(isoWeekNumber('2026-12-07')).toBe(50);
    // 2026 has 53 weeks; its last week runs into 2027.
    expect(isoWeekNumber('2027-01-03')).toBe(53);
    expect(isoWeekNumber('2027-01-04')).toBe(1);
    // 30 December 2024 belongs to week 1 of 2025.
    expect(isoWeekNumber('2024-12-30')).toBe(1);
  });

  it('is labelled as each language writes it', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources, lng: 'en', fallbackLng: false, ns: ['supervision'], interpolation: { escapeValue: false } });
    const label = (lng: string, key: string) => i18n.getFixedT(lng, 'supervision')(key, { week: 49 });
    expect(['fi', 'sv', 'nb', 'en'].map((l) => label(l, 'calendar.weekNumber'))).toEqual(['vk 49', 'v. 49', 'uke 49', 'W49']);
    expect(['fi', 'sv', 'nb', 'en'].map((l) => label(l, 'calendar.weekLong'))).toEqual(['Viikko 49', 'Vecka 49', 'Uke 49', 'Week 49']);
  });
});

describe('meetings as grid events', () => {
  it('links each meeting, and lets only those the caller may move be dragged, never resized', () => {
    const [movable, fixed, cancelled] = meetingEvents(
      [entry({}), entry({ id: 'b', canMove: false, status: 'held' }), entry({ id: 'c', canMove: false, status: 'cancelled' })],
      HELSINKI,
      (item) => item.processTitle,
      (item) => `/meetings/${item.id}`,
    );
    expect(movable).toMatchObject({
      title: 'Night shift group supervision',
      url: '/meetings/00000000-0000-4000-8000-000000000001',
      startEditable: true,
      durationEditable: false,
      start: new Date('2026-12-03T10:00:00Z'),
      end: new Date('2026-12-03T11:30:00Z'),
    });
    expect(movable!.classNames).toContain('calendar-meeting--movable');
    expect(fixed).toMatchObject({ startEditable: false, classNames: ['calendar-meeting', 'calendar-meeting--held'] });
    expect(cancelled).toMatchObject({ startEditable: false, classNames: ['calendar-meeting', 'calendar-meeting--cancelled'] });
  });

  it('shades absences as background, named', () => {
    const [absence] = absenceEvents(
      [{ id: 'x', startsAt: '2026-12-03T22:00:00Z', endsAt: '2026-12-04T22:00:00Z', note: 'Course' }],
      HELSINKI,
      (a) => `Absent: ${a.note}`,
    );
    expect(absence).toMatchObject({
      display: 'background',
      title: 'Absent: Course',
      start: new Date('2026-12-04T00:00:00Z'),
      end: new Date('2026-12-05T00:00:00Z'),
    });
  });
});

describe('working hours as business hours', () => {
  const weekly = [
    { weekday: 1, start: '08:00', end: '16:00' },
    { weekday: 7, start: '10:00', end: '12:00' },
  ];

  it('shades nothing for a practitioner with no hours set', () => {
    expect(businessHours(null, HELSINKI, '2026-12-03')).toBe(false);
    expect(businessHours({ timeZone: HELSINKI, weekly: [] }, HELSINKI, '2026-12-03')).toBe(false);
  });

  it('maps hours in the display zone one to one, Sunday as FullCalendar’s day 0', () => {
    expect(businessHours({ timeZone: HELSINKI, weekly }, HELSINKI, '2026-12-03')).toEqual([
      { daysOfWeek: [1], startTime: '08:00', endTime: '16:00' },
      { daysOfWeek: [0], startTime: '10:00', endTime: '12:00' },
    ]);
  });

  it('reads hours kept in another zone in the display zone, splitting a span that crosses midnight', () => {
    // Stockholm is an hour behind Helsinki.
    expect(businessHours({ timeZone: 'Europe/Stockholm', weekly: [weekly[0]!] }, HELSINKI, '2026-12-03')).toEqual([
      { daysOfWeek: [1], startTime: '09:00', endTime: '17:00' },
    ]);
    // Monday 06–10 in Helsinki is Sunday 23:00 to Monday 03:00 in New York (seven hours behind in December).
    expect(
      businessHours({ timeZone: HELSINKI, weekly: [{ weekday: 1, start: '06:00', end: '10:00' }] }, 'America/New_York', '2026-12-03'),
    ).toEqual([
      { daysOfWeek: [0], startTime: '23:00', endTime: '24:00' },
      { daysOfWeek: [1], startTime: '00:00', endTime: '03:00' },
    ]);
  });
});

describe('the hours the time grid shows', () => {
  const at = (start: string, end: string) => ({ start: new Date(`2026-12-03T${start}:00Z`), end: new Date(`2026-12-03T${end}:00Z`) });

  it('is a working day unless meetings or working hours reach further', () => {
    expect(visibleHours([], false)).toEqual({ slotMinTime: '07:00:00', slotMaxTime: '19:00:00' });
    expect(visibleHours([at('06:15', '07:45'), at('19:00', '20:30')], false)).toEqual({ slotMinTime: '06:00:00', slotMaxTime: '21:00:00' });
    expect(visibleHours([], [{ daysOfWeek: [1], startTime: '06:30', endTime: '19:30' }])).toEqual({
      slotMinTime: '06:00:00',
      slotMaxTime: '20:00:00',
    });
    expect(visibleHours([{ start: new Date('2026-12-03T22:00:00Z'), end: new Date('2026-12-04T00:00:00Z') }], false).slotMaxTime).toBe(
      '24:00:00',
    );
  });
});
