import { z } from 'zod';
import { defineRoute } from './http.js';
import { type MeetingStatus, meetingStatus, meetingStatuses, place, processLimits } from './processes.js';
import { calendarDate, dateOut, idParams, instant, instantOut, items, text, timeZone, uuid } from './schemas.js';

/**
 * The contract of the `scheduling` module (weekly hours and absences, public holidays, the
 * planner, meetings, the calendar, attendance, private notes, shared summaries, scaling answers and
 * the calendar feed): enums, limits, the rules on intervals and the route definitions. The server
 * validates with them; the web types its data and checks its forms with the very same objects.
 *
 * Time zones: every instant travels as ISO with Z or an offset. Weekly hours are wall-clock times in
 * the availability's own zone; the planner proposes in the practitioner's planning zone (their weekly
 * hours' zone, else their profile's, else the provider's), and a meeting keeps the zone it was
 * booked in (`timeZone`), for mails and the feed.
 */

// ---------------------------------------------------------------------------------------------
// Enumerations

/** A meeting's status: the processes contract lists it too (a process shows its meetings), so it is declared there once. */
export { type MeetingStatus, meetingStatus, meetingStatuses };

export const attendanceStatuses = ['invited', 'present', 'absent', 'cancelled'] as const;
export const attendanceStatus = z.enum(attendanceStatuses);
export type AttendanceStatus = z.infer<typeof attendanceStatus>;

/** Why the planner proposed a meeting when it did. */
export const proposalReasons = ['first-asap', 'acute-phase', 'lengthened', 'regular'] as const;
export const proposalReason = z.enum(proposalReasons);
export type ProposalReason = z.infer<typeof proposalReason>;

/** Why a proposal is not at the slot its rule aimed at. */
export const shiftReasons = ['holiday', 'unavailable', 'busy', 'absence'] as const;
export const shiftReason = z.enum(shiftReasons);
export type ShiftReason = z.infer<typeof shiftReason>;

/** The countries whose public holidays the planner knows. */
export const holidayCountries = ['FI', 'SE', 'NO'] as const;
export const holidayCountry = z.enum(holidayCountries);

// ---------------------------------------------------------------------------------------------
// Limits: written once, read by the server's validation and the web's forms

export const schedulingLimits = {
  /** Rows of weekly hours. */
  weeklyEntriesMax: 50,
  absenceNoteMax: 500,
  /** Meetings the planner proposes at once (and its default). */
  planCountMin: 1,
  planCountMax: 24,
  planCountDefault: 6,
  /** Meetings booked in one request. */
  bookMax: 24,
  /** A meeting's place details: as long as a process's, which they default to. */
  locationMax: processLimits.locationMax,
  videoLinkMax: processLimits.videoLinkMax,
  /** Reasons for moving or cancelling a meeting. */
  reasonMax: 1000,
  attendanceMax: 200,
  noteMax: 20_000,
  summaryMax: 10_000,
  scalingItemsMax: 200,
  scaleMin: 0,
  scaleMax: 10,
  /** A meeting lasts at most this long (a calendar range scan relies on the bound). */
  meetingMaxHours: 12,
  /** The calendar is read at most this many days at a time. */
  calendarMaxDays: 62,
  /** Public holidays are listed at most this many days at a time (three years). */
  holidaysMaxDays: 3 * 366,
  // Feed tokens are 43 characters; 20 is also where the log scrubber starts masking (logging.ts).
  feedTokenMin: 20,
  feedTokenMax: 200,
  /**
   * A feed records that a calendar app read it at most once per this many minutes: its owner needs
   * "is it still read", not every poll, and each record is an audited write.
   */
  feedFetchRecordMinutes: 60,
} as const;

const L = schedulingLimits;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** No meeting is longer than this: validated on every write, relied on by the calendar's range scans. */
export const maxMeetingMs = L.meetingMaxHours * HOUR;

// ---------------------------------------------------------------------------------------------
// Pieces and rules

