import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Out } from '../../../shared/http.js';
import {
  alertRoutes,
  checkinRoutes,
  type InstrumentSummary,
  instrumentRoutes,
  instrumentTranslationRoutes,
  type MeasureSettings,
  measureSettingsRoutes,
  type Pcptsd5Cutoff,
  reportRoutes,
  respondRoutes,
  resultRoutes,
} from '../../../shared/measures.js';
import { endpoint } from '../../kernel/http/endpoint.js';
import { localeFromHeader } from '../../kernel/i18n/i18n.js';
import { credentialContext, serviceContext } from '../../kernel/service-context.js';
import { crisisLines } from './logic/guidance.js';
import { type Country, defaultSickDayCost } from './logic/roi.js';
import {
  addTranslation,
  createCustomInstrument,
  listInstruments,
  listTranslations,
  type ResolvedInstrument,
  resolveInstrument,
  reviseCustomInstrument,
  setCustomInstrumentActive,
  settingsOf,
  withdrawTranslation,
} from './registry.js';
import { cancelCheckin, processCheckins } from './use-cases/checkins.js';
import { providerRow } from './use-cases/common.js';
import {
  advanceAlert,
  aggregates,
  getAlert,
  listAlerts,
  localeOf,
  myMeasures,
  personMeasures,
  responseDetail,
  roi,
} from './use-cases/follow-up.js';
import { applyCrisisProtocol, createPlan, deletePlan } from './use-cases/plans.js';
import { respondentForm, saveDraft, submitAnswers } from './use-cases/respondent-link.js';
import { sendNow } from './use-cases/sending.js';

/**
 * HTTP routes of the `measures` module: they translate HTTP to the module's services and nothing
 * more. Each mounts its shared definition (src/shared/measures.ts); each handler's answer is typed
 * `Out<typeof def>`, so the compiler holds the services to the contract the web parses with.
 */

const admin = { roles: ['provider_admin'] } as const;
const staff = { roles: ['provider_admin', 'practitioner'] } as const;
const practitioner = { roles: ['practitioner'] } as const;
const aggregateReaders = { roles: ['provider_admin', 'practitioner', 'client_contact'] } as const;

