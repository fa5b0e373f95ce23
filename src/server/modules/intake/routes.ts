import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { intakeApi } from '../../../shared/intake.js';
import type { Locale } from '../../../shared/locales.js';
import type { Repository } from '../../kernel/access/repository.js';
import { notFound, unprocessable } from '../../kernel/errors.js';
import { endpoint } from '../../kernel/http/endpoint.js';
import { credentialContext, serviceContext } from '../../kernel/service-context.js';
import { checkedBusinessId } from '../../kernel/tenancy/business-id.js';
import { setOnCall } from '../../kernel/tenancy/writes.js';
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
const clientContact = { roles: ['client_contact'] } as const;

/** An instant of the contract as the service takes it. */
const dateOf = (value: string | undefined) => (value === undefined ? undefined : new Date(value));

/** HTTP routes of the `intake` module: they translate HTTP to the module's service and nothing more. */
export async function intakeRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { kernel } = root;
  const credentials = credentialContext(kernel);
  const publicLimit = { max: kernel.config.authRateLimitPerMinute, timeWindow: '1 minute' };

  const publicProvider = endpoint(intakeApi.publicProvider, 'public');
  app.route({
    ...publicProvider,
    config: { ...publicProvider.config, rateLimit: publicLimit },
    handler: async (req) => {
      const { provider: p } = await publicIntakeOf(credentials, req.params.slug, req.caller);
      return {
        name: p.name,
        slug: p.slug,
        country: p.country,
        defaultLocale: p.default_locale as Locale,
        privacyNoticeVersion,
        firstContactTargetMinutes: p.first_contact_target_minutes,
      };
    },
  });

  const submitPublic = endpoint(intakeApi.submitPublic, 'public');
  app.route({
    ...submitPublic,
    config: { ...submitPublic.config, rateLimit: publicLimit },
    handler: async (req, reply) => {
      await submitPublicRequest(credentials, req.caller, req.params.slug, { ...req.body, eventAt: dateOf(req.body.eventAt) });
      return reply.status(202).send({ received: true as const });
    },
  });

  app.route({
    ...endpoint(intakeApi.submitPortal, clientContact),
    handler: async (req, reply) =>
      reply.status(201).send(await submitPortalRequest(serviceContext(req), { ...req.body, eventAt: dateOf(req.body.eventAt) })),
  });

  app.route({
    ...endpoint(intakeApi.queue, staff),
    handler: async (req) => listRequests(serviceContext(req), { status: req.query.status }),
  });

  app.route({
    ...endpoint(intakeApi.mine, clientContact),
    handler: async (req) => listRequests(serviceContext(req), { status: 'all', submittedBy: req.caller.userId as string }),
  });

  app.route({
    ...endpoint(intakeApi.get, staff),
    handler: async (req) => getRequest(serviceContext(req), req.params.id),
  });

  app.route({
    ...endpoint(intakeApi.firstContact, staff),
    handler: async (req) => recordFirstContact(serviceContext(req), req.params.id, req.body.note),
  });

  app.route({
    ...endpoint(intakeApi.triage, staff),
    handler: async (req, reply) => reply.status(201).send(await triageRequest(serviceContext(req), req.params.id, req.body)),
  });

  app.route({
    ...endpoint(intakeApi.decline, staff),
    handler: async (req) => declineRequest(serviceContext(req), req.params.id, req.body.reason),
  });

  /** The provider row is the tenant itself, not a tenant table: the kernel reads it for the caller's provider. */
  async function settingsOf(repo: Repository) {
    const p = await repo.provider();
    return {
      slug: p.slug,
      name: p.name,
      country: p.country,
      businessId: p.business_id ?? null,
      firstContactTargetMinutes: p.first_contact_target_minutes,
      lateCancellationHours: p.late_cancellation_hours,
      lateCancellationChargePercent: p.late_cancellation_charge_percent,
      participantCancellationHours: p.participant_cancellation_hours,
    };
  }

  app.route({
    ...endpoint(intakeApi.settings, admin),
    handler: async (req) => settingsOf(req.repo),
  });

  app.route({
    ...endpoint(intakeApi.updateSettings, admin),
    handler: async (req) => {
      const b = req.body;
      const businessId = b.businessId ? checkedBusinessId((await req.repo.provider()).country, b.businessId, 'businessId') : b.businessId;
      return req.repo.transaction(async (tx) => {
        // The policy decides (providerSettingsPolicy), not only this route's guard.
        await tx.updateProviderSettings(
          {
            ...(b.firstContactTargetMinutes !== undefined ? { first_contact_target_minutes: b.firstContactTargetMinutes } : {}),
            ...(b.lateCancellationHours !== undefined ? { late_cancellation_hours: b.lateCancellationHours } : {}),
            ...(b.lateCancellationChargePercent !== undefined ? { late_cancellation_charge_percent: b.lateCancellationChargePercent } : {}),
            ...(b.participantCancellationHours !== undefined ? { participant_cancellation_hours: b.participantCancellationHours } : {}),
            ...(businessId !== undefined ? { business_id: businessId } : {}),
          },
          { details: { ...b } },
        );
        return settingsOf(tx);
      });
    },
  });

  app.route({
    ...endpoint(intakeApi.onCall, staff),
    handler: async (req) => ({
      items: (await onCallList(req.repo)).map((r) => ({
        membershipId: r.id,
        userId: r.user_id,
        name: r.name,
        email: r.email,
        onCall: r.on_call,
      })),
    }),
  });

  app.route({
    ...endpoint(intakeApi.setOnCall, admin),
    handler: async (req) =>
      req.repo.transaction(async (tx) => {
        const target = await membershipEntry(tx, req.params.membershipId);
        if (!target) throw notFound();
        if (target.role !== 'practitioner')
          throw unprocessable('not_a_practitioner', 'Only practitioners are on call', [
            { path: 'membershipId', message: 'not a practitioner' },
          ]);
        const row = await setOnCall(tx, target.id, req.body.onCall);
        return { membershipId: row.id, userId: row.user_id, name: target.name, email: target.email, onCall: row.on_call };
      }),
  });
}