/** A wall-clock time 'HH:MM'; '24:00' ends a day. */
export const hhmm = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:MM');
/** ISO weekday: 1 Monday … 7 Sunday. */
export const weekday = z.number().int().min(1).max(7);
export const reason = text(L.reasonMax);
export const absenceNote = z.string().trim().max(L.absenceNoteMax);
export const noteText = z.string().min(1).max(L.noteMax);
export const summaryText = text(L.summaryMax);
export const scale = z.number().int().min(L.scaleMin).max(L.scaleMax);
export const planCount = z.number().int().min(L.planCountMin).max(L.planCountMax);
export const meetingLocation = z.string().trim().max(L.locationMax);
export const meetingVideoLink = z.url({ protocol: /^https?$/ }).max(L.videoLinkMax);

/** Why an interval is refused, if it is: it must end after it starts and last at most 12 hours. */
export function intervalProblem(startsAt: string, endsAt: string, maxMs = maxMeetingMs): 'endBeforeStart' | 'tooLong' | null {
  const length = Date.parse(endsAt) - Date.parse(startsAt);
  if (!(length > 0)) return 'endBeforeStart';
  if (length > maxMs) return 'tooLong';
  return null;
}

/** startsAt < endsAt, at most 12 hours. */
export function checkMeetingInterval(v: { startsAt: string; endsAt: string }, ctx: z.RefinementCtx): void {
  const problem = intervalProblem(v.startsAt, v.endsAt);
  if (problem === 'endBeforeStart') ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after startsAt' });
  else if (problem === 'tooLong') ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'a meeting lasts at most 12 hours' });
}

export const meetingInterval = z.object({ startsAt: instant, endsAt: instant }).superRefine(checkMeetingInterval);

