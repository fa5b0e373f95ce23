import { callers, type WalkContext, type WalkTable, type Who } from '../../kernel/access/walk.js';
import { insertBareUser } from '../../testing/harness.js';

const staffA: Who[] = ['provider_admin', 'practitioner', 'other_practitioner'];

/** A fresh request to act on, so the walk's changes never depend on order. */
async function throwawayRequest({ t, world }: WalkContext): Promise<string> {
  const row = await t.db.kysely
    .insertInto('requests')
    .values({
      provider_id: world.providerId,
      source: 'public',
      kind: 'service',
      service_kind: 'group',
      organisation_name: `Walk Org ${crypto.randomUUID()}`,
      organisation_id: null,
      contact_name: 'Walker',
      contact_phone: null,
      contact_email: 'walker@example.test',
      event_type: null,
      event_at: null,
      affected_count: null,
      location: null,
      message: null,
      consent_at: new Date(),
      privacy_notice_version: 'v1',
      first_contact_at: null,
      first_contact_by: null,
      first_contact_note: null,
      triaged_at: null,
      triaged_by: null,
      process_id: null,
      decline_reason: null,
      submitted_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A practitioner of provider A who exists only to be put on call and off again. */
async function throwawayPractitioner({ t, world }: WalkContext): Promise<string> {
  const user = await insertBareUser(t.db.kysely, `oncall-${crypto.randomUUID()}@example.test`, 'On call');
  const m = await t.db.kysely
    .insertInto('memberships')
    .values({ provider_id: world.providerId, user_id: user.id, role: 'practitioner', organisation_id: null, unit_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return m.id;
}

/** The public pages are anyone's, the link holder's too. */
const everyone = callers;

const publicRequest = {
  kind: 'service',
  serviceKind: 'group',
  organisationName: 'Walk Public Org',
  contactName: 'Walker',
  contactEmail: 'walker@example.test',
  preferredLocale: 'en',
  consent: true,
  elapsedMs: 30_000,
};

/** Every route of the `intake` module, who may call it, and how to call it (see kernel/access/walk.ts). */
export const intakeWalk: WalkTable = {
  'GET /api/public/providers/:slug': { allowed: everyone, request: async () => ({ url: '/api/public/providers/provider-a' }) },
  'POST /api/public/providers/:slug/requests': {
    allowed: everyone,
    request: async () => ({ url: '/api/public/providers/provider-a/requests', body: publicRequest }),
  },
  'POST /api/requests': {
    allowed: ['client_contact'],
    request: async () => ({
      body: { kind: 'service', serviceKind: 'group', contactName: 'Contact', contactEmail: 'contact@example.test', preferredLocale: 'en' },
    }),
  },
  'GET /api/requests': { allowed: [...staffA, 'other_tenant_admin'] },
  'GET /api/requests/mine': { allowed: ['client_contact'] },
  'GET /api/requests/:id': {
    allowed: staffA,
    tenantResource: true,
    request: async ({ sup }) => ({ url: `/api/requests/${sup.requestId}` }),
  },
  'POST /api/requests/:id/first-contact': {
    allowed: staffA,
    tenantResource: true,
    request: async (ctx) => ({ url: `/api/requests/${await throwawayRequest(ctx)}/first-contact`, body: { note: 'Called back' } }),
  },
  'POST /api/requests/:id/triage': {
    allowed: staffA,
    tenantResource: true,
    request: async (ctx) => ({
      url: `/api/requests/${await throwawayRequest(ctx)}/triage`,
      body: {
        organisation: { id: ctx.world.organisationId },
        process: { serviceId: ctx.sup.serviceId, title: 'Walk process', participants: [] },
      },
    }),
  },
  'POST /api/requests/:id/decline': {
    allowed: staffA,
    tenantResource: true,
    request: async (ctx) => ({ url: `/api/requests/${await throwawayRequest(ctx)}/decline`, body: { reason: 'Outside our area' } }),
  },
  'GET /api/provider/settings': { allowed: ['provider_admin', 'other_tenant_admin'] },
  'PATCH /api/provider/settings': {
    allowed: ['provider_admin', 'other_tenant_admin'],
    request: async () => ({ body: { firstContactTargetMinutes: 240 } }),
  },
  'GET /api/on-call': { allowed: [...staffA, 'other_tenant_admin'] },
  'PUT /api/on-call/:membershipId': {
    allowed: ['provider_admin'],
    tenantResource: true,
    request: async (ctx) => ({ url: `/api/on-call/${await throwawayPractitioner(ctx)}`, body: { onCall: true } }),
  },
};
