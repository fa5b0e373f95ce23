import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarDate, email, errors, idParams, locale, month, uuid } from '../../kernel/http/schemas.js';
import { listPeople, listServices, processSummaries } from './queries.js';
import * as svc from './service.js';

/** HTTP routes of the `processes` module: they translate HTTP to the module's service and nothing more. */

const admin = { roles: ['provider_admin'] } as const;
const staff = { roles: ['provider_admin', 'practitioner'] } as const;
/** Goals, "what works", status changes and continuing are recorded by the practitioners of the process (policy.ts). */
const practitioner = { roles: ['practitioner'] } as const;
const catalogueReaders = { roles: ['provider_admin', 'practitioner', 'client_contact'] } as const;
const processReaders = { roles: ['provider_admin', 'practitioner', 'client_contact', 'participant'] } as const;

const kind = z.enum(['individual', 'group', 'work_community', 'leader', 'crisis_individual', 'crisis_group']);
const cadence = z.enum(['crisis', 'weekly', 'biweekly', 'monthly']);
const place = z.enum(['on_site', 'office', 'video']);
const status = z.enum(['proposed', 'agreed', 'active', 'paused', 'completed', 'cancelled']);
const currency = z.enum(['EUR', 'SEK', 'NOK']);
const name = z.string().trim().min(1).max(200);
const minutes = z.number().int().min(15).max(480);
const cents = z.number().int().min(0).max(100_000_000);
const date = calendarDate;
const phone = z.string().trim().min(3).max(40);
const text = (max: number) => z.string().trim().min(1).max(max);
const videoLink = z
  .string()
  .trim()
  .url()
  .max(500)
  .refine((v) => /^https:\/\//i.test(v), 'expected an https link');

const service = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
  defaultMinutes: z.number(),
  defaultCadence: z.string(),
  defaultPlace: z.string(),
  priceCents: z.number(),
  currency: z.string(),
  active: z.boolean(),
});
const serviceOut = (s: {
  id: string;
  kind: string;
  name: string;
  default_minutes: number;
  default_cadence: string;
  default_place: string;
  price_cents: number;
  currency: string;
  active: boolean;
}) => ({
  id: s.id,
  kind: s.kind,
  name: s.name,
  defaultMinutes: s.default_minutes,
  defaultCadence: s.default_cadence,
  defaultPlace: s.default_place,
  priceCents: s.price_cents,
  currency: s.currency,
  active: s.active,
});

const person = z.object({
  id: z.string(),
  organisationId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  locale: z.string().nullable(),
  unitId: z.string().nullable(),
});
const personOut = (p: {
  id: string;
  organisation_id: string;
  name: string;
  email: string | null;
  phone: string | null;
  locale: string | null;
  unit_id: string | null;
}) => ({
  id: p.id,
  organisationId: p.organisation_id,
  name: p.name,
  email: p.email,
  phone: p.phone,
  locale: p.locale,
  unitId: p.unit_id,
});

const goal = z.object({ id: z.string(), title: z.string(), closedAt: z.string().nullable() });
const whatWorks = z.object({ id: z.string(), text: z.string(), meetingId: z.string().nullable(), createdAt: z.string() });

const processSummary = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.string(),
  status: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  serviceName: z.string(),
  cadence: z.string(),
  practitionerNames: z.array(z.string()),
  participantCount: z.number(),
  nextMeetingAt: z.string().nullable(),
  lastMeetingAt: z.string().nullable(),
  continuedFromId: z.string().nullable(),
});

const processDetail = processSummary.extend({
  serviceId: z.string(),
  sessionMinutes: z.number(),
  place: z.string(),
  location: z.string().nullable(),
  videoLink: z.string().nullable(),
  priceCents: z.number(),
  currency: z.string(),
  agreedSessions: z.number().nullable(),
  language: z.string(),
  startDate: z.string().nullable(),
  reviewDate: z.string().nullable(),
  crisisEventAt: z.string().nullable(),
  requestId: z.string().nullable(),
  practitioners: z.array(z.object({ userId: z.string(), name: z.string(), email: z.string() })),
  participants: z.array(z.object({ personId: z.string(), name: z.string(), email: z.string().nullable() })),
  goals: z.array(goal),
  whatWorks: z.array(whatWorks),
  history: z.array(
    z.object({
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      reason: z.string().nullable(),
      at: z.string(),
      byName: z.string().nullable(),
    }),
  ),
  continuedAsId: z.string().nullable(),
  meetings: z.array(z.object({ id: z.string(), startsAt: z.string(), endsAt: z.string(), status: z.string() })),
});

const nonEmpty = (b: object) => Object.keys(b).length > 0;

const invoicingQuery = z.object({ organisationId: uuid, month });
const invoicingBody = z.object({
  organisation: z.object({ id: z.string(), name: z.string(), businessId: z.string().nullable() }),
  month: z.string(),
  currency: z.string(),
  rows: z.array(
    z.object({
      meetingId: z.string(),
      date: z.string(),
      processTitle: z.string(),
      serviceName: z.string(),
      status: z.string(),
      lateCancellation: z.boolean(),
      priceCents: z.number(),
      chargedCents: z.number(),
    }),
  ),
  totalCents: z.number(),
});

