import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { schedulingRoutes as routes } from '../../../shared/scheduling.js';
import { hashToken } from '../../kernel/crypto.js';
import { endpoint } from '../../kernel/http/endpoint.js';
import { credentialContext, serviceContext } from '../../kernel/service-context.js';
import { publicHolidays } from './logic/index.js';
import { addAbsence, getAvailability, putAvailability, removeAbsence } from './use-cases/availability.js';
import { createMeetings, rescheduleMeeting } from './use-cases/booking.js';
import { cancelMeeting } from './use-cases/cancelling.js';
import { feedStatus, renderFeed, revokeFeed, rotateFeed } from './use-cases/feed.js';
import { calendar, meetingDetail } from './use-cases/meetings.js';
import { planMeetings } from './use-cases/planning.js';
import { markHeld, readNote, setAttendance, writeNote, writeScaling, writeSummary } from './use-cases/records.js';

/**
 * HTTP routes of the `scheduling` module: they mount the shared route definitions
 * (src/shared/scheduling.ts) with their access rule and translate HTTP to the module's service.
 */

const practitioner = { roles: ['practitioner'] } as const;
const meetingReaders = { roles: ['provider_admin', 'practitioner', 'client_contact', 'participant'] } as const;
const calendarOwners = { roles: ['practitioner', 'participant', 'client_contact'] } as const;
const cancellers = { roles: ['practitioner', 'participant'] } as const;

const toInterval = (v: { startsAt: string; endsAt: string }) => ({ startsAt: new Date(v.startsAt), endsAt: new Date(v.endsAt) });

export async function schedulingRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const credentials = credentialContext(root.kernel);

  // ---- availability and absences
  app.route({ ...endpoint(routes.getAvailability, practitioner), handler: async (req) => getAvailability(serviceContext(req)) });

  app.route({ ...endpoint(routes.putAvailability, practitioner), handler: async (req) => putAvailability(serviceContext(req), req.body) });

  app.route({
    ...endpoint(routes.addAbsence, practitioner),
    handler: async (req, reply) =>
      reply.status(201).send(await addAbsence(serviceContext(req), { ...toInterval(req.body), note: req.body.note })),
  });

  app.route({
    ...endpoint(routes.removeAbsence, practitioner),
    handler: async (req, reply) => {
      await removeAbsence(serviceContext(req), req.params.id);
      return reply.status(204).send(null);
    },
  });

  // ---- holidays
  app.route({
    ...endpoint(routes.holidays, 'signed-in'),
    handler: async (req) => ({ items: publicHolidays(req.query.country, req.query.from, req.query.to) }),
  });

  // ---- planning and booking
  app.route({ ...endpoint(routes.plan, practitioner), handler: async (req) => planMeetings(serviceContext(req), req.params.id, req.body) });

  app.route({
    ...endpoint(routes.book, practitioner),
    handler: async (req, reply) => {
      const items = await createMeetings(serviceContext(req), req.params.id, { ...req.body, meetings: req.body.meetings.map(toInterval) });
      return reply.status(201).send({ items });
    },
  });

  // ---- calendar and meetings
  app.route({
    ...endpoint(routes.calendar, calendarOwners),
    handler: async (req) => calendar(serviceContext(req), new Date(req.query.from), new Date(req.query.to)),
  });

  app.route({ ...endpoint(routes.meeting, meetingReaders), handler: async (req) => meetingDetail(serviceContext(req), req.params.id) });

  app.route({
    ...endpoint(routes.reschedule, practitioner),
    handler: async (req) => rescheduleMeeting(serviceContext(req), req.params.id, { ...toInterval(req.body), reason: req.body.reason }),
  });

  app.route({
    ...endpoint(routes.cancel, cancellers),
    handler: async (req) => cancelMeeting(serviceContext(req), req.params.id, req.body.reason),
  });

  app.route({
    ...endpoint(routes.attendance, practitioner),
    handler: async (req) => setAttendance(serviceContext(req), req.params.id, req.body.items),
  });

  app.route({ ...endpoint(routes.held, practitioner), handler: async (req) => markHeld(serviceContext(req), req.params.id) });

  // ---- the work of a meeting
  app.route({ ...endpoint(routes.readNote, practitioner), handler: async (req) => readNote(serviceContext(req), req.params.id) });

  app.route({
    ...endpoint(routes.writeNote, practitioner),
    handler: async (req) => writeNote(serviceContext(req), req.params.id, req.body.text),
  });

  app.route({
    ...endpoint(routes.writeSummary, practitioner),
    handler: async (req) => writeSummary(serviceContext(req), req.params.id, req.body.text),
  });

  app.route({
    ...endpoint(routes.writeScaling, practitioner),
    handler: async (req) => writeScaling(serviceContext(req), req.params.id, req.body.items),
  });

  // ---- the calendar feed
  app.route({ ...endpoint(routes.feedStatus, practitioner), handler: async (req) => feedStatus(serviceContext(req)) });

  app.route({ ...endpoint(routes.rotateFeed, practitioner), handler: async (req) => rotateFeed(serviceContext(req)) });

  app.route({
    ...endpoint(routes.revokeFeed, practitioner),
    handler: async (req, reply) => {
      await revokeFeed(serviceContext(req));
      return reply.status(204).send(null);
    },
  });

  // Counted per address, not per IP: calendar services (Google, Microsoft) fetch many people's
  // feeds from a few shared addresses, and a per-IP count would cut off everyone behind one.
  // Guessing addresses is the global per-IP limit's business (and hopeless at 256 bits).
  const feedEndpoint = endpoint(routes.feed, 'public');
  app.route({
    ...feedEndpoint,
    config: {
      ...feedEndpoint.config,
      rateLimit: {
        max: root.kernel.config.authRateLimitPerMinute,
        timeWindow: '1 minute',
        keyGenerator: (req) => `calendar-feed:${hashToken(String((req.params as { token?: unknown }).token ?? ''))}`,
      },
    },
    handler: async (req, reply) => {
      const body = await renderFeed(credentials, req.params.token, {
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
        requestId: req.id,
      });
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="rinnalla.ics"')
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  });
}