function summaryOut(r: ResolvedInstrument): InstrumentSummary {
  const d = r.def;
  return {
    key: d.key,
    version: d.version,
    name: d.name,
    languages: Object.keys(d.languages) as InstrumentSummary['languages'],
    sources: Object.fromEntries(Object.entries(d.languages).map(([l, s]) => [l, s?.source ?? ''])),
    providerEntered: Object.fromEntries(
      Object.entries(d.languages).flatMap(([l, s]) =>
        s?.providerEntered ? [[l, { version: s.providerEntered.version, source: s.source }]] : [],
      ),
    ),
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

const linkMeta = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'] ?? null, requestId: req.id });

export async function measuresRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { kernel } = root;
  /** The respondent's routes: the link is resolved by the kernel to the holder's repository. */
  const linkCtx = credentialContext(kernel);
  const publicLimit = { max: kernel.config.authRateLimitPerMinute, timeWindow: '1 minute' };
  /** A public route of the respondent, rate limited like sign-in. */
  const linkEndpoint = <D extends Parameters<typeof endpoint>[0]>(def: D) => {
    const e = endpoint(def, 'public');
    return { ...e, config: { ...e.config, rateLimit: publicLimit } };
  };
  /** The signed-in caller's language (profile), for texts the server words itself. */
  const callerLocale = async (req: FastifyRequest) => {
    if (!req.caller.userId) return localeOf(null);
    return localeOf((await req.repo.callerLocale()) ?? localeFromHeader(req.headers['accept-language']));
  };

  // ------------------------------------------------------------------ instruments and settings

  app.route({
    ...endpoint(instrumentRoutes.list, staff),
    handler: async (req): Promise<Out<typeof instrumentRoutes.list>> => ({ items: (await listInstruments(req.repo)).map(summaryOut) }),
  });

  app.route({
    ...endpoint(instrumentRoutes.get, staff),
    handler: async (req): Promise<Out<typeof instrumentRoutes.get>> => {
      const r = await resolveInstrument(req.repo, req.params.key);
      return { ...summaryOut(r), definition: r.def };
    },
  });

  app.route({
    ...endpoint(instrumentRoutes.create, admin),
    handler: async (req, reply) => reply.status(201).send(summaryOut(await createCustomInstrument(req.repo, req.body))),
  });

  app.route({
    ...endpoint(instrumentRoutes.revise, admin),
    handler: async (req): Promise<Out<typeof instrumentRoutes.revise>> =>
      summaryOut(await reviseCustomInstrument(req.repo, req.params.key, req.body)),
  });

  app.route({
    ...endpoint(instrumentRoutes.setActive, admin),
    handler: async (req): Promise<Out<typeof instrumentRoutes.setActive>> =>
      summaryOut(await setCustomInstrumentActive(req.repo, req.params.key, req.body.active)),
  });

  app.route({
    ...endpoint(instrumentTranslationRoutes.list, staff),
    handler: async (req): Promise<Out<typeof instrumentTranslationRoutes.list>> => ({
      items: await listTranslations(req.repo, req.params.key),
    }),
  });

  app.route({
    ...endpoint(instrumentTranslationRoutes.add, admin),
    handler: async (req, reply) =>
      reply
        .status(201)
        .send((await addTranslation(req.repo, req.params.key, req.body)) satisfies Out<typeof instrumentTranslationRoutes.add>),
  });

  app.route({
    ...endpoint(instrumentTranslationRoutes.withdraw, admin),
    handler: async (req): Promise<Out<typeof instrumentTranslationRoutes.withdraw>> =>
      withdrawTranslation(req.repo, req.params.id, kernel.clock.now()),
  });

  const settingsOut = async (req: FastifyRequest): Promise<MeasureSettings> => {
    const s = await settingsOf(req.repo);
    const provider = await providerRow(req.repo);
    const country = provider.country as Country;
    return {
      // Only 3 or 4 are ever stored (the PATCH schema).
      pcptsd5Cutoff: s.pcptsd5_cutoff as Pcptsd5Cutoff,
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

  app.route({
    ...endpoint(measureSettingsRoutes.get, staff),
    handler: async (req): Promise<Out<typeof measureSettingsRoutes.get>> => settingsOut(req),
  });

  app.route({
    ...endpoint(measureSettingsRoutes.update, admin),
    handler: async (req): Promise<Out<typeof measureSettingsRoutes.update>> => {
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
  });

  // ------------------------------------------------------------------ check-ins of a process

  app.route({
    ...endpoint(checkinRoutes.ofProcess, practitioner),
    handler: async (req): Promise<Out<typeof checkinRoutes.ofProcess>> => processCheckins(serviceContext(req), req.params.id),
  });

  app.route({
    ...endpoint(checkinRoutes.send, practitioner),
    handler: async (req, reply) =>
      reply.status(201).send((await sendNow(serviceContext(req), req.params.id, req.body)) satisfies Out<typeof checkinRoutes.send>),
  });

  app.route({
    ...endpoint(checkinRoutes.createPlan, practitioner),
    handler: async (req, reply) =>
      reply
        .status(201)
        .send((await createPlan(serviceContext(req), req.params.id, req.body)) satisfies Out<typeof checkinRoutes.createPlan>),
  });

  app.route({
    ...endpoint(checkinRoutes.applyCrisisProtocol, practitioner),
    handler: async (req, reply) =>
      reply
        .status(201)
        .send((await applyCrisisProtocol(serviceContext(req), req.params.id)) satisfies Out<typeof checkinRoutes.applyCrisisProtocol>),
  });

  app.route({
    ...endpoint(checkinRoutes.deletePlan, practitioner),
    handler: async (req, reply) => {
      await deletePlan(serviceContext(req), req.params.id);
      return reply.status(204).send(null);
    },
  });

  app.route({
    ...endpoint(checkinRoutes.cancel, practitioner),
    handler: async (req): Promise<Out<typeof checkinRoutes.cancel>> => cancelCheckin(serviceContext(req), req.params.id),
  });

  // ------------------------------------------------------------------ the respondent (the link is the credential)

  app.route({
    ...linkEndpoint(respondRoutes.form),
    handler: async (req): Promise<Out<typeof respondRoutes.form>> =>
      respondentForm(linkCtx, req.params.token, req.query.locale, linkMeta(req), req.query.formLocale),
  });

  app.route({
    ...linkEndpoint(respondRoutes.saveDraft),
    handler: async (req): Promise<Out<typeof respondRoutes.saveDraft>> =>
      saveDraft(linkCtx, req.params.token, req.body.answers, linkMeta(req)),
  });

  app.route({
    ...linkEndpoint(respondRoutes.submit),
    handler: async (req): Promise<Out<typeof respondRoutes.submit>> =>
      submitAnswers(linkCtx, req.params.token, req.body.answers, req.body.locale, linkMeta(req), req.body.formLocale),
  });

  // ------------------------------------------------------------------ results

  app.route({
    ...endpoint(resultRoutes.person, practitioner),
    handler: async (req): Promise<Out<typeof resultRoutes.person>> => personMeasures(serviceContext(req), req.params.id),
  });

  app.route({
    ...endpoint(resultRoutes.mine, { roles: ['participant'] }),
    handler: async (req): Promise<Out<typeof resultRoutes.mine>> => myMeasures(serviceContext(req)),
  });

  app.route({
    ...endpoint(resultRoutes.response, practitioner),
    handler: async (req): Promise<Out<typeof resultRoutes.response>> =>
      responseDetail(serviceContext(req), req.params.id, await callerLocale(req)),
  });

  // ------------------------------------------------------------------ alerts

  app.route({
    ...endpoint(alertRoutes.list, practitioner),
    handler: async (req): Promise<Out<typeof alertRoutes.list>> => listAlerts(serviceContext(req), req.query.status),
  });

  app.route({
    ...endpoint(alertRoutes.get, practitioner),
    handler: async (req): Promise<Out<typeof alertRoutes.get>> => getAlert(serviceContext(req), req.params.id),
  });

  app.route({
    ...endpoint(alertRoutes.acknowledge, practitioner),
    handler: async (req): Promise<Out<typeof alertRoutes.acknowledge>> =>
      advanceAlert(serviceContext(req), req.params.id, { step: 'acknowledge' }),
  });

  app.route({
    ...endpoint(alertRoutes.contact, practitioner),
    handler: async (req): Promise<Out<typeof alertRoutes.contact>> => advanceAlert(serviceContext(req), req.params.id, { step: 'contact' }),
  });

  app.route({
    ...endpoint(alertRoutes.referral, practitioner),
    handler: async (req): Promise<Out<typeof alertRoutes.referral>> =>
      advanceAlert(serviceContext(req), req.params.id, { step: 'referral', note: req.body.note }),
  });

  app.route({
    ...endpoint(alertRoutes.close, practitioner),
    handler: async (req): Promise<Out<typeof alertRoutes.close>> =>
      advanceAlert(serviceContext(req), req.params.id, { step: 'close', outcome: req.body.outcome }),
  });

  // ------------------------------------------------------------------ aggregates and the ROI scenario

  app.route({
    ...endpoint(reportRoutes.aggregates, aggregateReaders),
    handler: async (req): Promise<Out<typeof reportRoutes.aggregates>> => aggregates(serviceContext(req), req.query),
  });

  app.route({
    ...endpoint(reportRoutes.roi, { roles: ['provider_admin', 'client_contact'] }),
    handler: async (req): Promise<Out<typeof reportRoutes.roi>> => roi(serviceContext(req), req.query),
  });
}
