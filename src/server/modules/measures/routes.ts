import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { credentials } from '../../kernel/access/system.js';
import { errors, idParams, locale, month, uuid } from '../../kernel/http/schemas.js';
import { localeFromHeader, locales } from '../../kernel/i18n/i18n.js';
import { advanceAlert, aggregates, getAlert, listAlerts, localeOf, myMeasures, personMeasures, responseDetail, roi } from './follow-up.js';
import { crisisLines } from './logic/guidance.js';
import { type Country, defaultSickDayCost } from './logic/roi.js';
import {
  createCustomInstrument,
  listInstruments,
  type ResolvedInstrument,
  resolveInstrument,
  reviseCustomInstrument,
  setCustomInstrumentActive,
  settingsOf,
} from './registry.js';
import * as svc from './service.js';

/** HTTP routes of the `measures` module: they translate HTTP to the module's services and nothing more. */

const admin = { roles: ['provider_admin'] } as const;
const staff = { roles: ['provider_admin', 'practitioner'] } as const;
const practitioner = { roles: ['practitioner'] } as const;
const aggregateReaders = { roles: ['provider_admin', 'practitioner', 'client_contact'] } as const;

const localText = z.object(
  Object.fromEntries(locales.map((l) => [l, z.string().trim().max(2000).optional()])) as Record<
    (typeof locales)[number],
    z.ZodOptional<z.ZodString>
  >,
);
const severity = z.enum(['none', 'mild', 'moderate', 'severe']);
const alertLevel = z.enum(['normal', 'urgent']);
const trigger = z.enum(['before_first', 'each_meeting', 'every_nth', 'offset_days', 'at_end']);
const keyParams = z.object({ key: z.string().regex(/^[a-z0-9_]{2,60}$/, 'expected an instrument key') });
const tokenParams = z.object({ token: z.string().min(20).max(200) });
const answers = z.record(z.string().max(60), z.union([z.number().int().min(-1000).max(1000), z.string().max(4000)]));

const bandOut = z.object({
  id: z.string(),
  min: z.number(),
  max: z.number(),
  label: localText,
  severity: z.string(),
  alert: z.string().nullable(),
});
const instrumentSummary = z.object({
  key: z.string(),
  version: z.number(),
  name: localText,
  languages: z.array(z.string()),
  sources: z.record(z.string(), z.string()),
  licence: z.string(),
  requiresLicence: z.boolean(),
  available: z.boolean(),
  custom: z.boolean(),
  active: z.boolean(),
  itemCount: z.number(),
  min: z.number(),
  max: z.number(),
  higherIsBetter: z.boolean(),
  bands: z.array(bandOut),
});
function summaryOut(r: ResolvedInstrument) {
  const d = r.def;
  return {
    key: d.key,
    version: d.version,
    name: d.name,
    languages: Object.keys(d.languages),
    sources: Object.fromEntries(Object.entries(d.languages).map(([l, s]) => [l, s?.source ?? ''])),
    licence: d.licence,
    requiresLicence: d.requiresLicence,
    available: r.available,
    custom: r.custom,
    active: r.active,
    itemCount: d.items.length,
    min: d.scoring.min,
    max: d.scoring.max,
    higherIsBetter: d.higherIsBetter,
    bands: d.bands.map((b) => ({ id: b.id, min: b.min, max: b.max, label: b.label, severity: b.severity, alert: b.alert ?? null })),
  };
}

const customInstrumentBody = z.object({
  name: localText,
  instructions: localText,
  languages: z.array(locale).min(1).max(4),
  options: z
    .array(z.object({ value: z.number().int().min(0).max(100), label: localText }))
    .min(2)
    .max(11),
  items: z
    .array(z.object({ text: localText }))
    .min(1)
    .max(40),
  scoring: z.enum(['sum', 'mean']),
  higherIsBetter: z.boolean(),
  bands: z
    .array(
      z.object({
        min: z.number().min(0).max(4000),
        max: z.number().min(0).max(4000),
        label: localText,
        severity,
        alert: alertLevel.optional(),
      }),
    )
    .min(1)
    .max(8),
});

const settingsBody = z.object({
  pcptsd5Cutoff: z.number().int(),
  tsqLicensed: z.boolean(),
  tsqLicenceConfirmedAt: z.string().nullable(),
  escalationMinutes: z.number(),
  linkValidDays: z.number(),
  reminderAfterHours: z.number(),
  guidance: localText,
  sickDayCostCents: z.number().nullable(),
  defaultSickDayCostCents: z.number().nullable(),
  currency: z.string(),
  country: z.string(),
  crisisLines: z.array(z.object({ name: z.string(), phone: z.string(), hours: z.string() })),
});

