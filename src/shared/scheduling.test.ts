import { describe, expect, it } from 'vitest';
import { intervalProblem, maxMeetingMs, meetingOut, proposalOut, schedulingLimits, schedulingRoutes, weeklyEntry } from './scheduling.js';

const at = (iso: string) => new Date(iso).toISOString();

describe('scheduling contract', () => {
  it('knows an interval that ends before it starts or lasts more than twelve hours', () => {
    expect(intervalProblem('2027-01-04T08:00:00Z', '2027-01-04T09:00:00Z')).toBeNull();
    expect(intervalProblem('2027-01-04T08:00:00Z', '2027-01-04T08:00:00Z')).toBe('endBeforeStart');
    expect(intervalProblem('2027-01-04T09:00:00Z', '2027-01-04T08:00:00Z')).toBe('endBeforeStart');
    expect(intervalProblem('2027-01-04T08:00:00Z', '2027-01-04T20:00:00Z')).toBeNull();
    expect(intervalProblem('2027-01-04T08:00:00Z', '2027-01-04T20:01:00Z')).toBe('tooLong');
    // An absence has no length limit.
    expect(intervalProblem('2027-01-04T08:00:00Z', '2027-03-04T08:00:00Z', Number.POSITIVE_INFINITY)).toBeNull();
    expect(maxMeetingMs).toBe(schedulingLimits.meetingMaxHours * 3600_000);
  });

  it('compares the interval as instants, across offsets', () => {
    // 10:00+02:00 is 08:00Z: ending at 09:00Z is after it.
    expect(intervalProblem('2027-01-04T10:00:00+02:00', '2027-01-04T09:00:00Z')).toBeNull();
    const body = schedulingRoutes.reschedule.body;
    expect(body.safeParse({ startsAt: '2027-01-04T10:00:00+02:00', endsAt: '2027-01-04T08:30:00Z', reason: 'x' }).success).toBe(true);
    const refused = body.safeParse({ startsAt: '2027-01-04T10:00:00+02:00', endsAt: '2027-01-04T07:30:00Z', reason: 'x' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(['endsAt']);
  });

  it('takes weekly hours as HH:MM wall-clock times that end after they start', () => {
    expect(weeklyEntry.safeParse({ weekday: 1, start: '09:00', end: '16:00' }).success).toBe(true);
    expect(weeklyEntry.safeParse({ weekday: 7, start: '18:00', end: '24:00' }).success).toBe(true);
    expect(weeklyEntry.safeParse({ weekday: 1, start: '16:00', end: '09:00' }).success).toBe(false);
    expect(weeklyEntry.safeParse({ weekday: 0, start: '09:00', end: '16:00' }).success).toBe(false);
    expect(weeklyEntry.safeParse({ weekday: 1, start: '9:00', end: '16:00' }).success).toBe(false);
    const tooMany = Array.from({ length: schedulingLimits.weeklyEntriesMax + 1 }, () => ({ weekday: 1, start: '09:00', end: '10:00' }));
    expect(schedulingRoutes.putAvailability.body.safeParse({ timeZone: 'Europe/Helsinki', weekly: tooMany }).success).toBe(false);
  });

  it('bounds the calendar to 62 days and the holidays to three years', () => {
    const calendar = schedulingRoutes.calendar.query;
    expect(calendar.safeParse({ from: '2027-01-01T00:00:00Z', to: '2027-03-04T00:00:00Z' }).success).toBe(true);
    expect(calendar.safeParse({ from: '2027-01-01T00:00:00Z', to: '2027-03-05T00:00:00Z' }).success).toBe(false);
    expect(calendar.safeParse({ from: '2027-01-02T00:00:00Z', to: '2027-01-01T00:00:00Z' }).success).toBe(false);
    const holidays = schedulingRoutes.holidays.query;
    expect(holidays.safeParse({ country: 'FI', from: '2027-01-01', to: '2027-12-31' }).success).toBe(true);
    expect(holidays.safeParse({ country: 'FI', from: '2027-01-02', to: '2027-01-01' }).success).toBe(false);
    expect(holidays.safeParse({ country: 'FI', from: '2027-01-01', to: '2031-01-01' }).success).toBe(false);
    expect(holidays.safeParse({ country: 'DK', from: '2027-01-01', to: '2027-01-02' }).success).toBe(false);
  });

  it('reads a meeting and a proposal as the server sends them, and refuses a drifted one', () => {
    const meeting = {
      id: crypto.randomUUID(),
      processId: crypto.randomUUID(),
      processTitle: 'Työnohjaus',
      organisationName: 'Oy Esimerkki Ab',
      startsAt: at('2027-01-04T08:00:00Z'),
      endsAt: at('2027-01-04T09:30:00Z'),
      timeZone: 'Europe/Helsinki',
      place: 'video',
      location: null,
      videoLink: 'https://meet.example/abc',
      status: 'planned',
      participantCount: 2,
      cancelReason: null,
      lateCancellation: false,
      canCancel: true,
    };
    expect(meetingOut.safeParse(meeting).success).toBe(true);
    expect(meetingOut.safeParse({ ...meeting, status: 'done' }).success).toBe(false);
    expect(meetingOut.safeParse({ ...meeting, participantCount: 1.5 }).success).toBe(false);
    expect(meetingOut.safeParse({ ...meeting, scaling: [{ goalId: crypto.randomUUID(), personId: null, value: 11 }] }).success).toBe(false);
    const proposal = { startsAt: meeting.startsAt, endsAt: meeting.endsAt, reason: 'acute-phase', target: '2027-01-04' };
    expect(proposalOut.safeParse({ ...proposal, shiftedBecause: ['holiday'], late: true }).success).toBe(true);
    expect(proposalOut.safeParse({ ...proposal, shiftedBecause: ['rain'] }).success).toBe(false);
  });

  it('declares the calendar feed as a public iCalendar answer', () => {
    expect(schedulingRoutes.feed.produces).toBe('text/calendar');
    expect(schedulingRoutes.feed.params.safeParse({ token: 'short' }).success).toBe(false);
    expect(schedulingRoutes.feed.params.safeParse({ token: 'a'.repeat(schedulingLimits.feedTokenMin) }).success).toBe(true);
  });
});
