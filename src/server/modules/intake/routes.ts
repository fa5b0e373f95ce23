import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Repository } from '../../kernel/access/repository.js';
import { notFound, unprocessable } from '../../kernel/errors.js';
import { calendarDate, coercedDate, errors, idParams, locale, uuid } from '../../kernel/http/schemas.js';
import { membershipEntry, onCallList } from './queries.js';
import {
  declineRequest,
  getRequest,
  listRequests,
  privacyNoticeVersion,
  publicIntakeOf,
  recordFirstContact,
  submitPortalRequest,
  submitPublicRequest,
  triageRequest,
} from './service.js';

const staff = { roles: ['provider_admin', 'practitioner'] } as const;
const admin = { roles: ['provider_admin'] } as const;

const serviceKind = z.enum(['individual', 'group', 'work_community', 'leader', 'crisis_individual', 'crisis_group']);
const eventType = z.enum([
  'accident',
  'violence_or_threat',
  'death',
  'organisational_change',
  'community_crisis',
  'reputational_crisis',
  'other',
]);
const text = (max: number) => z.string().trim().min(1).max(max);
const email = z.string().trim().toLowerCase().max(254).email();

const requestFields = {
  kind: z.enum(['crisis', 'service']),
  serviceKind: serviceKind.optional(),
  contactName: text(200),
  contactPhone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[+0-9 ()-]*$/, 'digits, spaces, +, -, ( )')
    .optional(),
  contactEmail: email,
  eventType: eventType.optional(),
  eventAt: coercedDate.optional(),
  affectedCount: z.coerce.number().int().min(1).max(100000).optional(),
  location: z.string().trim().max(300).optional(),
  preferredLocale: locale,
  message: z.string().trim().max(5000).optional(),
};

/** A crisis must say what happened; the field is named so the form can point at it. */
function crisisNeedsEvent(body: { kind: 'crisis' | 'service'; eventType?: unknown }, ctx: z.RefinementCtx): void {
  if (body.kind === 'crisis' && !body.eventType) ctx.addIssue({ code: 'custom', path: ['eventType'], message: 'required for a crisis' });
}

const requestBody = z.object({
  id: z.string(),
  kind: z.string(),
  serviceKind: z.string().nullable(),
  status: z.string(),
  source: z.string(),
  organisationName: z.string(),
  organisationId: z.string().nullable(),
  contactName: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string().nullable(),
  eventType: z.string().nullable(),
  eventAt: z.string().nullable(),
  affectedCount: z.number().nullable(),
  location: z.string().nullable(),
  preferredLocale: z.string(),
  message: z.string().nullable(),
  createdAt: z.string(),
  firstContactAt: z.string().nullable(),
  firstContactDueAt: z.string(),
  minutesToFirstContact: z.number().nullable(),
  overdue: z.boolean(),
  processId: z.string().nullable(),
  declineReason: z.string().nullable(),
  firstContactNote: z.string().nullable(),
});

const settingsBody = z.object({
  slug: z.string(),
  name: z.string(),
  firstContactTargetMinutes: z.number(),
  lateCancellationHours: z.number(),
  lateCancellationChargePercent: z.number(),
  participantCancellationHours: z.number(),
});