const plan = z.object({
  id: z.string(),
  instrumentKey: z.string(),
  trigger: z.string(),
  everyN: z.number().nullable(),
  offsetDays: z.number().nullable(),
  createdAt: z.string(),
});
const checkin = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  instrumentKey: z.string(),
  status: z.string(),
  dueAt: z.string(),
  sentAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  remindedAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  anchor: z.string().nullable(),
  planId: z.string().nullable(),
  responseId: z.string().nullable(),
  score: z.number().nullable(),
  bandId: z.string().nullable(),
  alertLevel: z.string().nullable(),
});

const series = z.object({
  instrumentKey: z.string(),
  name: localText,
  min: z.number(),
  max: z.number(),
  higherIsBetter: z.boolean(),
  bands: z.array(z.object({ id: z.string(), min: z.number(), max: z.number(), label: localText, severity: z.string() })),
  points: z.array(z.object({ responseId: z.string(), at: z.string(), score: z.number(), bandId: z.string(), processId: z.string() })),
});

const alert = z.object({
  id: z.string(),
  processId: z.string(),
  processTitle: z.string(),
  personId: z.string(),
  personName: z.string(),
  instrumentKey: z.string(),
  reasons: z.array(z.string()),
  level: z.string(),
  status: z.string(),
  score: z.number(),
  bandId: z.string(),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  contactedAt: z.string().nullable(),
  referralAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  outcome: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  responseId: z.string(),
});
const alertDetail = alert.extend({ referralNote: z.string().nullable() });

const aggregateOut = z.object({
  minGroupSize: z.number(),
  items: z.array(
    z.object({
      instrumentKey: z.string(),
      name: localText,
      min: z.number(),
      max: z.number(),
      higherIsBetter: z.boolean(),
      bands: z.array(z.object({ id: z.string(), label: localText, severity: z.string() })),
      months: z.array(
        z.object({
          month: z.string(),
          shown: z.boolean(),
          reason: z.enum(['too_few', 'month_open']).nullable(),
          respondents: z.number().optional(),
          mean: z.number().optional(),
          bandCounts: z.record(z.string(), z.number()).optional(),
        }),
      ),
    }),
  ),
});

const linkMeta = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'] ?? null, requestId: req.id });