export async function processesRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { kernel } = root;
  const ctx = (req: { repo: svc.Ctx['repo'] }): svc.Ctx => ({ repo: req.repo, clock: kernel.clock });

  // ------------------------------------------------------------------ service catalogue

  app.get(
    '/api/services',
    {
      config: { access: catalogueReaders },
      schema: { tags: ['services'], response: { 200: z.object({ items: z.array(service) }), ...errors } },
    },
    async (req) => ({ items: (await listServices(req.repo)).map(serviceOut) }),
  );

  app.post(
    '/api/services',
    {
      config: { access: admin },
      schema: {
        tags: ['services'],
        body: z.object({
          kind,
          name,
          defaultMinutes: minutes,
          defaultCadence: cadence,
          defaultPlace: place,
          priceCents: cents,
          currency: currency.optional(),
          active: z.boolean().optional(),
        }),
        response: { 201: service, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(serviceOut(await svc.createService(ctx(req), req.body))),
  );

  app.patch(
    '/api/services/:id',
    {
      config: { access: admin },
      schema: {
        tags: ['services'],
        params: idParams,
        body: z
          .object({
            kind: kind.optional(),
            name: name.optional(),
            defaultMinutes: minutes.optional(),
            defaultCadence: cadence.optional(),
            defaultPlace: place.optional(),
            priceCents: cents.optional(),
            currency: currency.optional(),
            active: z.boolean().optional(),
          })
          .refine(nonEmpty, 'nothing to change'),
        response: { 200: service, ...errors },
      },
    },
    async (req) => serviceOut(await svc.updateService(ctx(req), req.params.id, req.body)),
  );

  // ------------------------------------------------------------------ people of client organisations

  app.get(
    '/api/people',
    {
      config: { access: catalogueReaders },
      schema: {
        tags: ['people'],
        querystring: z.object({ organisationId: uuid.optional(), q: z.string().trim().max(100).optional() }),
        response: { 200: z.object({ items: z.array(person) }), ...errors },
      },
    },
    async (req) => ({ items: (await listPeople(req.repo, req.query)).map(personOut) }),
  );

  app.post(
    '/api/people',
    {
      config: { access: catalogueReaders },
      schema: {
        tags: ['people'],
        body: z.object({
          organisationId: uuid,
          name,
          email: email.optional(),
          phone: phone.optional(),
          locale: locale.optional(),
          unitId: uuid.optional(),
        }),
        response: { 201: person, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(personOut(await svc.createPerson(ctx(req), req.body))),
  );

  app.patch(
    '/api/people/:id',
    {
      // The person themself too (their contact details); which fields each may change is policy.ts's.
      config: { access: { roles: ['provider_admin', 'practitioner', 'client_contact', 'participant'] } },
      schema: {
        tags: ['people'],
        params: idParams,
        body: z
          .object({
            name: name.optional(),
            email: email.nullable().optional(),
            phone: phone.nullable().optional(),
            locale: locale.nullable().optional(),
            unitId: uuid.nullable().optional(),
          })
          .refine(nonEmpty, 'nothing to change'),
        response: { 200: person, ...errors },
      },
    },
    async (req) => personOut(await svc.updatePerson(ctx(req), req.params.id, req.body)),
  );

  // ------------------------------------------------------------------ processes

  app.get(
    '/api/processes',
    {
      config: { access: processReaders },
      schema: {
        tags: ['processes'],
        querystring: z.object({ status: z.union([status, z.literal('open')]).optional(), organisationId: uuid.optional() }),
        response: { 200: z.object({ items: z.array(processSummary) }), ...errors },
      },
    },
    async (req) => ({ items: await processSummaries(req.repo, req.query, kernel.clock.now()) }),
  );

  app.post(
    '/api/processes',
    {
      config: { access: staff },
      schema: {
        tags: ['processes'],
        body: z.object({
          organisationId: uuid,
          serviceId: uuid,
          title: name,
          kind: kind.optional(),
          cadence: cadence.optional(),
          sessionMinutes: minutes.optional(),
          place: place.optional(),
          location: text(300).optional(),
          videoLink: videoLink.optional(),
          priceCents: cents.optional(),
          agreedSessions: z.number().int().min(1).max(500).optional(),
          language: locale.optional(),
          startDate: date.optional(),
          reviewDate: date.optional(),
          practitionerIds: z.array(uuid).max(20).optional(),
          participantIds: z.array(uuid).max(500).optional(),
        }),
        response: { 201: processDetail, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createProcess(ctx(req), req.body)),
  );

  app.get(
    '/api/processes/:id',
    { config: { access: processReaders }, schema: { tags: ['processes'], params: idParams, response: { 200: processDetail, ...errors } } },
    async (req) => svc.detailOrThrow(ctx(req), req.params.id),
  );

  app.patch(
    '/api/processes/:id',
    {
      config: { access: staff },
      schema: {
        tags: ['processes'],
        params: idParams,
        body: z
          .object({
            title: name.optional(),
            agreedSessions: z.number().int().min(1).max(500).nullable().optional(),
            cadence: cadence.optional(),
            sessionMinutes: minutes.optional(),
            place: place.optional(),
            location: text(300).nullable().optional(),
            videoLink: videoLink.nullable().optional(),
            priceCents: cents.optional(),
            language: locale.optional(),
            startDate: date.nullable().optional(),
            reviewDate: date.nullable().optional(),
          })
          .refine(nonEmpty, 'nothing to change'),
        response: { 200: processDetail, ...errors },
      },
    },
    async (req) => svc.updateProcess(ctx(req), req.params.id, req.body),
  );

  app.post(
    '/api/processes/:id/status',
    {
      config: { access: staff },
      schema: {
        tags: ['processes'],
        params: idParams,
        body: z.object({ status, reason: text(500).optional() }),
        response: { 200: processDetail, ...errors },
      },
    },
    async (req) => svc.changeStatus(ctx(req), req.params.id, req.body.status, req.body.reason),
  );

  app.post(
    '/api/processes/:id/participants',
    {
      config: { access: staff },
      schema: { tags: ['processes'], params: idParams, body: z.object({ personId: uuid }), response: { 201: processDetail, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await svc.addParticipant(ctx(req), req.params.id, req.body.personId)),
  );

  app.delete(
    '/api/processes/:id/participants/:personId',
    {
      config: { access: staff },
      schema: { tags: ['processes'], params: z.object({ id: uuid, personId: uuid }), response: { 204: z.null(), ...errors } },
    },
    async (req, reply) => {
      await svc.removeParticipant(ctx(req), req.params.id, req.params.personId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/processes/:id/practitioners',
    {
      config: { access: staff },
      schema: { tags: ['processes'], params: idParams, body: z.object({ userId: uuid }), response: { 201: processDetail, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await svc.addPractitioner(ctx(req), req.params.id, req.body.userId)),
  );

  app.delete(
    '/api/processes/:id/practitioners/:userId',
    {
      config: { access: staff },
      schema: { tags: ['processes'], params: z.object({ id: uuid, userId: uuid }), response: { 204: z.null(), ...errors } },
    },
    async (req, reply) => {
      await svc.removePractitioner(ctx(req), req.params.id, req.params.userId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/processes/:id/goals',
    {
      config: { access: practitioner },
      schema: { tags: ['processes'], params: idParams, body: z.object({ title: text(300) }), response: { 201: goal, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await svc.addGoal(ctx(req), req.params.id, req.body.title)),
  );

  app.patch(
    '/api/goals/:id',
    {
      config: { access: practitioner },
      schema: {
        tags: ['processes'],
        params: idParams,
        body: z.object({ title: text(300).optional(), closed: z.boolean().optional() }).refine(nonEmpty, 'nothing to change'),
        response: { 200: goal, ...errors },
      },
    },
    async (req) => svc.updateGoal(ctx(req), req.params.id, req.body),
  );

  app.post(
    '/api/processes/:id/what-works',
    {
      config: { access: practitioner },
      schema: {
        tags: ['processes'],
        params: idParams,
        body: z.object({ text: text(1000), meetingId: uuid.optional() }),
        response: { 201: whatWorks, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.addWhatWorks(ctx(req), req.params.id, req.body)),
  );

  app.delete(
    '/api/what-works/:id',
    { config: { access: practitioner }, schema: { tags: ['processes'], params: idParams, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      await svc.deleteWhatWorks(ctx(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/processes/:id/continue',
    {
      config: { access: practitioner },
      schema: {
        tags: ['processes'],
        params: idParams,
        body: z.object({ kind: z.enum(['individual', 'group', 'work_community']), serviceId: uuid, title: name.optional() }),
        response: { 201: processDetail, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.continueProcess(ctx(req), req.params.id, req.body)),
  );

  app.get(
    '/api/processes/:id/scaling',
    {
      // Scaling answers are the participants' and their practitioner's: not the office's, not the client's.
      config: { access: { roles: ['practitioner', 'participant'] } },
      schema: {
        tags: ['processes'],
        params: idParams,
        response: {
          200: z.object({
            goals: z.array(
              z.object({
                goalId: z.string(),
                title: z.string(),
                points: z.array(
                  z.object({ meetingId: z.string(), startsAt: z.string(), personId: z.string().nullable(), value: z.number() }),
                ),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req) => svc.scaling(ctx(req), req.params.id),
  );

  // ------------------------------------------------------------------ invoicing basis

  app.get(
    '/api/invoicing',
    {
      config: { access: admin },
      schema: { tags: ['invoicing'], querystring: invoicingQuery, response: { 200: invoicingBody, ...errors } },
    },
    async (req) => {
      const { locale: _locale, ...result } = await svc.invoicing(ctx(req), req.query.organisationId, req.query.month);
      return result;
    },
  );

  app.get(
    '/api/invoicing.csv',
    { config: { access: admin }, schema: { tags: ['invoicing'], querystring: invoicingQuery } },
    async (req, reply) => {
      const { filename, body } = svc.invoicingCsv(await svc.invoicing(ctx(req), req.query.organisationId, req.query.month));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
}