/** HTTP routes of the `intake` module: they translate HTTP to the module's service and nothing more. */
export async function intakeRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { kernel } = root;
  const publicLimit = { max: kernel.config.authRateLimitPerMinute, timeWindow: '1 minute' };

  app.get(
    '/api/public/providers/:slug',
    {
      config: { access: 'public', rateLimit: publicLimit },
      schema: {
        tags: ['intake'],
        params: z.object({ slug: z.string().min(2).max(63) }),
        response: {
          200: z.object({
            name: z.string(),
            slug: z.string(),
            country: z.string(),
            defaultLocale: z.string(),
            privacyNoticeVersion: z.string(),
            firstContactTargetMinutes: z.number(),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const { provider: p } = await publicIntakeOf(kernel, req.params.slug, req.caller);
      return {
        name: p.name,
        slug: p.slug,
        country: p.country,
        defaultLocale: p.default_locale,
        privacyNoticeVersion,
        firstContactTargetMinutes: p.first_contact_target_minutes,
      };
    },
  );

  app.post(
    '/api/public/providers/:slug/requests',
    {
      config: { access: 'public', rateLimit: publicLimit },
      schema: {
        tags: ['intake'],
        params: z.object({ slug: z.string().min(2).max(63) }),
        body: z
          .object({
            ...requestFields,
            organisationName: text(200),
            consent: z.literal(true, { message: 'consent is required' }),
            website: z.string().max(500).optional(),
            elapsedMs: z.coerce.number().int().min(0).optional(),
          })
          .superRefine(crisisNeedsEvent),
        response: { 202: z.object({ received: z.literal(true) }), ...errors },
      },
    },
    async (req, reply) => {
      await submitPublicRequest(kernel, req.caller, req.params.slug, req.body);
      return reply.status(202).send({ received: true as const });
    },
  );

  app.post(
    '/api/requests',
    {
      config: { access: { roles: ['client_contact'] } },
      schema: { tags: ['intake'], body: z.object(requestFields).superRefine(crisisNeedsEvent), response: { 201: requestBody, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await submitPortalRequest(kernel, req.repo, req.body)),
  );

  app.get(
    '/api/requests',
    {
      config: { access: staff },
      schema: {
        tags: ['intake'],
        querystring: z.object({ status: z.enum(['open', 'all']).default('open') }),
        response: { 200: z.object({ items: z.array(requestBody), targetMinutes: z.number() }), ...errors },
      },
    },
    async (req) => listRequests(kernel, req.repo, { status: req.query.status }),
  );

  app.get(
    '/api/requests/mine',
    {
      config: { access: { roles: ['client_contact'] } },
      schema: { tags: ['intake'], response: { 200: z.object({ items: z.array(requestBody), targetMinutes: z.number() }), ...errors } },
    },
    async (req) => listRequests(kernel, req.repo, { status: 'all', submittedBy: req.caller.userId as string }),
  );

  app.get(
    '/api/requests/:id',
    { config: { access: staff }, schema: { tags: ['intake'], params: idParams, response: { 200: requestBody, ...errors } } },
    async (req) => getRequest(kernel, req.repo, req.params.id),
  );

  app.post(
    '/api/requests/:id/first-contact',
    {
      config: { access: staff },
      schema: {
        tags: ['intake'],
        params: idParams,
        body: z.object({ note: z.string().trim().max(2000).optional() }),
        response: { 200: requestBody, ...errors },
      },
    },
    async (req) => recordFirstContact(kernel, req.repo, req.params.id, req.body.note),
  );

  app.post(
    '/api/requests/:id/triage',
    {
      config: { access: staff },
      schema: {
        tags: ['intake'],
        params: idParams,
        body: z.object({
          organisation: z.union([z.object({ id: uuid }), z.object({ name: text(200), businessId: z.string().trim().max(40).optional() })]),
          process: z.object({
            serviceId: uuid,
            title: text(200),
            practitionerIds: z.array(uuid).max(10).optional(),
            participants: z
              .array(
                z.union([
                  z.object({ personId: uuid }),
                  z.object({
                    name: text(200),
                    email: email.optional(),
                    phone: z.string().trim().max(40).optional(),
                    locale: locale.optional(),
                  }),
                ]),
              )
              .max(200),
            agreedSessions: z.coerce.number().int().min(1).max(500).optional(),
            startDate: calendarDate.optional(),
          }),
        }),
        response: { 201: z.object({ organisationId: z.string(), processId: z.string() }), ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await triageRequest(kernel, req.repo, req.params.id, req.body)),
  );

  app.post(
    '/api/requests/:id/decline',
    {
      config: { access: staff },
      schema: { tags: ['intake'], params: idParams, body: z.object({ reason: text(2000) }), response: { 200: requestBody, ...errors } },
    },
    async (req) => declineRequest(kernel, req.repo, req.params.id, req.body.reason),
  );

  /** The provider row is the tenant itself, not a tenant table: the kernel reads it for the caller's provider. */
  async function settingsOf(repo: Repository) {
    const p = await repo.provider();
    return {
      slug: p.slug,
      name: p.name,
      firstContactTargetMinutes: p.first_contact_target_minutes,
      lateCancellationHours: p.late_cancellation_hours,
      lateCancellationChargePercent: p.late_cancellation_charge_percent,
      participantCancellationHours: p.participant_cancellation_hours,
    };
  }

  app.get(
    '/api/provider/settings',
    { config: { access: admin }, schema: { tags: ['intake'], response: { 200: settingsBody, ...errors } } },
    async (req) => settingsOf(req.repo),
  );

  app.patch(
    '/api/provider/settings',
    {
      config: { access: admin },
      schema: {
        tags: ['intake'],
        body: z
          .object({
            firstContactTargetMinutes: z.coerce
              .number()
              .int()
              .min(15)
              .max(7 * 24 * 60)
              .optional(),
            lateCancellationHours: z.coerce
              .number()
              .int()
              .min(0)
              .max(14 * 24)
              .optional(),
            lateCancellationChargePercent: z.coerce.number().int().min(0).max(100).optional(),
            participantCancellationHours: z.coerce
              .number()
              .int()
              .min(0)
              .max(14 * 24)
              .optional(),
          })
          .refine((b) => Object.keys(b).length > 0, 'nothing to change'),
        response: { 200: settingsBody, ...errors },
      },
    },
    async (req) => {
      const b = req.body;
      return req.repo.transaction(async (tx) => {
        // The policy decides (providerSettingsPolicy), not only this route's guard.
        await tx.updateProviderSettings(
          {
            ...(b.firstContactTargetMinutes !== undefined ? { first_contact_target_minutes: b.firstContactTargetMinutes } : {}),
            ...(b.lateCancellationHours !== undefined ? { late_cancellation_hours: b.lateCancellationHours } : {}),
            ...(b.lateCancellationChargePercent !== undefined ? { late_cancellation_charge_percent: b.lateCancellationChargePercent } : {}),
            ...(b.participantCancellationHours !== undefined ? { participant_cancellation_hours: b.participantCancellationHours } : {}),
          },
          { details: { ...b } },
        );
        return settingsOf(tx);
      });
    },
  );

  const onCallItem = z.object({ membershipId: z.string(), userId: z.string(), name: z.string(), email: z.string(), onCall: z.boolean() });

  app.get(
    '/api/on-call',
    { config: { access: staff }, schema: { tags: ['intake'], response: { 200: z.object({ items: z.array(onCallItem) }), ...errors } } },
    async (req) => ({
      items: (await onCallList(req.repo)).map((r) => ({
        membershipId: r.id,
        userId: r.user_id,
        name: r.name,
        email: r.email,
        onCall: r.on_call,
      })),
    }),
  );

  app.put(
    '/api/on-call/:membershipId',
    {
      config: { access: admin },
      schema: {
        tags: ['intake'],
        params: z.object({ membershipId: uuid }),
        body: z.object({ onCall: z.boolean() }),
        response: { 200: onCallItem, ...errors },
      },
    },
    async (req) =>
      req.repo.transaction(async (tx) => {
        const target = await membershipEntry(tx, req.params.membershipId);
        if (!target) throw notFound();
        if (target.role !== 'practitioner')
          throw unprocessable('not_a_practitioner', 'Only practitioners are on call', [
            { path: 'membershipId', message: 'not a practitioner' },
          ]);
        const row = await tx.update(
          'memberships',
          target.id,
          { on_call: req.body.onCall },
          { action: 'member.on_call', details: { onCall: req.body.onCall } },
        );
        return { membershipId: row.id, userId: row.user_id, name: target.name, email: target.email, onCall: row.on_call };
      }),
  );
}
