import type { WalkContext, WalkTable, Who } from '../../kernel/access/walk.js';
import { builtInInstruments } from './logic/instruments/index.js';
import { usedOptionSets } from './logic/translation.js';

/** Every route of the `measures` module, who may call it, and how to call it (see kernel/access/walk.ts). */

const staff: Who[] = ['provider_admin', 'practitioner', 'other_practitioner', 'other_tenant_admin'];
const admins: Who[] = ['provider_admin', 'other_tenant_admin'];
const practitioners: Who[] = ['practitioner', 'other_practitioner'];

/** An answered check-in of the seeded process's participant with an open alert: fresh per call. */
async function throwawayAnswer({ t, world, sup }: WalkContext) {
  const k = t.db.kysely;
  const p = world.providerId;
  const checkin = await k
    .insertInto('checkins')
    .values({
      provider_id: p,
      process_id: sup.processId,
      organisation_id: world.organisationId,
      person_id: sup.participantPersonId,
      plan_id: null,
      anchor: null,
      instrument_key: 'who5',
      instrument_version: 1,
      locale: 'en',
      status: 'answered',
      due_at: new Date(),
      sent_at: new Date(),
      token_hash: null,
      expires_at: null,
      reminded_at: null,
      draft_saved_at: null,
      answered_at: new Date(),
      sent_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const response = await k
    .insertInto('responses')
    .values({
      provider_id: p,
      process_id: sup.processId,
      organisation_id: world.organisationId,
      person_id: sup.participantPersonId,
      checkin_id: checkin.id,
      instrument_key: 'who5',
      instrument_version: 1,
      answers: JSON.stringify({ i1: 1, i2: 1, i3: 1, i4: 1, i5: 1 }),
      free_text_sealed: null,
      score: 20,
      band: 'likely_depression',
      severity: 'severe',
      flags: JSON.stringify(['item_low']),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const alert = await k
    .insertInto('measure_alerts')
    .values({
      provider_id: p,
      process_id: sup.processId,
      person_id: sup.participantPersonId,
      checkin_id: checkin.id,
      response_id: response.id,
      instrument_key: 'who5',
      reasons: JSON.stringify(['band:likely_depression']),
      level: 'normal',
      acknowledged_at: null,
      acknowledged_by: null,
      contacted_at: null,
      contacted_by: null,
      referral_at: null,
      referral_by: null,
      referral_note_sealed: null,
      closed_at: null,
      closed_by: null,
      outcome: null,
      escalated_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { checkinId: checkin.id, responseId: response.id, alertId: alert.id };
}

async function throwawayScheduledCheckin({ t, world, sup }: WalkContext): Promise<string> {
  const row = await t.db.kysely
    .insertInto('checkins')
    .values({
      provider_id: world.providerId,
      process_id: sup.processId,
      organisation_id: world.organisationId,
      person_id: sup.participantPersonId,
      plan_id: null,
      anchor: null,
      instrument_key: 'who5',
      instrument_version: 1,
      locale: 'en',
      due_at: new Date(Date.now() + 86_400_000),
      sent_at: null,
      token_hash: null,
      expires_at: null,
      reminded_at: null,
      draft_saved_at: null,
      answered_at: null,
      sent_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An active crisis process led by the world's practitioner: the follow-up protocol is scheduled once per process. */
async function throwawayCrisisProcess({ t, world, sup }: WalkContext): Promise<string> {
  const k = t.db.kysely;
  const row = await k
    .insertInto('processes')
    .values({
      provider_id: world.providerId,
      organisation_id: world.organisationId,
      service_id: sup.crisisServiceId,
      kind: 'crisis_group',
      title: `Walk crisis ${crypto.randomUUID().slice(0, 8)}`,
      status: 'active',
      agreed_sessions: null,
      cadence: 'crisis',
      session_minutes: 90,
      place: 'on_site',
      location: null,
      video_link: null,
      price_cents: 32000,
      start_date: null,
      review_date: null,
      crisis_event_at: new Date(Date.now() - 86_400_000),
      continued_from_id: null,
      request_id: null,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await k
    .insertInto('process_practitioners')
    .values({ provider_id: world.providerId, process_id: row.id, user_id: world.users.practitioner.id })
    .execute();
  await k
    .insertInto('process_participants')
    .values({ provider_id: world.providerId, process_id: row.id, person_id: sup.participantPersonId })
    .execute();
  return row.id;
}

async function throwawayPlan({ t, world, sup }: WalkContext): Promise<string> {
  const row = await t.db.kysely
    .insertInto('checkin_plans')
    .values({
      provider_id: world.providerId,
      process_id: sup.processId,
      instrument_key: 'who5',
      trigger: 'at_end',
      every_n: null,
      offset_days: null,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A custom instrument created as the provider's admin creates one, so the stored definition is the app's own. */
async function throwawayCustomInstrument({ as }: WalkContext): Promise<string> {
  const res = await (await as('provider_admin')).request('POST', '/api/instruments', customBody);
  if (res.statusCode !== 201) throw new Error(`creating a custom instrument for the walk failed: ${res.statusCode} ${res.body}`);
  return res.json().key;
}

const en = (text: string) => ({ en: text });
const customBody = {
  name: en('Team climate'),
  instructions: en('Think of the past month.'),
  languages: ['en'],
  options: [
    { value: 0, label: en('No') },
    { value: 1, label: en('Yes') },
  ],
  items: [{ text: en('We help each other') }, { text: en('I can say what I think') }],
  scoring: 'sum',
  higherIsBetter: true,
  bands: [
    { min: 0, max: 0, label: en('Low'), severity: 'moderate' },
    { min: 1, max: 2, label: en('Good'), severity: 'none' },
  ],
};

/**
 * A built-in and a language it does not ship (the shipped wordings grow), with a whole
 * translation of it: what a provider admin enters (issue 9, item 1).
 */
function translationTarget() {
  for (const def of builtInInstruments) {
    const locale = (['fi', 'nb', 'sv', 'en'] as const).find((l) => !def.languages[l]);
    if (!locale) continue;
    const texts = {
      name: 'Walk translation',
      instructions: 'Walk instructions',
      items: Object.fromEntries(def.items.map((i) => [i.id, `Walk ${i.id}`])),
      options: Object.fromEntries(
        usedOptionSets(def).map((set) => [
          set,
          Object.fromEntries((def.optionSets[set] ?? []).map((o) => [String(o.value), `Walk ${o.value}`])),
        ]),
      ),
    };
    return { key: def.key, body: { locale, texts, source: 'Walk source', licenceNote: '' } };
  }
  throw new Error('every built-in ships every language: nothing left to translate');
}

async function throwawayTranslation({ as }: WalkContext): Promise<string> {
  const { key, body } = translationTarget();
  const res = await (await as('provider_admin')).request('POST', `/api/instruments/${key}/translations`, body);
  if (res.statusCode !== 201) throw new Error(`entering a translation for the walk failed: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

const unknownToken = 'an-unknown-check-in-token-of-enough-length';
/** The respondent's own link; everyone else tries one that was never sent. */
const linkFor = async (ctx: WalkContext) => (ctx.who === 'respondent' ? ctx.checkinLink() : unknownToken);
const thisMonth = new Date().toISOString().slice(0, 7);

export const measuresWalk: WalkTable = {
  'GET /api/instruments': { allowed: staff },
  'GET /api/instruments/:key': { allowed: staff, request: async () => ({ url: '/api/instruments/who5' }) },
  'POST /api/instruments': { allowed: admins, request: async () => ({ body: customBody }) },
  'PUT /api/instruments/:key': {
    allowed: ['provider_admin'],
    tenantResource: true,
    request: async (ctx) => ({ url: `/api/instruments/${await throwawayCustomInstrument(ctx)}`, body: customBody }),
  },
  'PATCH /api/instruments/:key': {
    allowed: ['provider_admin'],
    tenantResource: true,
    request: async (ctx) => ({ url: `/api/instruments/${await throwawayCustomInstrument(ctx)}`, body: { active: false } }),
  },
  'GET /api/instruments/:key/translations': {
    allowed: staff,
    request: async () => ({ url: `/api/instruments/${translationTarget().key}/translations` }),
  },
  'POST /api/instruments/:key/translations': {
    allowed: admins,
    request: async () => {
      const { key, body } = translationTarget();
      return { url: `/api/instruments/${key}/translations`, body };
    },
  },
  'POST /api/instrument-translations/:id/withdraw': {
    allowed: ['provider_admin'],
    tenantResource: true,
    request: async (ctx) => ({ url: `/api/instrument-translations/${await throwawayTranslation(ctx)}/withdraw` }),
  },
  'GET /api/measures/settings': { allowed: staff },
  'PATCH /api/measures/settings': { allowed: admins, request: async () => ({ body: { escalationMinutes: 45 } }) },

  'GET /api/processes/:id/checkins': {
    allowed: ['practitioner'],
    tenantResource: true,
    request: async ({ sup }) => ({ url: `/api/processes/${sup.processId}/checkins` }),
  },
  'POST /api/processes/:id/checkins': {
    allowed: ['practitioner'],
    tenantResource: true,
    request: async ({ sup }) => ({ url: `/api/processes/${sup.processId}/checkins`, body: { instrumentKey: 'session_feedback' } }),
  },
  'POST /api/processes/:id/checkin-plans': {
    allowed: ['practitioner'],
    tenantResource: true,
    request: async ({ sup }) => ({
      url: `/api/processes/${sup.processId}/checkin-plans`,
      body: { instrumentKey: 'session_feedback', trigger: 'at_end' },
    }),
  },
  'POST /api/processes/:id/checkin-plans/crisis-protocol': {
    allowed: ['practitioner'],
    tenantResource: true,
    request: async (ctx) => ({ url: `/api/processes/${await throwawayCrisisProcess(ctx)}/checkin-plans/crisis-protocol` }),
  },
  'DELETE /api/checkin-plans/:id': {
    allowed: ['practitioner'],
    tenantResource: true,
    request: async (ctx) => ({ url: `/api/checkin-plans/${await throwawayPlan(ctx)}` }),
  },
  'POST /api/checkins/:id/cancel': {
    allowed: ['practitioner'],
    tenantResource: true,
    request: async (ctx) => ({ url: `/api/checkins/${await throwawayScheduledCheckin(ctx)}/cancel` }),
  },

  // The link is the credential: its holder (a real link from a sent check-in, fresh per call) gets
  // the form, keeps a draft and answers; anyone without it finds nothing (an unknown link is 404).
  'GET /api/respond/:token': {
    allowed: ['respondent'],
    tenantResource: true,
    request: async (ctx) => ({ url: `/api/respond/${await linkFor(ctx)}` }),
  },
  'PUT /api/respond/:token/draft': {
    allowed: ['respondent'],
    tenantResource: true,
    request: async (ctx) => ({ url: `/api/respond/${await linkFor(ctx)}/draft`, body: { answers: { i1: 3, i2: 4 } } }),
  },
  'POST /api/respond/:token': {
    allowed: ['respondent'],
    tenantResource: true,
    request: async (ctx) => ({ url: `/api/respond/${await linkFor(ctx)}`, body: { answers: { i1: 3, i2: 4, i3: 3, i4: 4, i5: 3 } } }),
  },

  // A colleague may look the person up (the provider's people are shared) but receives no answers: module tests prove it.
  'GET /api/people/:id/measures': {
    allowed: practitioners,
    tenantResource: true,
    request: async ({ sup }) => ({ url: `/api/people/${sup.participantPersonId}/measures` }),
  },
  'GET /api/me/measures': { allowed: ['participant'] },
  'GET /api/responses/:id': {
    allowed: ['practitioner'],
    tenantResource: true,
    request: async (ctx) => ({ url: `/api/responses/${(await throwawayAnswer(ctx)).responseId}` }),
  },

  'GET /api/alerts': { allowed: practitioners },
  'GET /api/alerts/:id': {
    allowed: ['practitioner'],
    tenantResource: true,
    request: async (ctx) => ({ url: `/api/alerts/${(await throwawayAnswer(ctx)).alertId}` }),
  },
  'POST /api/alerts/:id/acknowledge': {
    allowed: ['practitioner'],
    tenantResource: true,
    request: async (ctx) => ({ url: `/api/alerts/${(await throwawayAnswer(ctx)).alertId}/acknowledge` }),
  },
  'POST /api/alerts/:id/contact': {
    allowed: ['practitioner'],
    tenantResource: true,
    request: async (ctx) => ({ url: `/api/alerts/${(await throwawayAnswer(ctx)).alertId}/contact` }),
  },
  'POST /api/alerts/:id/referral': {
    allowed: ['practitioner'],
    tenantResource: true,
    request: async (ctx) => ({
      url: `/api/alerts/${(await throwawayAnswer(ctx)).alertId}/referral`,
      body: { note: 'Referred to occupational health.' },
    }),
  },
  'POST /api/alerts/:id/close': {
    allowed: ['practitioner'],
    tenantResource: true,
    request: async (ctx) => ({ url: `/api/alerts/${(await throwawayAnswer(ctx)).alertId}/close`, body: { outcome: 'support_offered' } }),
  },

  'GET /api/measures/aggregates': {
    allowed: ['provider_admin', 'practitioner', 'client_contact'],
    tenantResource: true,
    request: async ({ sup }) => ({ url: `/api/measures/aggregates?processId=${sup.processId}` }),
  },
  'GET /api/measures/roi': {
    allowed: ['provider_admin', 'client_contact'],
    tenantResource: true,
    request: async ({ world }) => ({ url: `/api/measures/roi?organisationId=${world.organisationId}&from=${thisMonth}&to=${thisMonth}` }),
  },
};
