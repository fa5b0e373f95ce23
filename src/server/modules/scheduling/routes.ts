import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarDate, errors, idParams, instant, timeZone, uuid } from '../../kernel/http/schemas.js';
import { feedStatus, renderFeed, revokeFeed, rotateFeed } from './feed.js';
import { publicHolidays } from './logic/index.js';
import { maxMeetingMs } from './queries.js';
import {
  addAbsence,
  calendar,
  cancelMeeting,
  createMeetings,
  getAvailability,
  markHeld,
  meetingDetail,
  planMeetings,
  putAvailability,
  readNote,
  removeAbsence,
  rescheduleMeeting,
  setAttendance,
  writeNote,
  writeScaling,
  writeSummary,
} from './service.js';

/** HTTP routes of the `scheduling` module: they translate HTTP to the module's service and nothing more. */

const practitioner = { roles: ['practitioner'] } as const;
const meetingReaders = { roles: ['provider_admin', 'practitioner', 'client_contact', 'participant'] } as const;
const calendarOwners = { roles: ['practitioner', 'participant', 'client_contact'] } as const;
const cancellers = { roles: ['practitioner', 'participant'] } as const;

const DAY = 86400_000;
const dateOnly = calendarDate;
const hhmm = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:MM');
const place = z.enum(['on_site', 'office', 'video']);
const attendanceStatus = z.enum(['invited', 'present', 'absent', 'cancelled']);
const meetingStatus = z.enum(['planned', 'held', 'cancelled']);
const reason = z.string().trim().min(1).max(1000);

/** startsAt < endsAt, at most 12 hours (a calendar range scan relies on that bound). */
function checkInterval(v: { startsAt: string; endsAt: string }, ctx: z.RefinementCtx): void {
  const length = Date.parse(v.endsAt) - Date.parse(v.startsAt);
  if (!(length > 0)) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after startsAt' });
  else if (length > maxMeetingMs) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'a meeting lasts at most 12 hours' });
}
const interval = z.object({ startsAt: instant, endsAt: instant }).superRefine(checkInterval);
const toInterval = (v: { startsAt: string; endsAt: string }) => ({ startsAt: new Date(v.startsAt), endsAt: new Date(v.endsAt) });

