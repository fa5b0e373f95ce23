import ical, { ICalAttendeeRole, ICalAttendeeStatus, type ICalCalendar, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { assertZone, instantMs } from './availability.js';

export type IcsStatus = 'CONFIRMED' | 'CANCELLED';

export interface IcsPerson {
  name: string;
  email: string;
}

export interface MeetingIcsInput {
  /** Stable per meeting across updates and the cancellation, e.g. `${meetingId}@rinnalla`. */
  uid: string;
  /** 0 for the first invitation; raise it on every change the attendees should see, the cancellation included. */
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  startsAt: string;
  endsAt: string;
  /** The practitioner's zone; written as X-WR-TIMEZONE, a display hint (the times themselves are UTC). */
  timeZone: string;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  organizer: IcsPerson;
  attendees: IcsPerson[];
  /** Defaults to CONFIRMED for REQUEST; a CANCEL is always CANCELLED. */
  status?: IcsStatus;
  /** ISO instant written as DTSTAMP: pass `now`. Defaults to startsAt so the output stays deterministic. */
  stamp?: string;
}

export interface FeedEvent {
  uid: string;
  sequence: number;
  startsAt: string;
  endsAt: string;
  summary: string;
  description?: string;
  location?: string;
  status?: IcsStatus;
  /** ISO instant of the event's last change, written as DTSTAMP. Defaults to startsAt. */
  stamp?: string;
}

export interface CalendarFeedInput {
  name: string;
  timeZone: string;
  events: FeedEvent[];
}

const PROD_ID = { company: 'Rinnalla', product: 'Scheduling', language: 'EN' } as const;

// Times are written in UTC (DTSTART:…Z). Every client converts them to the reader's own zone, and
// unlike TZID= times they need no VTIMEZONE block, which ical-generator cannot build by itself;
// a wrong or missing VTIMEZONE is exactly how invitations end up an hour off after a DST change.
// Dates are handed over as Date objects built from instants, never as local strings.
function calendarShell(timeZone: string): ICalCalendar {
  assertZone(timeZone);
  const calendar = ical({ prodId: PROD_ID });
  calendar.x([['X-WR-TIMEZONE', timeZone]]);
  return calendar;
}

function instantDate(iso: string, what: string): Date {
  return new Date(instantMs(iso, what));
}

function checkSequence(sequence: number): void {
  if (!Number.isInteger(sequence) || sequence < 0) throw new RangeError(`sequence must be a whole number ≥ 0, got ${sequence}`);
}

function eventStatus(status: IcsStatus): ICalEventStatus {
  return status === 'CANCELLED' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED;
}

/** An iTIP invitation (REQUEST) or cancellation (CANCEL) for one meeting, for an e-mail attachment. */
export function meetingIcs(input: MeetingIcsInput): string {
  return seriesIcs([input]);
}

/**
 * One calendar holding several meetings (a confirmed plan), one VEVENT each with the meeting's own
 * UID and SEQUENCE, so a later update or cancellation of one meeting still finds it by UID.
 * Every event shares the first one's method and zone.
 */
export function seriesIcs(inputs: MeetingIcsInput[]): string {
  const first = inputs[0];
  if (!first) throw new RangeError('a calendar needs at least one meeting');
  const calendar = calendarShell(first.timeZone);
  calendar.method(first.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST);
  for (const input of inputs) addMeetingEvent(calendar, { ...input, method: first.method });
  return calendar.toString();
}

function addMeetingEvent(calendar: ICalCalendar, input: MeetingIcsInput): void {
  checkSequence(input.sequence);
  const cancel = input.method === 'CANCEL';
  // A CANCEL that says CONFIRMED is contradictory and some clients would keep the meeting.
  const status: IcsStatus = cancel ? 'CANCELLED' : (input.status ?? 'CONFIRMED');
  calendar.createEvent({
    id: input.uid,
    sequence: input.sequence,
    start: instantDate(input.startsAt, 'startsAt'),
    end: instantDate(input.endsAt, 'endsAt'),
    stamp: instantDate(input.stamp ?? input.startsAt, 'stamp'),
    summary: input.summary,
    description: input.description ?? null,
    location: input.location ?? null,
    url: input.url ?? null,
    status: eventStatus(status),
    organizer: { name: input.organizer.name, email: input.organizer.email },
    attendees: input.attendees.map((a) => ({
      name: a.name,
      email: a.email,
      role: ICalAttendeeRole.REQ,
      // Only an invitation asks for an answer.
      ...(cancel ? {} : { status: ICalAttendeeStatus.NEEDSACTION, rsvp: true }),
    })),
  });
}

/** A subscribable calendar feed (METHOD:PUBLISH) of a person's meetings. */
export function calendarFeed(input: CalendarFeedInput): string {
  const calendar = calendarShell(input.timeZone);
  calendar.method(ICalCalendarMethod.PUBLISH);
  calendar.name(input.name);
  // Clients that honour it refresh hourly, so a moved meeting shows up the same morning.
  calendar.ttl(60 * 60);
  for (const e of input.events) {
    checkSequence(e.sequence);
    calendar.createEvent({
      id: e.uid,
      sequence: e.sequence,
      start: instantDate(e.startsAt, 'startsAt'),
      end: instantDate(e.endsAt, 'endsAt'),
      stamp: instantDate(e.stamp ?? e.startsAt, 'stamp'),
      summary: e.summary,
      description: e.description ?? null,
      location: e.location ?? null,
      status: eventStatus(e.status ?? 'CONFIRMED'),
    });
  }
  return calendar.toString();
}
