import type { WalkContext, WalkTable, Who } from '../../kernel/access/walk.js';
import { insertBareUser } from '../../testing/harness.js';

/** Every route of the `processes` module, who may call it, and how to call it (see kernel/access/walk.ts). */

const staff: Who[] = ['provider_admin', 'practitioner', 'other_practitioner', 'other_tenant_admin'];
/** Staff of provider A: the world's organisation is not there for the other provider's admin. */
const staffA: Who[] = ['provider_admin', 'practitioner', 'other_practitioner'];
/** Who works on `sup.processId` (or a throwaway process led by the world's practitioner). */
const onProcess: Who[] = ['provider_admin', 'practitioner'];

type ProcessOptions = {
  kind?: 'group' | 'crisis_group';
  status?: 'proposed' | 'active';
  participants?: string[];
  practitioners?: string[];
};

/** A throwaway process of the world's organisation led by the world's practitioner, for destructive routes. */
async function throwawayProcess({ t, world, sup }: WalkContext, opts: ProcessOptions = {}): Promise<string> {
  const k = t.db.kysely;
  const crisis = opts.kind === 'crisis_group';
  const row = await k
    .insertInto('processes')
    .values({
      provider_id: world.providerId,
      organisation_id: world.organisationId,
      service_id: crisis ? sup.crisisServiceId : sup.serviceId,
      kind: opts.kind ?? 'group',
      title: `Walk ${crypto.randomUUID().slice(0, 8)}`,
      status: opts.status ?? 'proposed',
      agreed_sessions: null,
      cadence: crisis ? 'crisis' : 'monthly',
      session_minutes: 90,
      place: 'on_site',
      location: null,
      video_link: null,
      price_cents: 24000,
      start_date: null,
      review_date: null,
      crisis_event_at: null,
      continued_from_id: null,
      request_id: null,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const userId of [world.users.practitioner.id, ...(opts.practitioners ?? [])]) {
    await k.insertInto('process_practitioners').values({ provider_id: world.providerId, process_id: row.id, user_id: userId }).execute();
  }
  for (const personId of opts.participants ?? []) {
    await k.insertInto('process_participants').values({ provider_id: world.providerId, process_id: row.id, person_id: personId }).execute();
  }
  return row.id;
}

async function throwawayPerson({ t, world }: WalkContext): Promise<string> {
  const row = await t.db.kysely
    .insertInto('people')
    .values({
      provider_id: world.providerId,
      organisation_id: world.organisationId,
      unit_id: null,
      user_id: null,
      name: 'Walk Person',
      email: null,
      phone: null,
      locale: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A user with no role, to stand as a second practitioner that no walk caller is. */
async function throwawayUser({ t }: WalkContext): Promise<string> {
  const row = await insertBareUser(t.db.kysely, `walk-${crypto.randomUUID()}@example.test`, 'Walk Colleague');
  return row.id;
}

const month = '2026-10';

export const processesWalk: WalkTable = {
  'GET /api/services': { allowed: [...staff, 'client_contact'] },
  'POST /api/services': {
    allowed: ['provider_admin', 'other_tenant_admin'],
    request: async () => ({
      body: {
        kind: 'individual',
        names: { fi: `Kävelypalvelu ${crypto.randomUUID().slice(0, 8)}`, en: 'Walk service' },
        vat: { treatment: 'exempt', ground: 'AVL 34 §' },
        defaultMinutes: 60,
        defaultCadence: 'monthly',
        defaultPlace: 'video',
        priceCents: 15000,
      },
    }),
  },
  'PATCH /api/services/:id': {
    allowed: ['provider_admin'],
    tenantResource: true,
    request: async ({ sup }) => ({
      url: `/api/services/${sup.serviceId}`,
      body: { names: { en: 'Group supervision' }, vat: { treatment: 'taxable', ratePercent: 25.5 } },
    }),
  },

  'GET /api/people': { allowed: [...staff, 'client_contact'] },
  'POST /api/people': {
    allowed: [...staffA, 'client_contact'],
    tenantResource: true,
    request: async ({ world }) => ({ body: { organisationId: world.organisationId, name: 'Walk Newcomer' } }),
  },
  // Contact details are the person's and their practitioners' (policy.ts, people): the participant
  // edits their own record, everyone else a throwaway person on a process the world's practitioner
  // leads, so a colleague who is not on it is refused.
  'PATCH /api/people/:id': {
    allowed: ['provider_admin', 'practitioner', 'client_contact', 'participant'],
    tenantResource: true,
    request: async (ctx) => {
      if (ctx.who === 'participant') return { url: `/api/people/${ctx.sup.participantPersonId}`, body: { name: 'participant' } };
      const personId = await throwawayPerson(ctx);
      await throwawayProcess(ctx, { participants: [personId] });
      return { url: `/api/people/${personId}`, body: { name: 'Walk Renamed' } };
    },
  },

  'GET /api/processes': { allowed: [...staff, 'client_contact', 'participant'] },
  'POST /api/processes': {
    allowed: staffA,
    tenantResource: true,
    request: async ({ world, sup }) => ({
      body: { organisationId: world.organisationId, serviceId: sup.serviceId, title: 'Walk process' },
    }),
  },
  'GET /api/processes/:id': {
    allowed: ['provider_admin', 'practitioner', 'client_contact', 'participant'],
    tenantResource: true,
    request: async ({ sup }) => ({ url: `/api/processes/${sup.processId}` }),
  },
  'PATCH /api/processes/:id': {
    allowed: onProcess,
    tenantResource: true,
    request: async ({ sup }) => ({ url: `/api/processes/${sup.processId}`, body: { agreedSessions: 10 } }),
  },
  'POST /api/processes/:id/status': {
    allowed: ['provider_admin', 'practitioner'],
    tenantResource: true,
    request: async (ctx) => ({ url: `/api/processes/${await throwawayProcess(ctx)}/status`, body: { status: 'agreed', reason: 'signed' } }),
  },
  'POST /api/processes/:id/participants': {
    allowed: onProcess,
    tenantResource: true,
    request: async (ctx) => ({
      url: `/api/processes/${await throwawayProcess(ctx)}/participants`,
      body: { personId: await throwawayPerson(ctx) },
    }),
  },
  'DELETE /api/processes/:id/participants/:personId': {
    allowed: onProcess,
    tenantResource: true,
    request: async (ctx) => {
      const personId = await throwawayPerson(ctx);
      return { url: `/api/processes/${await throwawayProcess(ctx, { participants: [personId] })}/participants/${personId}` };
    },
  },
  'POST /api/processes/:id/practitioners': {
    allowed: onProcess,
    tenantResource: true,
    request: async (ctx) => ({
      url: `/api/processes/${await throwawayProcess(ctx)}/practitioners`,
      body: { userId: ctx.world.users.other_practitioner.id },
    }),
  },
  'DELETE /api/processes/:id/practitioners/:userId': {
    allowed: onProcess,
    tenantResource: true,
    request: async (ctx) => {
      const userId = await throwawayUser(ctx);
      return { url: `/api/processes/${await throwawayProcess(ctx, { practitioners: [userId] })}/practitioners/${userId}` };
    },
  },
  'POST /api/processes/:id/goals': {
    allowed: ['practitioner'],
    tenantResource: true,
    request: async (ctx) => ({ url: `/api/processes/${await throwawayProcess(ctx)}/goals`, body: { title: 'Walk goal' } }),
  },
  'PATCH /api/goals/:id': {
    allowed: ['practitioner'],
    tenantResource: true,
    request: async (ctx) => {
      const processId = await throwawayProcess(ctx);
      const goal = await ctx.t.db.kysely
        .insertInto('goals')
        .values({ provider_id: ctx.world.providerId, process_id: processId, title: 'Walk goal', closed_at: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { url: `/api/goals/${goal.id}`, body: { closed: true } };
    },
  },
  'POST /api/processes/:id/what-works': {
    allowed: ['practitioner'],
    tenantResource: true,
    request: async (ctx) => ({ url: `/api/processes/${await throwawayProcess(ctx)}/what-works`, body: { text: 'A five-minute check-in' } }),
  },
  'DELETE /api/what-works/:id': {
    allowed: ['practitioner'],
    tenantResource: true,
    request: async (ctx) => {
      const processId = await throwawayProcess(ctx);
      const row = await ctx.t.db.kysely
        .insertInto('what_works')
        .values({ provider_id: ctx.world.providerId, process_id: processId, meeting_id: null, text: 'Walk', created_by: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { url: `/api/what-works/${row.id}` };
    },
  },
  'POST /api/processes/:id/continue': {
    allowed: ['practitioner'],
    tenantResource: true,
    request: async (ctx) => ({
      url: `/api/processes/${await throwawayProcess(ctx, { kind: 'crisis_group', status: 'active' })}/continue`,
      body: { kind: 'group', serviceId: ctx.sup.serviceId },
    }),
  },
  'GET /api/processes/:id/scaling': {
    allowed: ['practitioner', 'participant'],
    tenantResource: true,
    request: async ({ sup }) => ({ url: `/api/processes/${sup.processId}/scaling` }),
  },

  'GET /api/invoicing': {
    allowed: ['provider_admin'],
    tenantResource: true,
    request: async ({ world }) => ({ url: `/api/invoicing?organisationId=${world.organisationId}&month=${month}` }),
  },
  'GET /api/invoicing.csv': {
    allowed: ['provider_admin'],
    tenantResource: true,
    request: async ({ world }) => ({ url: `/api/invoicing.csv?organisationId=${world.organisationId}&month=${month}` }),
  },
};