const weeklyEntry = z.object({ weekday: z.number().int().min(1).max(7), start: hhmm, end: hhmm }).superRefine((v, ctx) => {
  if (v.end <= v.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start' });
});
const absence = z.object({ id: z.string(), startsAt: z.string(), endsAt: z.string(), note: z.string().nullable() });
const availability = z.object({
  timeZone: z.string(),
  weekly: z.array(z.object({ weekday: z.number(), start: z.string(), end: z.string() })),
  absences: z.array(absence),
});

const calendarItem = z.object({
  id: z.string(),
  processId: z.string(),
  processTitle: z.string(),
  organisationName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  place,
  location: z.string().nullable(),
  videoLink: z.string().nullable(),
  status: meetingStatus,
  participantCount: z.number(),
});
const meeting = calendarItem.extend({
  attendance: z.array(z.object({ personId: z.string(), name: z.string(), status: attendanceStatus })).optional(),
  summary: z.string().nullable().optional(),
  hasMyNote: z.boolean().optional(),
  scaling: z.array(z.object({ goalId: z.string(), personId: z.string().nullable(), value: z.number() })).optional(),
  cancelReason: z.string().nullable(),
  lateCancellation: z.boolean(),
  canCancel: z.boolean(),
});
const textOut = z.object({ text: z.string(), updatedAt: z.string() });
const scalingItems = z.array(z.object({ goalId: uuid, personId: uuid.nullable(), value: z.number().int().min(0).max(10) }));

export async function schedulingRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { kernel } = root;
  const tags = ['scheduling'];

  // ---- availability and absences
  app.get(
    '/api/me/availability',
    { config: { access: practitioner }, schema: { tags, response: { 200: availability, ...errors } } },
    async (req) => getAvailability(kernel, req.repo),
  );

  app.put(
    '/api/me/availability',
    {
      config: { access: practitioner },
      schema: { tags, body: z.object({ timeZone, weekly: z.array(weeklyEntry).max(50) }), response: { 200: availability, ...errors } },
    },
    async (req) => putAvailability(kernel, req.repo, req.body),
  );

  app.post(
    '/api/me/absences',
    {
      config: { access: practitioner },
      schema: {
        tags,
        body: z
          .object({ startsAt: instant, endsAt: instant, note: z.string().trim().max(500).nullable().optional() })
          .superRefine((v, ctx) => {
            if (!(Date.parse(v.endsAt) > Date.parse(v.startsAt)))
              ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after startsAt' });
          }),
        response: { 201: absence, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await addAbsence(req.repo, { ...toInterval(req.body), note: req.body.note })),
  );

  app.delete(
    '/api/me/absences/:id',
    { config: { access: practitioner }, schema: { tags, params: idParams, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      await removeAbsence(req.repo, req.params.id);
      return reply.status(204).send(null);
    },
  );

  // ---- holidays
  app.get(
    '/api/holidays',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        querystring: z.object({ country: z.enum(['FI', 'SE', 'NO']), from: dateOnly, to: dateOnly }).superRefine((v, ctx) => {
          if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
          else if (Date.parse(v.to) - Date.parse(v.from) > 3 * 366 * DAY)
            ctx.addIssue({ code: 'custom', path: ['to'], message: 'at most three years at a time' });
        }),
        response: { 200: z.object({ items: z.array(z.object({ date: z.string(), name: z.string() })) }), ...errors },
      },
    },
    async (req) => ({ items: publicHolidays(req.query.country, req.query.from, req.query.to) }),
  );

  // ---- planning and booking
  app.post(
    '/api/processes/:id/plan',
    {
      config: { access: practitioner },
      schema: {
        tags,
        params: idParams,
        body: z.object({ count: z.number().int().min(1).max(24).optional(), startFrom: dateOnly.optional() }),
        response: {
          200: z.object({
            timeZone: z.string(),
            proposals: z.array(
              z.object({
                startsAt: z.string(),
                endsAt: z.string(),
                reason: z.enum(['first-asap', 'acute-phase', 'lengthened', 'regular']),
                shiftedBecause: z.array(z.string()).optional(),
                target: z.string(),
                late: z.boolean().optional(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req) => planMeetings(kernel, req.repo, req.params.id, req.body),
  );

  app.post(
    '/api/processes/:id/meetings',
    {
      config: { access: practitioner },
      schema: {
        tags,
        params: idParams,
        body: z.object({
          meetings: z.array(interval).min(1).max(24),
          place: place.optional(),
          location: z.string().trim().max(300).nullable().optional(),
          videoLink: z
            .url({ protocol: /^https?$/ })
            .max(500)
            .nullable()
            .optional(),
        }),
        response: { 201: z.object({ items: z.array(meeting) }), ...errors },
      },
    },
    async (req, reply) => {
      const items = await createMeetings(kernel, req.repo, req.params.id, { ...req.body, meetings: req.body.meetings.map(toInterval) });
      return reply.status(201).send({ items });
    },
  );

  // ---- calendar and meetings
  app.get(
    '/api/calendar',
    {
      config: { access: calendarOwners },
      schema: {
        tags,
        querystring: z.object({ from: instant, to: instant }).superRefine((v, ctx) => {
          const span = Date.parse(v.to) - Date.parse(v.from);
          if (!(span > 0)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
          else if (span > 62 * DAY) ctx.addIssue({ code: 'custom', path: ['to'], message: 'at most 62 days at a time' });
        }),
        response: { 200: z.object({ items: z.array(calendarItem) }), ...errors },
      },
    },
    async (req) => ({ items: await calendar(req.repo, new Date(req.query.from), new Date(req.query.to)) }),
  );

  app.get(
    '/api/meetings/:id',
    { config: { access: meetingReaders }, schema: { tags, params: idParams, response: { 200: meeting, ...errors } } },
    async (req) => meetingDetail(kernel, req.repo, req.params.id),
  );

  app.patch(
    '/api/meetings/:id',
    {
      config: { access: practitioner },
      schema: {
        tags,
        params: idParams,
        body: z.object({ startsAt: instant, endsAt: instant, reason }).superRefine(checkInterval),
        response: { 200: meeting, ...errors },
      },
    },
    async (req) => rescheduleMeeting(kernel, req.repo, req.params.id, { ...toInterval(req.body), reason: req.body.reason }),
  );

  app.post(
    '/api/meetings/:id/cancel',
    {
      config: { access: cancellers },
      schema: { tags, params: idParams, body: z.object({ reason }), response: { 200: meeting, ...errors } },
    },
    async (req) => cancelMeeting(kernel, req.repo, req.params.id, req.body.reason),
  );

  app.put(
    '/api/meetings/:id/attendance',
    {
      config: { access: practitioner },
      schema: {
        tags,
        params: idParams,
        body: z.object({
          items: z
            .array(z.object({ personId: uuid, status: attendanceStatus }))
            .min(1)
            .max(200),
        }),
        response: { 200: meeting, ...errors },
      },
    },
    async (req) => setAttendance(kernel, req.repo, req.params.id, req.body.items),
  );

  app.post(
    '/api/meetings/:id/held',
    { config: { access: practitioner }, schema: { tags, params: idParams, response: { 200: meeting, ...errors } } },
    async (req) => markHeld(kernel, req.repo, req.params.id),
  );

  // ---- the work of a meeting
  app.get(
    '/api/meetings/:id/note',
    { config: { access: practitioner }, schema: { tags, params: idParams, response: { 200: textOut, ...errors } } },
    async (req) => readNote(kernel, req.repo, req.params.id),
  );

  app.put(
    '/api/meetings/:id/note',
    {
      config: { access: practitioner },
      schema: { tags, params: idParams, body: z.object({ text: z.string().min(1).max(20000) }), response: { 200: textOut, ...errors } },
    },
    async (req) => writeNote(kernel, req.repo, req.params.id, req.body.text),
  );

  app.put(
    '/api/meetings/:id/summary',
    {
      config: { access: practitioner },
      schema: {
        tags,
        params: idParams,
        body: z.object({ text: z.string().trim().min(1).max(10000) }),
        response: { 200: textOut, ...errors },
      },
    },
    async (req) => writeSummary(kernel, req.repo, req.params.id, req.body.text),
  );

  app.put(
    '/api/meetings/:id/scaling',
    {
      config: { access: practitioner },
      schema: {
        tags,
        params: idParams,
        body: z.object({ items: scalingItems.min(1).max(200) }),
        response: {
          200: z.object({ items: z.array(z.object({ goalId: z.string(), personId: z.string().nullable(), value: z.number() })) }),
          ...errors,
        },
      },
    },
    async (req) => writeScaling(kernel, req.repo, req.params.id, req.body.items),
  );

  // ---- the calendar feed
  const feedOut = z.object({ url: z.string().nullable(), active: z.boolean(), createdAt: z.string().nullable() });
  app.get(
    '/api/me/calendar-feed',
    { config: { access: practitioner }, schema: { tags, response: { 200: feedOut, ...errors } } },
    async (req) => feedStatus(req.repo),
  );

  app.post(
    '/api/me/calendar-feed',
    { config: { access: practitioner }, schema: { tags, response: { 200: z.object({ url: z.string() }), ...errors } } },
    async (req) => rotateFeed(kernel, req.repo),
  );

  app.delete(
    '/api/me/calendar-feed',
    { config: { access: practitioner }, schema: { tags, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      await revokeFeed(kernel, req.repo);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/calendar/:token.ics',
    {
      config: { access: 'public' },
      schema: {
        tags,
        params: z.object({
          token: z
            .string()
            .min(16)
            .max(200)
            .regex(/^[\w-]+$/),
        }),
      },
    },
    async (req, reply) => {
      const body = await renderFeed(kernel, req.params.token);
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="rinnalla.ics"')
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );
}