export const weeklyEntry = z.object({ weekday, start: hhmm, end: hhmm }).superRefine((v, ctx) => {
  if (v.end <= v.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start' });
});
export type WeeklyEntry = z.infer<typeof weeklyEntry>;

// ---------------------------------------------------------------------------------------------
// Answers

export const absenceOut = z.object({ id: uuid, startsAt: instantOut, endsAt: instantOut, note: z.string().nullable() });
export type Absence = z.infer<typeof absenceOut>;

/** A zone the server sends is not re-checked against the browser's own list of zones. */
const zoneOut = z.string().min(1);

export const availabilityOut = z.object({
  timeZone: zoneOut,
  weekly: z.array(z.object({ weekday, start: hhmm, end: hhmm })),
  absences: z.array(absenceOut),
});
export type Availability = z.infer<typeof availabilityOut>;

export const proposalOut = z.object({
  startsAt: instantOut,
  endsAt: instantOut,
  reason: proposalReason,
  /** Present when the meeting is not at the slot its rule aimed at. */
  shiftedBecause: z.array(shiftReason).optional(),
  /** The date (in the planning zone) the rule aimed at. */
  target: dateOut,
  /** Present when no slot fitted the wanted window: the practitioner should look at it. */
  late: z.literal(true).optional(),
});
export type Proposal = z.infer<typeof proposalOut>;

export const planOut = z.object({ timeZone: zoneOut, proposals: z.array(proposalOut) });
export type Plan = z.infer<typeof planOut>;

export const calendarItem = z.object({
  id: uuid,
  processId: uuid,
  processTitle: z.string(),
  organisationName: z.string(),
  startsAt: instantOut,
  endsAt: instantOut,
  timeZone: zoneOut,
  place,
  location: z.string().nullable(),
  videoLink: z.string().nullable(),
  status: meetingStatus,
  participantCount: z.number().int().min(0),
});
export type CalendarItem = z.infer<typeof calendarItem>;

/** A meeting in the caller's calendar, and whether the caller may move it there (drag it to another time). */
export const calendarEntry = calendarItem.extend({ canMove: z.boolean() });
export type CalendarEntry = z.infer<typeof calendarEntry>;

/**
 * The calendar of a range: the meetings, and for a practitioner the weekly hours (wall-clock in
 * their own zone; null when none are set) and their own absences overlapping the range, to shade.
 */
export const calendarOut = z.object({
  items: z.array(calendarEntry),
  workingHours: z.object({ timeZone: zoneOut, weekly: z.array(z.object({ weekday, start: hhmm, end: hhmm })) }).nullable(),
  absences: z.array(absenceOut),
});
export type CalendarOut = z.infer<typeof calendarOut>;

export const scalingAnswer = z.object({ goalId: uuid, personId: uuid.nullable(), value: scale });
export type ScalingAnswer = z.infer<typeof scalingAnswer>;

/** A meeting as the caller may see it: which optional parts it has depends on the caller's role. */
export const meetingOut = calendarItem.extend({
  attendance: z.array(z.object({ personId: uuid, name: z.string(), status: attendanceStatus })).optional(),
  summary: z.string().nullable().optional(),
  hasMyNote: z.boolean().optional(),
  scaling: z.array(scalingAnswer).optional(),
  cancelReason: z.string().nullable(),
  lateCancellation: z.boolean(),
  canCancel: z.boolean(),
});
export type Meeting = z.infer<typeof meetingOut>;

export const textOut = z.object({ text: z.string(), updatedAt: instantOut });
export type SavedText = z.infer<typeof textOut>;

export const feedStatusOut = z.object({
  /** Always null here: the URL holds the secret and is shown only once, when it is made. */
  url: z.string().nullable(),
  active: z.boolean(),
  createdAt: instantOut.nullable(),
  /** When a calendar app last read the active feed (to within feedFetchRecordMinutes); null if never. */
  lastFetchedAt: instantOut.nullable(),
});

// ---------------------------------------------------------------------------------------------
// Routes

const tags = ['scheduling'];

export const schedulingRoutes = {
  getAvailability: defineRoute({
    method: 'GET',
    path: '/api/me/availability',
    tags,
    summary: 'The caller’s weekly hours, their time zone and their absences still to come',
    responses: { 200: availabilityOut },
  }),

  putAvailability: defineRoute({
    method: 'PUT',
    path: '/api/me/availability',
    tags,
    summary: 'Replace the caller’s weekly hours and their time zone as a whole',
    description: 'Each entry ends after it starts; the times are wall-clock times in `timeZone`.',
    body: z.object({ timeZone, weekly: z.array(weeklyEntry).max(L.weeklyEntriesMax) }),
    responses: { 200: availabilityOut },
  }),

  addAbsence: defineRoute({
    method: 'POST',
    path: '/api/me/absences',
    tags,
    summary: 'Record an absence: the planner proposes nothing inside it',
    description: 'Ends after it starts.',
    body: z.object({ startsAt: instant, endsAt: instant, note: absenceNote.nullable().optional() }).superRefine((v, ctx) => {
      if (intervalProblem(v.startsAt, v.endsAt, Number.POSITIVE_INFINITY))
        ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after startsAt' });
    }),
    responses: { 201: absenceOut },
  }),

  removeAbsence: defineRoute({
    method: 'DELETE',
    path: '/api/me/absences/:id',
    tags,
    summary: 'Remove one of the caller’s absences',
    params: idParams,
    responses: { 204: null },
  }),

  holidays: defineRoute({
    method: 'GET',
    path: '/api/holidays',
    tags,
    summary: 'Public holidays of a Nordic country',
    description:
      '`from` and `to` are both included, `to` not before `from`, at most three years apart; dates in the country’s own calendar.',
    query: z.object({ country: holidayCountry, from: calendarDate, to: calendarDate }).superRefine((v, ctx) => {
      if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
      else if (Date.parse(v.to) - Date.parse(v.from) > L.holidaysMaxDays * DAY)
        ctx.addIssue({ code: 'custom', path: ['to'], message: 'at most three years at a time' });
    }),
    responses: { 200: items(z.object({ date: dateOut, name: z.string() })) },
  }),

  plan: defineRoute({
    method: 'POST',
    path: '/api/processes/:id/plan',
    tags,
    summary: 'Propose meetings by the process’s cadence, inside the caller’s hours, around holidays, absences and bookings',
    description:
      'Nothing is booked. `count` defaults to 6; `startFrom` is a date in the planning zone (the answer’s `timeZone`). A closed process answers 422.',
    params: idParams,
    body: z.object({ count: planCount.optional(), startFrom: calendarDate.optional() }),
    responses: { 200: planOut },
    errors: [422],
  }),

  book: defineRoute({
    method: 'POST',
    path: '/api/processes/:id/meetings',
    tags,
    summary: 'Book meetings: the process’s practitioners are booked and its participants invited by mail',
    description:
      'Each meeting ends after it starts and lasts at most 12 hours. Place, location and video link default to the process’s. A closed process answers 422. Each invited person gets one mail with every meeting in one .ics; the practitioner who books gets none.',
    params: idParams,
    body: z.object({
      meetings: z.array(meetingInterval).min(1).max(L.bookMax),
      place: place.optional(),
      location: meetingLocation.nullable().optional(),
      videoLink: meetingVideoLink.nullable().optional(),
    }),
    responses: { 201: items(meetingOut) },
    errors: [422],
  }),

  calendar: defineRoute({
    method: 'GET',
    path: '/api/calendar',
    tags,
    summary: 'The caller’s own meetings that overlap a range: booked, invited to, or of their organisations',
    description:
      '`to` is after `from`, at most 62 days later. `canMove` is true on a planned meeting the caller is booked for as its practitioner (PATCH /api/meetings/:id moves it). A practitioner also gets their weekly hours and their absences overlapping the range; others get null and [].',
    query: z.object({ from: instant, to: instant }).superRefine((v, ctx) => {
      const span = Date.parse(v.to) - Date.parse(v.from);
      if (!(span > 0)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
      else if (span > L.calendarMaxDays * DAY) ctx.addIssue({ code: 'custom', path: ['to'], message: 'at most 62 days at a time' });
    }),
    responses: { 200: calendarOut },
  }),

  meeting: defineRoute({
    method: 'GET',
    path: '/api/meetings/:id',
    tags,
    summary: 'One meeting, with the parts the caller’s role may see',
    params: idParams,
    responses: { 200: meetingOut },
  }),

  reschedule: defineRoute({
    method: 'PATCH',
    path: '/api/meetings/:id',
    tags,
    summary: 'Move a planned meeting; everyone invited is mailed the update',
    description: 'Ends after it starts, lasts at most 12 hours. Only a planned meeting moves (else 422).',
    params: idParams,
    body: z.object({ startsAt: instant, endsAt: instant, reason }).superRefine(checkMeetingInterval),
    responses: { 200: meetingOut },
    errors: [422],
  }),

  cancel: defineRoute({
    method: 'POST',
    path: '/api/meetings/:id/cancel',
    tags,
    summary: 'Cancel a planned meeting (a participant of a group withdraws from it instead)',
    description:
      'A practitioner of the process cancels at any time; a participant until the provider’s participant cancellation hours before it begins (else 422 too_late_to_cancel).',
    params: idParams,
    body: z.object({ reason }),
    responses: { 200: meetingOut },
    errors: [422],
  }),

  attendance: defineRoute({
    method: 'PUT',
    path: '/api/meetings/:id/attendance',
    tags,
    summary: 'Record who attended',
    description:
      'Every person named must be invited to the meeting (else 422); a cancelled meeting answers 422. Before the meeting begins it answers 422 meeting_not_started; attendance recorded after the start marks the meeting held.',
    params: idParams,
    body: z.object({
      items: z
        .array(z.object({ personId: uuid, status: attendanceStatus }))
        .min(1)
        .max(L.attendanceMax),
    }),
    responses: { 200: meetingOut },
    errors: [422],
  }),

  held: defineRoute({
    method: 'POST',
    path: '/api/meetings/:id/held',
    tags,
    summary: 'Mark a meeting held; the invited are marked present',
    description:
      'Only once it has begun and unless it was cancelled (else 422 meeting_not_started or meeting_cancelled); whoever has no attendance recorded is marked present; marking it again changes nothing more.',
    params: idParams,
    responses: { 200: meetingOut },
    errors: [422],
  }),

  readNote: defineRoute({
    method: 'GET',
    path: '/api/meetings/:id/note',
    tags,
    summary: 'The caller’s own private note on a meeting (every read is audited)',
    description: '404 when the caller has written none.',
    params: idParams,
    responses: { 200: textOut },
  }),

  writeNote: defineRoute({
    method: 'PUT',
    path: '/api/meetings/:id/note',
    tags,
    summary: 'Write the caller’s own private note on a meeting (stored encrypted)',
    description: 'Unlike the summary, attendance and scaling, a private note may be written before the meeting, to prepare for it.',
    params: idParams,
    body: z.object({ text: noteText }),
    responses: { 200: textOut },
  }),

  writeSummary: defineRoute({
    method: 'PUT',
    path: '/api/meetings/:id/summary',
    tags,
    summary: 'Write the meeting’s summary, shared with its participants',
    description: 'Only once the meeting has begun (else 422 meeting_not_started); a cancelled meeting answers 422.',
    params: idParams,
    body: z.object({ text: summaryText }),
    responses: { 200: textOut },
    errors: [422],
  }),

  writeScaling: defineRoute({
    method: 'PUT',
    path: '/api/meetings/:id/scaling',
    tags,
    summary: 'Record scaling answers (0–10) per goal, for the group (personId null) or a participant',
    description:
      'Each goal is a goal of the process and each person invited to the meeting (else 422). Only once the meeting has begun (else 422 meeting_not_started); a cancelled meeting answers 422.',
    params: idParams,
    body: z.object({ items: z.array(scalingAnswer).min(1).max(L.scalingItemsMax) }),
    responses: { 200: items(scalingAnswer) },
    errors: [422],
  }),

  feedStatus: defineRoute({
    method: 'GET',
    path: '/api/me/calendar-feed',
    tags,
    summary: 'Whether the caller has an active calendar feed, since when, and when a calendar app last read it',
    description: `Never the address itself: it holds the secret, which is stored only as a hash. \`lastFetchedAt\` is recorded at most once per ${L.feedFetchRecordMinutes} minutes per feed, so it is accurate to within that; null until a calendar app has read the feed.`,
    responses: { 200: feedStatusOut },
  }),

  rotateFeed: defineRoute({
    method: 'POST',
    path: '/api/me/calendar-feed',
    tags,
    summary: 'Make a new calendar feed URL, revoking the old one',
    description:
      'The URL holds the secret: it is shown only in this answer. Any earlier address stops working at once (404), so calendar apps subscribed to it must subscribe again.',
    responses: { 200: z.object({ url: z.string() }) },
  }),

  revokeFeed: defineRoute({
    method: 'DELETE',
    path: '/api/me/calendar-feed',
    tags,
    summary: 'Revoke the caller’s calendar feed',
    responses: { 204: null },
  }),

  feed: defineRoute({
    method: 'GET',
    path: '/calendar/:token.ics',
    tags,
    summary: 'The calendar feed (iCalendar): the owner’s meetings from 60 days back to 400 days ahead',
    description:
      'The token is the credential. An unknown or revoked feed answers 404. Each address may be read at most AUTH_RATE_LIMIT_PER_MINUTE times a minute (default 30; 429 with Retry-After beyond), counted per address rather than per IP, since calendar services fetch many people’s feeds from the same addresses.',
    params: z.object({
      token: z
        .string()
        .min(L.feedTokenMin)
        .max(L.feedTokenMax)
        .regex(/^[\w-]+$/),
    }),
    responses: { 200: z.string() },
    produces: 'text/calendar',
  }),
} as const;