export async function measuresRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { kernel } = root;
  const ctx = (req: FastifyRequest): svc.Ctx => ({ repo: req.repo, clock: kernel.clock, cipher: kernel.cipher, config: kernel.config });
  /** The respondent's routes: the link is resolved by the kernel to the holder's repository. */
  const linkCtx: svc.LinkCtx = { clock: kernel.clock, cipher: kernel.cipher, config: kernel.config, credentials: credentials(kernel) };
  const publicLimit = { max: kernel.config.authRateLimitPerMinute, timeWindow: '1 minute' };
  /** The signed-in caller's language (profile), for texts the server words itself. */
  const callerLocale = async (req: FastifyRequest) => {
    if (!req.caller.userId) return localeOf(null);
    return localeOf((await req.repo.callerLocale()) ?? localeFromHeader(req.headers['accept-language']));
  };

  // ------------------------------------------------------------------ instruments and settings

  app.get(
    '/api/instruments',
    {
      config: { access: staff },
      schema: { tags: ['measures'], response: { 200: z.object({ items: z.array(instrumentSummary) }), ...errors } },
    },
    async (req) => ({ items: (await listInstruments(req.repo)).map(summaryOut) }),
  );

  app.get(
    '/api/instruments/:key',
    {
      config: { access: staff },
      schema: {
        tags: ['measures'],
        params: keyParams,
        response: { 200: instrumentSummary.extend({ definition: z.unknown() }), ...errors },
      },
    },
    async (req) => {
      const r = await resolveInstrument(req.repo, req.params.key);
      return { ...summaryOut(r), definition: r.def };
    },
  );

  app.post(
    '/api/instruments',
    {
      config: { access: admin },
      schema: { tags: ['measures'], body: customInstrumentBody, response: { 201: instrumentSummary, ...errors } },
    },
    async (req, reply) => reply.status(201).send(summaryOut(await createCustomInstrument(req.repo, req.body))),
  );

  app.put(
    '/api/instruments/:key',
    {
      config: { access: admin },
      schema: { tags: ['measures'], params: keyParams, body: customInstrumentBody, response: { 200: instrumentSummary, ...errors } },
    },
    async (req) => summaryOut(await reviseCustomInstrument(req.repo, req.params.key, req.body)),
  );

  app.patch(
    '/api/instruments/:key',
    {
      config: { access: admin },
      schema: {
        tags: ['measures'],
        params: keyParams,
        body: z.object({ active: z.boolean() }),
        response: { 200: instrumentSummary, ...errors },
      },
    },
    async (req) => summaryOut(await setCustomInstrumentActive(req.repo, req.params.key, req.body.active)),
  );

  const settingsOut = async (req: FastifyRequest) => {
    const s = await settingsOf(req.repo);
    const provider = await svc.providerRow(req.repo);
    const country = provider.country as Country;
    return {
      pcptsd5Cutoff: s.pcptsd5_cutoff,
      tsqLicensed: s.tsq_licence_confirmed_at !== null,
      tsqLicenceConfirmedAt: s.tsq_licence_confirmed_at ? new Date(s.tsq_licence_confirmed_at).toISOString() : null,
      escalationMinutes: s.escalation_minutes,
      linkValidDays: s.link_valid_days,
      reminderAfterHours: s.reminder_after_hours,
      guidance: s.guidance ?? {},
      sickDayCostCents: s.sick_day_cost_cents,
      defaultSickDayCostCents: defaultSickDayCost[country].cents,
      currency: defaultSickDayCost[country].currency,
      country,
      crisisLines: crisisLines(country, await callerLocale(req)),
    };
  };

  app.get(
    '/api/measures/settings',
    { config: { access: staff }, schema: { tags: ['measures'], response: { 200: settingsBody, ...errors } } },
    async (req) => settingsOut(req),
  );

  app.patch(
    '/api/measures/settings',
    {
      config: { access: admin },
      schema: {
        tags: ['measures'],
        body: z
          .object({
            pcptsd5Cutoff: z.union([z.literal(3), z.literal(4)]).optional(),
            tsqLicensed: z.boolean().optional(),
            escalationMinutes: z.number().int().min(5).max(1440).optional(),
            linkValidDays: z.number().int().min(1).max(60).optional(),
            reminderAfterHours: z.number().int().min(1).max(720).optional(),
            guidance: localText.optional(),
            sickDayCostCents: z.number().int().min(1).max(100_000_000).nullable().optional(),
          })
          .refine((b) => Object.keys(b).length > 0, 'nothing to change'),
        response: { 200: settingsBody, ...errors },
      },
    },
    async (req) => {
      const b = req.body;
      const now = kernel.clock.now();
      await req.repo.transaction(async (repo) => {
        const patch = {
          ...(b.pcptsd5Cutoff !== undefined ? { pcptsd5_cutoff: b.pcptsd5Cutoff } : {}),
          ...(b.tsqLicensed !== undefined
            ? b.tsqLicensed
              ? { tsq_licence_confirmed_at: now, tsq_licence_confirmed_by: req.caller.userId }
              : { tsq_licence_confirmed_at: null, tsq_licence_confirmed_by: null }
            : {}),
          ...(b.escalationMinutes !== undefined ? { escalation_minutes: b.escalationMinutes } : {}),
          ...(b.linkValidDays !== undefined ? { link_valid_days: b.linkValidDays } : {}),
          ...(b.reminderAfterHours !== undefined ? { reminder_after_hours: b.reminderAfterHours } : {}),
          ...(b.guidance !== undefined ? { guidance: JSON.stringify(b.guidance) } : {}),
          ...(b.sickDayCostCents !== undefined ? { sick_day_cost_cents: b.sickDayCostCents } : {}),
          updated_at: now,
        };
        const existing = await repo.select('measure_settings').select('measure_settings.id').executeTakeFirst();
        if (existing) await repo.update('measure_settings', existing.id, patch);
        else await repo.insert('measure_settings', patch);
      });
      return settingsOut(req);
    },
  );

  // ------------------------------------------------------------------ check-ins of a process

  app.get(
    '/api/processes/:id/checkins',
    {
      config: { access: practitioner },
      schema: {
        tags: ['measures'],
        params: idParams,
        response: { 200: z.object({ plans: z.array(plan), checkins: z.array(checkin), protocolApplied: z.boolean() }), ...errors },
      },
    },
    async (req) => svc.processCheckins(ctx(req), req.params.id),
  );

  app.post(
    '/api/processes/:id/checkins',
    {
      config: { access: practitioner },
      schema: {
        tags: ['measures'],
        params: idParams,
        body: z.object({ instrumentKey: z.string().min(2).max(60), personIds: z.array(uuid).min(1).max(200).optional() }),
        response: {
          201: z.object({
            items: z.array(checkin),
            skipped: z.array(z.object({ personId: z.string(), reason: z.enum(['no_email', 'too_soon']) })),
          }),
          ...errors,
        },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.sendNow(ctx(req), req.params.id, req.body)),
  );

  app.post(
    '/api/processes/:id/checkin-plans',
    {
      config: { access: practitioner },
      schema: {
        tags: ['measures'],
        params: idParams,
        body: z.object({
          instrumentKey: z.string().min(2).max(60),
          trigger,
          everyN: z.number().int().min(2).max(50).optional(),
          offsetDays: z.number().int().min(0).max(730).optional(),
        }),
        response: { 201: plan, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createPlan(ctx(req), req.params.id, req.body)),
  );

  app.post(
    '/api/processes/:id/checkin-plans/crisis-protocol',
    {
      config: { access: practitioner },
      schema: { tags: ['measures'], params: idParams, response: { 201: z.object({ items: z.array(plan) }), ...errors } },
    },
    async (req, reply) => reply.status(201).send(await svc.applyCrisisProtocol(ctx(req), req.params.id)),
  );

  app.delete(
    '/api/checkin-plans/:id',
    { config: { access: practitioner }, schema: { tags: ['measures'], params: idParams, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      await svc.deletePlan(ctx(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/checkins/:id/cancel',
    { config: { access: practitioner }, schema: { tags: ['measures'], params: idParams, response: { 200: checkin, ...errors } } },
    async (req) => svc.cancelCheckin(ctx(req), req.params.id),
  );

  // ------------------------------------------------------------------ the respondent (the link is the credential)

  app.get(
    '/api/respond/:token',
    {
      config: { access: 'public', rateLimit: publicLimit },
      schema: {
        tags: ['measures'],
        params: tokenParams,
        querystring: z.object({ locale: locale.optional() }),
        response: {
          200: z.object({
            providerName: z.string(),
            locale: z.string(),
            availableLocales: z.array(z.string()),
            expiresAt: z.string(),
            draft: answers.nullable(),
            instrument: z.object({
              key: z.string(),
              version: z.number(),
              name: z.string(),
              instructions: z.string(),
              items: z.array(
                z.object({
                  id: z.string(),
                  type: z.enum(['choice', 'text']),
                  text: z.string(),
                  options: z.array(z.object({ value: z.number(), label: z.string() })).optional(),
                  maxLength: z.number().optional(),
                }),
              ),
              gate: z.object({ item: z.string(), closesWith: z.array(z.number()) }).nullable(),
            }),
          }),
          ...errors,
          410: errors[404],
        },
      },
    },
    async (req) => svc.respondentForm(linkCtx, req.params.token, req.query.locale, linkMeta(req)),
  );

  app.put(
    '/api/respond/:token/draft',
    {
      config: { access: 'public', rateLimit: publicLimit },
      schema: {
        tags: ['measures'],
        params: tokenParams,
        body: z.object({ answers }),
        response: { 200: z.object({ savedAt: z.string() }), ...errors, 410: errors[404] },
      },
    },
    async (req) => svc.saveDraft(linkCtx, req.params.token, req.body.answers, linkMeta(req)),
  );

  app.post(
    '/api/respond/:token',
    {
      config: { access: 'public', rateLimit: publicLimit },
      schema: {
        tags: ['measures'],
        params: tokenParams,
        body: z.object({ answers, locale: locale.optional() }),
        response: {
          200: z.object({
            result: z.object({
              score: z.number(),
              min: z.number(),
              max: z.number(),
              higherIsBetter: z.boolean(),
              band: z.object({ id: z.string(), label: z.string(), severity: z.string() }),
              explanation: z.string(),
              guidance: z.object({
                show: z.boolean(),
                text: z.string().nullable(),
                crisisLines: z.array(z.object({ name: z.string(), phone: z.string(), hours: z.string() })),
              }),
            }),
          }),
          ...errors,
          410: errors[404],
        },
      },
    },
    async (req) => svc.submitAnswers(linkCtx, req.params.token, req.body.answers, req.body.locale, linkMeta(req)),
  );

  // ------------------------------------------------------------------ results

  app.get(
    '/api/people/:id/measures',
    {
      config: { access: practitioner },
      schema: {
        tags: ['measures'],
        params: idParams,
        response: { 200: z.object({ person: z.object({ id: z.string(), name: z.string() }), series: z.array(series) }), ...errors },
      },
    },
    async (req) => personMeasures(ctx(req), req.params.id),
  );

  app.get(
    '/api/me/measures',
    {
      config: { access: { roles: ['participant'] } },
      schema: {
        tags: ['measures'],
        response: {
          200: z.object({ person: z.object({ id: z.string(), name: z.string() }).nullable(), series: z.array(series) }),
          ...errors,
        },
      },
    },
    async (req) => myMeasures(ctx(req)),
  );

  app.get(
    '/api/responses/:id',
    {
      config: { access: practitioner },
      schema: {
        tags: ['measures'],
        params: idParams,
        response: {
          200: z.object({
            id: z.string(),
            personId: z.string(),
            personName: z.string(),
            processId: z.string(),
            instrumentKey: z.string(),
            instrumentName: z.string(),
            submittedAt: z.string(),
            score: z.number(),
            band: z.object({ id: z.string(), label: z.string(), severity: z.string() }),
            flags: z.array(z.object({ id: z.string(), label: z.string() })),
            items: z.array(
              z.object({ id: z.string(), text: z.string(), answer: z.number().nullable(), answerLabel: z.string().nullable() }),
            ),
            freeText: z.record(z.string(), z.string()),
          }),
          ...errors,
        },
      },
    },
    async (req) => responseDetail(ctx(req), req.params.id, await callerLocale(req)),
  );

  // ------------------------------------------------------------------ alerts

  app.get(
    '/api/alerts',
    {
      config: { access: practitioner },
      schema: {
        tags: ['measures'],
        querystring: z.object({ status: z.enum(['open', 'all']).default('open') }),
        response: { 200: z.object({ items: z.array(alert) }), ...errors },
      },
    },
    async (req) => listAlerts(ctx(req), req.query.status),
  );

  app.get(
    '/api/alerts/:id',
    { config: { access: practitioner }, schema: { tags: ['measures'], params: idParams, response: { 200: alertDetail, ...errors } } },
    async (req) => getAlert(ctx(req), req.params.id),
  );

  for (const step of ['acknowledge', 'contact'] as const) {
    app.post(
      `/api/alerts/:id/${step}`,
      { config: { access: practitioner }, schema: { tags: ['measures'], params: idParams, response: { 200: alertDetail, ...errors } } },
      async (req) => advanceAlert(ctx(req), req.params.id, { step }),
    );
  }

  app.post(
    '/api/alerts/:id/referral',
    {
      config: { access: practitioner },
      schema: {
        tags: ['measures'],
        params: idParams,
        body: z.object({ note: z.string().trim().min(1).max(4000) }),
        response: { 200: alertDetail, ...errors },
      },
    },
    async (req) => advanceAlert(ctx(req), req.params.id, { step: 'referral', note: req.body.note }),
  );

  app.post(
    '/api/alerts/:id/close',
    {
      config: { access: practitioner },
      schema: {
        tags: ['measures'],
        params: idParams,
        body: z.object({ outcome: z.enum(['referred', 'support_offered', 'no_action_needed', 'could_not_reach', 'other']) }),
        response: { 200: alertDetail, ...errors },
      },
    },
    async (req) => advanceAlert(ctx(req), req.params.id, { step: 'close', outcome: req.body.outcome }),
  );

  // ------------------------------------------------------------------ aggregates and the ROI scenario

  app.get(
    '/api/measures/aggregates',
    {
      config: { access: aggregateReaders },
      schema: {
        tags: ['measures'],
        querystring: z.object({ processId: uuid.optional(), organisationId: uuid.optional() }),
        response: { 200: aggregateOut, ...errors },
      },
    },
    async (req) => aggregates(ctx(req), req.query),
  );

  app.get(
    '/api/measures/roi',
    {
      config: { access: { roles: ['provider_admin', 'client_contact'] } },
      schema: {
        tags: ['measures'],
        querystring: z.object({
          organisationId: uuid,
          from: month,
          to: month,
          sickDayCostCents: z.coerce.number().int().min(1).max(100_000_000).optional(),
        }),
        response: {
          200: z.object({
            organisationId: z.string(),
            from: z.string(),
            to: z.string(),
            currency: z.string(),
            supportCostCents: z.number(),
            heldSessions: z.number(),
            sickDayCostCents: z.number().nullable(),
            sickDayCostSource: z.enum(['query', 'setting', 'default']),
            breakEvenDays: z.number().nullable(),
            scenario: z.literal(true),
          }),
          ...errors,
        },
      },
    },
    async (req) => roi(ctx(req), req.query),
  );
}
