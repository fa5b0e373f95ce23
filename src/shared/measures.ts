import { z } from 'zod';
import { defineRoute } from './http.js';
import { locales } from './locales.js';
import { idParams, instantOut, items, locale, month, queryInt, uuid } from './schemas.js';

/**
 * The contract of the `measures` module (instruments, the questionnaire editor, check-in plans and
 * check-ins, the respondent's link, results, alerts, aggregates, the ROI scenario, settings):
 * enums, limits and the route definitions. The server validates with them; the web types its data
 * and checks its forms with the very same objects. Pure helpers both sides use: measures-logic.ts.
 */

// ---------------------------------------------------------------------------------------------
// Enumerations

export const severities = ['none', 'mild', 'moderate', 'severe'] as const;
export const severity = z.enum(severities);
export type Severity = z.infer<typeof severity>;

export const alertLevels = ['normal', 'urgent'] as const;
export const alertLevel = z.enum(alertLevels);
export type AlertLevel = z.infer<typeof alertLevel>;

export const alertStatuses = ['open', 'acknowledged', 'closed'] as const;
export const alertStatus = z.enum(alertStatuses);
export type AlertStatus = z.infer<typeof alertStatus>;

export const alertOutcomes = ['referred', 'support_offered', 'no_action_needed', 'could_not_reach', 'other'] as const;
export const alertOutcome = z.enum(alertOutcomes);
export type AlertOutcome = z.infer<typeof alertOutcome>;

/** The steps of an alert handled as a task (each its own route). */
export const alertSteps = ['acknowledge', 'contact', 'referral', 'close'] as const;
export type AlertStepName = (typeof alertSteps)[number];

/** Which alerts a list shows: the unclosed ones, or every one. */
export const alertFilter = z.enum(['open', 'all']);
export type AlertFilter = z.infer<typeof alertFilter>;

export const checkinTriggers = ['before_first', 'each_meeting', 'every_nth', 'offset_days', 'at_end'] as const;
export const checkinTrigger = z.enum(checkinTriggers);
export type CheckinTrigger = z.infer<typeof checkinTrigger>;

export const checkinStatuses = ['scheduled', 'sent', 'answered', 'cancelled'] as const;
export const checkinStatus = z.enum(checkinStatuses);
export type CheckinStatus = z.infer<typeof checkinStatus>;

/** Why a "send now" passed a person by. */
export const skipReason = z.enum(['no_email', 'too_soon']);
export type SkipReason = z.infer<typeof skipReason>;

export const scoringMethods = ['sum', 'mean'] as const;
export const scoringMethod = z.enum(scoringMethods);
export type ScoringMethod = z.infer<typeof scoringMethod>;

export const itemTypes = ['choice', 'text'] as const;
export const itemType = z.enum(itemTypes);

/** Why an aggregate month is not shown. */
export const monthHiddenReason = z.enum(['too_few', 'month_open']);
export type MonthHiddenReason = z.infer<typeof monthHiddenReason>;

export const sickDayCostSource = z.enum(['query', 'setting', 'default']);
export type SickDayCostSource = z.infer<typeof sickDayCostSource>;

/** The countries a provider works in (crisis lines and sick-day cost defaults depend on it). */
export const measureCountry = z.enum(['FI', 'SE', 'NO']);
export type MeasureCountry = z.infer<typeof measureCountry>;

export const measureCurrency = z.enum(['EUR', 'SEK', 'NOK']);
export type MeasureCurrency = z.infer<typeof measureCurrency>;

/** The PC-PTSD-5 cut-offs a provider may choose (3 in the development study, 4 in a later one). */
export const pcptsd5Cutoffs = [3, 4] as const;
export const pcptsd5Cutoff = z.union([z.literal(3), z.literal(4)]);
export type Pcptsd5Cutoff = z.infer<typeof pcptsd5Cutoff>;

// ---------------------------------------------------------------------------------------------
// Limits: written once, read by the server's validation and the web's forms

export const measureLimits = {
  /** One language's text of an instrument, a band, an option or the provider's guidance. */
  localTextMax: 2000,
  languagesMin: 1,
  languagesMax: locales.length,
  optionsMin: 2,
  optionsMax: 11,
  optionValueMin: 0,
  optionValueMax: 100,
  itemsMin: 1,
  itemsMax: 40,
  bandsMin: 1,
  bandsMax: 8,
  bandBoundMin: 0,
  bandBoundMax: 4000,
  instrumentKeyMin: 2,
  instrumentKeyMax: 60,
  escalationMinutesMin: 5,
  escalationMinutesMax: 1440,
  linkValidDaysMin: 1,
  linkValidDaysMax: 60,
  reminderAfterHoursMin: 1,
  reminderAfterHoursMax: 720,
  sickDayCostCentsMin: 1,
  sickDayCostCentsMax: 100_000_000,
  everyNMin: 2,
  everyNMax: 50,
  offsetDaysMin: 0,
  offsetDaysMax: 730,
  recipientsMax: 200,
  referralNoteMax: 4000,
  /** A link's token (Fastify cuts path parameters at routerOptions.maxParamLength). */
  tokenMin: 20,
  tokenMax: 200,
  answerIdMax: 60,
  answerValueMin: -1000,
  answerValueMax: 1000,
  answerTextMax: 4000,
  /** The longest ROI range, in months (both ends counted). */
  roiMonthsMax: 36,
} as const;

const L = measureLimits;

// ---------------------------------------------------------------------------------------------
// Pieces

type LocaleShape<T extends z.ZodType> = { [K in (typeof locales)[number]]: z.ZodOptional<T> };
const perLocale = <T extends z.ZodType>(value: T) =>
  z.object(Object.fromEntries(locales.map((l) => [l, value.optional()])) as LocaleShape<T>);

/** Text in the languages an instrument exists in (request: trimmed, each up to 2000 characters). */
export const localText = perLocale(z.string().trim().max(L.localTextMax));
/** Text in the languages an instrument exists in, as the server sends it. */
export const localTextOut = perLocale(z.string());
export type LocalText = z.infer<typeof localTextOut>;

export const instrumentKey = z.string().min(L.instrumentKeyMin).max(L.instrumentKeyMax);
export const instrumentKeyParams = z.object({ key: z.string().regex(/^[a-z0-9_]{2,60}$/, 'expected an instrument key') });
export const tokenParams = z.object({ token: z.string().min(L.tokenMin).max(L.tokenMax) });

/** Item id → the chosen option's value (choice items) or the text typed (text items). */
export const answers = z.record(
  z.string().max(L.answerIdMax),
  z.union([z.number().int().min(L.answerValueMin).max(L.answerValueMax), z.string().max(L.answerTextMax)]),
);
export type Answers = z.infer<typeof answers>;

export const crisisLine = z.object({ name: z.string(), phone: z.string(), hours: z.string() });
export type CrisisLine = z.infer<typeof crisisLine>;

/** A gate question: an answer in `closesWith` ends the form there (PC-PTSD-5's exposure question). */
export const gate = z.object({ item: z.string(), closesWith: z.array(z.number()) });
export type Gate = z.infer<typeof gate>;

// ---------------------------------------------------------------------------------------------
// Instruments

/** Where one language's wording comes from; `providerEntered` when the provider entered it (its version). */
export const languageSource = z.object({
  source: z.string(),
  providerEntered: z.object({ version: z.number().int() }).optional(),
});

/** An instrument's definition as stored (built-in code or a provider's own, versioned). */
export const instrumentDefinition = z.object({
  key: z.string(),
  version: z.number().int(),
  name: localTextOut,
  instructions: localTextOut,
  languages: z.object(
    Object.fromEntries(locales.map((l) => [l, languageSource.optional()])) as {
      [K in (typeof locales)[number]]: z.ZodOptional<typeof languageSource>;
    },
  ),
  licence: z.string(),
  requiresLicence: z.boolean(),
  optionSets: z.record(z.string(), z.array(z.object({ value: z.number(), label: localTextOut }))),
  items: z.array(
    z.discriminatedUnion('type', [
      z.object({ id: z.string(), type: z.literal('choice'), text: localTextOut, options: z.string(), scored: z.boolean().optional() }),
      z.object({ id: z.string(), type: z.literal('text'), text: localTextOut, maxLength: z.number().int() }),
    ]),
  ),
  gate: gate.extend({ scoreWhenClosed: z.number() }).optional(),
  scoring: z.object({
    method: scoringMethod,
    multiplier: z.number().optional(),
    min: z.number(),
    max: z.number(),
    decimals: z.number().int().optional(),
  }),
  bands: z.array(
    z.object({
      id: z.string(),
      min: z.number(),
      max: z.number(),
      label: localTextOut,
      severity,
      alert: alertLevel.optional(),
      guidance: z.boolean().optional(),
      lowerBoundSetting: z.string().optional(),
    }),
  ),
  flags: z.array(
    z.object({
      id: z.string(),
      items: z.union([z.array(z.string()), z.literal('any')]),
      min: z.number(),
      max: z.number(),
      label: localTextOut,
      alert: alertLevel,
      guidance: z.boolean().optional(),
    }),
  ),
  change: z.object({ meaningful: z.number(), alertOnDrop: alertLevel.optional() }).optional(),
  minIntervalDays: z.number().int(),
  higherIsBetter: z.boolean(),
});
export type InstrumentDefinition = z.infer<typeof instrumentDefinition>;

export const bandSummary = z.object({
  id: z.string(),
  min: z.number(),
  max: z.number(),
  label: localTextOut,
  severity,
  alert: alertLevel.nullable(),
});
export type BandSummary = z.infer<typeof bandSummary>;

export const instrumentSummary = z.object({
  key: z.string(),
  version: z.number().int(),
  name: localTextOut,
  languages: z.array(locale),
  /** Language → where its wording comes from. */
  sources: z.partialRecord(locale, z.string()),
  /** Language → the provider's own entered translation in use (a built-in's language we do not ship). */
  providerEntered: z.partialRecord(locale, z.object({ version: z.number().int(), source: z.string() })),
  licence: z.string(),
  requiresLicence: z.boolean(),
  available: z.boolean(),
  custom: z.boolean(),
  active: z.boolean(),
  itemCount: z.number().int(),
  min: z.number(),
  max: z.number(),
  higherIsBetter: z.boolean(),
  bands: z.array(bandSummary),
});
export type InstrumentSummary = z.infer<typeof instrumentSummary>;

/** A provider's own questionnaire: one option set for every item, bands over the score range. */
export const customInstrumentBody = z.object({
  name: localText,
  instructions: localText,
  languages: z.array(locale).min(L.languagesMin).max(L.languagesMax),
  options: z
    .array(z.object({ value: z.number().int().min(L.optionValueMin).max(L.optionValueMax), label: localText }))
    .min(L.optionsMin)
    .max(L.optionsMax),
  items: z
    .array(z.object({ text: localText }))
    .min(L.itemsMin)
    .max(L.itemsMax),
  scoring: scoringMethod,
  higherIsBetter: z.boolean(),
  bands: z
    .array(
      z.object({
        min: z.number().min(L.bandBoundMin).max(L.bandBoundMax),
        max: z.number().min(L.bandBoundMin).max(L.bandBoundMax),
        label: localText,
        severity,
        alert: alertLevel.optional(),
      }),
    )
    .min(L.bandsMin)
    .max(L.bandsMax),
});
export type CustomInstrumentBody = z.infer<typeof customInstrumentBody>;

const customRules =
  'Every text exists in every chosen language; the bands cover the score range (sum: options × items; mean: the option range, one decimal) without gaps or overlaps (422 invalid_definition).';

export const instrumentRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/instruments',
    tags: ['measures'],
    summary: "The provider's instruments: built-ins first, then its own questionnaires (latest version)",
    responses: { 200: items(instrumentSummary) },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/instruments/:key',
    tags: ['measures'],
    summary: 'One instrument with its full definition (the provider settings applied)',
    params: instrumentKeyParams,
    responses: { 200: instrumentSummary.extend({ definition: instrumentDefinition }) },
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/instruments',
    tags: ['measures'],
    summary: "Create the provider's own questionnaire",
    description: `${customRules} The key is derived from the name.`,
    body: customInstrumentBody,
    responses: { 201: instrumentSummary },
    errors: [422],
  }),
  revise: defineRoute({
    method: 'PUT',
    path: '/api/instruments/:key',
    tags: ['measures'],
    summary: "A new version of the provider's own questionnaire (answers keep theirs)",
    description: `${customRules} Built-in instruments cannot be changed (422 built_in); a concurrent change answers 409.`,
    params: instrumentKeyParams,
    body: customInstrumentBody,
    responses: { 200: instrumentSummary },
    errors: [409, 422],
  }),
  setActive: defineRoute({
    method: 'PATCH',
    path: '/api/instruments/:key',
    tags: ['measures'],
    summary: "Switch the provider's own questionnaire on or off",
    description: 'Built-in instruments cannot be switched off (422 built_in).',
    params: instrumentKeyParams,
    body: z.object({ active: z.boolean() }),
    responses: { 200: instrumentSummary },
    errors: [422],
  }),
};

// ---------------------------------------------------------------------------------------------
// Provider-entered official translations of built-in instruments

const translationText = z.string().trim().max(L.localTextMax);

/** Every text of a built-in in one language; what is missing is named by the 422, not the 400. */
export const translationTexts = z.object({
  name: translationText.optional(),
  instructions: translationText.optional(),
  /** Item id → its text. */
  items: z.record(z.string().max(L.answerIdMax), translationText).optional(),
  /** Option set id → the option's value as a string → its label. */
  options: z.record(z.string().max(L.answerIdMax), z.record(z.string().max(12), translationText)).optional(),
});

export const instrumentTranslationBody = z.object({
  locale,
  texts: translationTexts,
  /** Where the official translation comes from (its publisher, edition). */
  source: z.string().trim().min(1).max(L.localTextMax),
  /** What the provider's licence allows, in its own words (may be empty). */
  licenceNote: z.string().trim().max(L.localTextMax).default(''),
});
export type InstrumentTranslationBody = z.input<typeof instrumentTranslationBody>;

export const instrumentTranslation = z.object({
  id: uuid,
  instrumentKey: z.string(),
  locale,
  version: z.number().int(),
  texts: z.object({
    name: z.string(),
    instructions: z.string(),
    items: z.record(z.string(), z.string()),
    options: z.record(z.string(), z.record(z.string(), z.string())),
  }),
  source: z.string(),
  licenceNote: z.string(),
  enteredBy: z.object({ id: uuid, name: z.string() }).nullable(),
  enteredAt: instantOut,
  withdrawnAt: instantOut.nullable(),
  /** The version respondents are shown (the newest one not withdrawn, in a language we do not ship). */
  current: z.boolean(),
});
export type InstrumentTranslation = z.infer<typeof instrumentTranslation>;

/** The provider-entered translation an answer was given in: its language and version. */
export const shownTranslation = z.object({ locale, version: z.number().int() });
export type ShownTranslation = z.infer<typeof shownTranslation>;

const translationRules =
  'Only built-in instruments, only a language the built-in does not ship officially (422 locale already_official; one language has one wording). Every text must be there and non-empty, no unknown ids (422 invalid_translation, each field named: texts.name, texts.instructions, texts.items.<id>, texts.options.<set>.<value>). Each one is the next version for its language; the newest not withdrawn is shown. Scoring stays the built-in one.';

export const instrumentTranslationRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/instruments/:key/translations',
    tags: ['measures'],
    summary: "The provider's entered translations of a built-in instrument, every version, newest first",
    params: instrumentKeyParams,
    responses: { 200: items(instrumentTranslation) },
    errors: [404],
  }),
  add: defineRoute({
    method: 'POST',
    path: '/api/instruments/:key/translations',
    tags: ['measures'],
    summary: 'Enter the official translation the provider holds of a built-in instrument (a new version)',
    description: translationRules,
    params: instrumentKeyParams,
    body: instrumentTranslationBody,
    responses: { 201: instrumentTranslation },
    errors: [404, 409, 422],
  }),
  withdraw: defineRoute({
    method: 'POST',
    path: '/api/instrument-translations/:id/withdraw',
    tags: ['measures'],
    summary: 'Withdraw a version: respondents are no longer shown it (answers given in it keep its words)',
    description: 'A version withdrawn already answers 409.',
    params: idParams,
    responses: { 200: instrumentTranslation },
    errors: [404, 409],
  }),
};

// ---------------------------------------------------------------------------------------------
// Settings

export const measureSettings = z.object({
  pcptsd5Cutoff,
  tsqLicensed: z.boolean(),
  tsqLicenceConfirmedAt: instantOut.nullable(),
  escalationMinutes: z.number().int(),
  linkValidDays: z.number().int(),
  reminderAfterHours: z.number().int(),
  guidance: localTextOut,
  sickDayCostCents: z.number().int().nullable(),
  /** The country's estimate (null where none is on record: Sweden). */
  defaultSickDayCostCents: z.number().int().nullable(),
  currency: measureCurrency,
  country: measureCountry,
  /** The national crisis lines, worded in the caller's language. */
  crisisLines: z.array(crisisLine),
});
export type MeasureSettings = z.infer<typeof measureSettings>;

export const escalationMinutes = z.number().int().min(L.escalationMinutesMin).max(L.escalationMinutesMax);
export const linkValidDays = z.number().int().min(L.linkValidDaysMin).max(L.linkValidDaysMax);
export const reminderAfterHours = z.number().int().min(L.reminderAfterHoursMin).max(L.reminderAfterHoursMax);
export const sickDayCostCents = z.number().int().min(L.sickDayCostCentsMin).max(L.sickDayCostCentsMax);

export const measureSettingsPatch = z
  .object({
    pcptsd5Cutoff: pcptsd5Cutoff.optional(),
    tsqLicensed: z.boolean().optional(),
    escalationMinutes: escalationMinutes.optional(),
    linkValidDays: linkValidDays.optional(),
    reminderAfterHours: reminderAfterHours.optional(),
    guidance: localText.optional(),
    sickDayCostCents: sickDayCostCents.nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

export const measureSettingsRoutes = {
  get: defineRoute({
    method: 'GET',
    path: '/api/measures/settings',
    tags: ['measures'],
    summary: "The provider's measure settings (defaults until changed)",
    responses: { 200: measureSettings },
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/measures/settings',
    tags: ['measures'],
    summary: "Change the provider's measure settings",
    description: 'A PATCH must change something. tsqLicensed true records who confirmed the licence and when.',
    body: measureSettingsPatch,
    responses: { 200: measureSettings },
  }),
};

// ---------------------------------------------------------------------------------------------
// Check-in plans and check-ins of a process

export const checkinPlan = z.object({
  id: uuid,
  instrumentKey: z.string(),
  trigger: checkinTrigger,
  everyN: z.number().int().nullable(),
  offsetDays: z.number().int().nullable(),
  createdAt: instantOut,
});
export type CheckinPlan = z.infer<typeof checkinPlan>;

export const checkin = z.object({
  id: uuid,
  personId: uuid,
  personName: z.string(),
  instrumentKey: z.string(),
  status: checkinStatus,
  dueAt: instantOut,
  sentAt: instantOut.nullable(),
  expiresAt: instantOut.nullable(),
  remindedAt: instantOut.nullable(),
  answeredAt: instantOut.nullable(),
  /** What a planned check-in is tied to (`before_first`, `meeting:<id>`, `offset:<days>`, `end`). */
  anchor: z.string().nullable(),
  planId: uuid.nullable(),
  responseId: uuid.nullable(),
  score: z.number().nullable(),
  bandId: z.string().nullable(),
  alertLevel: alertLevel.nullable(),
  /** Set when the answer was given in a translation the provider entered (reports mark it). */
  translation: shownTranslation.nullable(),
});
export type Checkin = z.infer<typeof checkin>;

export const everyN = z.number().int().min(L.everyNMin).max(L.everyNMax);
export const offsetDays = z.number().int().min(L.offsetDaysMin).max(L.offsetDaysMax);

export const checkinPlanBody = z.object({
  instrumentKey,
  trigger: checkinTrigger,
  everyN: everyN.optional(),
  offsetDays: offsetDays.optional(),
});

export const sendCheckinsBody = z.object({
  instrumentKey,
  /** Omitted: every participant of the process. */
  personIds: z.array(uuid).min(1).max(L.recipientsMax).optional(),
});

export const sendCheckinsResult = z.object({
  items: z.array(checkin),
  skipped: z.array(z.object({ personId: uuid, reason: skipReason })),
});
export type SendCheckinsResult = z.infer<typeof sendCheckinsResult>;

const usable =
  'The instrument must exist and be available (licence confirmed, active): else 422 invalid_reference or instrument_unavailable.';

export const checkinRoutes = {
  ofProcess: defineRoute({
    method: 'GET',
    path: '/api/processes/:id/checkins',
    tags: ['measures'],
    summary: "A process's check-in plans and its check-ins (the latest 500, newest due first)",
    params: idParams,
    responses: { 200: z.object({ plans: z.array(checkinPlan), checkins: z.array(checkin), protocolApplied: z.boolean() }) },
  }),
  send: defineRoute({
    method: 'POST',
    path: '/api/processes/:id/checkins',
    tags: ['measures'],
    summary: "Send an instrument to the process's participants now",
    description: `${usable} personIds must be participants of the process (422 invalid_reference); people without an address, or asked too recently, are skipped and listed.`,
    params: idParams,
    body: sendCheckinsBody,
    responses: { 201: sendCheckinsResult },
    errors: [422],
  }),
  createPlan: defineRoute({
    method: 'POST',
    path: '/api/processes/:id/checkin-plans',
    tags: ['measures'],
    summary: 'Plan check-ins for a process',
    description: `${usable} everyN is required for every_nth and offsetDays for offset_days (422 invalid_plan); other triggers ignore them.`,
    params: idParams,
    body: checkinPlanBody,
    responses: { 201: checkinPlan },
    errors: [422],
  }),
  applyCrisisProtocol: defineRoute({
    method: 'POST',
    path: '/api/processes/:id/checkin-plans/crisis-protocol',
    tags: ['measures'],
    summary: 'Plan the crisis follow-up protocol (well-being at day 3 and each meeting, trauma screen at 4 weeks and 3 months)',
    description: 'Crisis processes only (422 not_a_crisis); once per process (409).',
    params: idParams,
    responses: { 201: items(checkinPlan) },
    errors: [409, 422],
  }),
  deletePlan: defineRoute({
    method: 'DELETE',
    path: '/api/checkin-plans/:id',
    tags: ['measures'],
    summary: 'Remove a plan; its check-ins not yet sent are cancelled',
    params: idParams,
    responses: { 204: null },
  }),
  cancel: defineRoute({
    method: 'POST',
    path: '/api/checkins/:id/cancel',
    tags: ['measures'],
    summary: 'Cancel a check-in (its link stops working)',
    description: 'An answered check-in cannot be cancelled (409).',
    params: idParams,
    responses: { 200: checkin },
    errors: [409],
  }),
};

// ---------------------------------------------------------------------------------------------
// The respondent (the link is the credential)

export const respondItem = z.discriminatedUnion('type', [
  z.object({
    id: z.string(),
    type: z.literal('choice'),
    text: z.string(),
    options: z.array(z.object({ value: z.number(), label: z.string() })),
  }),
  z.object({ id: z.string(), type: z.literal('text'), text: z.string(), maxLength: z.number().int() }),
]);
export type RespondItem = z.infer<typeof respondItem>;

export const respondForm = z.object({
  providerName: z.string(),
  /** The language the instrument is worded in (the wanted one when it exists, else English, else its first). */
  locale,
  availableLocales: z.array(locale),
  /** Set when the questionnaire's language is one the provider entered itself (the form says so). */
  providerEntered: z.object({ version: z.number().int(), source: z.string() }).nullable(),
  expiresAt: instantOut,
  draft: answers.nullable(),
  instrument: z.object({
    key: z.string(),
    version: z.number().int(),
    name: z.string(),
    instructions: z.string(),
    items: z.array(respondItem),
    gate: gate.nullable(),
  }),
});
export type RespondForm = z.infer<typeof respondForm>;

export const respondResult = z.object({
  result: z.object({
    score: z.number(),
    min: z.number(),
    max: z.number(),
    higherIsBetter: z.boolean(),
    /** The respondent's band: `label` is the plain-language headline in the respondent's language (staff views keep the clinician wording). */
    band: z.object({ id: z.string(), label: z.string(), severity }),
    /** The result in plain words, whole. */
    explanation: z.string(),
    /** What to do next (with what to do right now when the crisis lines are shown). */
    nextSteps: z.string(),
    guidance: z.object({
      show: z.boolean(),
      text: z.string().nullable(),
      /** The language `text` is in: the respondent's when the provider wrote it, else the provider's own (the page marks it). */
      textLocale: locale.nullable(),
      crisisLines: z.array(crisisLine),
      /** The emergency sentence, made from the country's emergency lines in the respondent's language. */
      emergency: z.string(),
    }),
  }),
});
export type RespondResult = z.infer<typeof respondResult>;

const linkRules =
  'No session: the token is the credential. An unknown or cancelled link answers 404 link_unknown, an answered one 409 already_answered, an expired one 410 link_expired (the provider named in the field providerName).';

export const respondRoutes = {
  form: defineRoute({
    method: 'GET',
    path: '/api/respond/:token',
    tags: ['measures'],
    summary: 'The questionnaire a link opens, in the wanted language when it exists, with the saved draft',
    description: linkRules,
    params: tokenParams,
    // locale: the page's language; formLocale: the questionnaire language the respondent chose.
    query: z.object({ locale: locale.optional(), formLocale: locale.optional() }),
    responses: { 200: respondForm },
    errors: [404, 409, 410],
  }),
  saveDraft: defineRoute({
    method: 'PUT',
    path: '/api/respond/:token/draft',
    tags: ['measures'],
    summary: 'Keep a half-answered questionnaire (sealed)',
    description: `${linkRules} Answers must name the instrument's items and options (400 naming answers.<item>).`,
    params: tokenParams,
    body: z.object({ answers }),
    responses: { 200: z.object({ savedAt: instantOut }) },
    errors: [404, 409, 410],
  }),
  submit: defineRoute({
    method: 'POST',
    path: '/api/respond/:token',
    tags: ['measures'],
    summary: 'Answer the questionnaire: the score, its band and, when it calls for it, where to get help',
    description: `${linkRules} Every asked choice item must be answered (400 naming answers.<item>); text items are optional. locale words the result.`,
    params: tokenParams,
    // formLocale: the language the questionnaire was shown in (recorded with the answer).
    body: z.object({ answers, locale: locale.optional(), formLocale: locale.optional() }),
    responses: { 200: respondResult },
    errors: [404, 409, 410],
  }),
};

// ---------------------------------------------------------------------------------------------
// Results

export const series = z.object({
  instrumentKey: z.string(),
  name: localTextOut,
  min: z.number(),
  max: z.number(),
  higherIsBetter: z.boolean(),
  bands: z.array(z.object({ id: z.string(), min: z.number(), max: z.number(), label: localTextOut, severity })),
  points: z.array(
    z.object({
      responseId: uuid,
      at: instantOut,
      score: z.number(),
      bandId: z.string(),
      processId: uuid,
      /** Set when the answer was given in a translation the provider entered (reports mark it). */
      translation: shownTranslation.nullable(),
    }),
  ),
});
export type Series = z.infer<typeof series>;

const personRef = z.object({ id: uuid, name: z.string() });

export const personMeasures = z.object({ person: personRef, series: z.array(series) });
/** A participant with no person record yet has `person: null`. */
export const myMeasures = z.object({ person: personRef.nullable(), series: z.array(series) });
export type PersonMeasures = z.infer<typeof myMeasures>;

export const responseDetail = z.object({
  id: uuid,
  personId: uuid,
  personName: z.string(),
  processId: uuid,
  instrumentKey: z.string(),
  instrumentName: z.string(),
  submittedAt: instantOut,
  score: z.number(),
  band: z.object({ id: z.string(), label: z.string(), severity }),
  flags: z.array(z.object({ id: z.string(), label: z.string() })),
  /** The choice items; `answer` null for an item the gate left unasked. */
  items: z.array(z.object({ id: z.string(), text: z.string(), answer: z.number().nullable(), answerLabel: z.string().nullable() })),
  /** Item id → the text the person wrote (decrypted for this read). */
  freeText: z.record(z.string(), z.string()),
  /** The language the person was shown (null: answered before it was recorded). */
  formLocale: locale.nullable(),
  /** Set when that language was the provider's own entered translation: reports say so. */
  providerEntered: z.object({ version: z.number().int(), source: z.string(), providerName: z.string() }).nullable(),
});
export type ResponseDetail = z.infer<typeof responseDetail>;

export const resultRoutes = {
  person: defineRoute({
    method: 'GET',
    path: '/api/people/:id/measures',
    tags: ['measures'],
    summary: "A person's scores over time, per instrument (the caller's processes only; audited)",
    params: idParams,
    responses: { 200: personMeasures },
  }),
  mine: defineRoute({
    method: 'GET',
    path: '/api/me/measures',
    tags: ['measures'],
    summary: "The signed-in participant's own scores over time",
    responses: { 200: myMeasures },
  }),
  response: defineRoute({
    method: 'GET',
    path: '/api/responses/:id',
    tags: ['measures'],
    summary: 'One answer in full, worded in the caller’s language (audited)',
    params: idParams,
    responses: { 200: responseDetail },
  }),
};

// ---------------------------------------------------------------------------------------------
// Alerts

export const alert = z.object({
  id: uuid,
  processId: uuid,
  processTitle: z.string(),
  personId: uuid,
  personName: z.string(),
  instrumentKey: z.string(),
  /** `band:<id>`, `flag:<id>` or `drop` (measures-logic.ts parseReason). */
  reasons: z.array(z.string()),
  level: alertLevel,
  status: alertStatus,
  score: z.number(),
  bandId: z.string(),
  createdAt: instantOut,
  acknowledgedAt: instantOut.nullable(),
  contactedAt: instantOut.nullable(),
  referralAt: instantOut.nullable(),
  closedAt: instantOut.nullable(),
  outcome: alertOutcome.nullable(),
  escalatedAt: instantOut.nullable(),
  responseId: uuid,
});
export type Alert = z.infer<typeof alert>;

export const alertDetail = alert.extend({ referralNote: z.string().nullable() });
export type AlertDetail = z.infer<typeof alertDetail>;

export const referralNote = z.string().trim().min(1).max(L.referralNoteMax);

const stepRules = 'A closed alert cannot change (409); acknowledging twice answers 409. Every step acknowledges an unacknowledged alert.';

export const alertRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/alerts',
    tags: ['measures'],
    summary: "The practitioner's alerts, urgent open ones first (at most 500)",
    query: z.object({ status: alertFilter.default('open') }),
    responses: { 200: items(alert) },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/alerts/:id',
    tags: ['measures'],
    summary: 'One alert with its referral note (reading the note is audited)',
    params: idParams,
    responses: { 200: alertDetail },
  }),
  acknowledge: defineRoute({
    method: 'POST',
    path: '/api/alerts/:id/acknowledge',
    tags: ['measures'],
    summary: 'Acknowledge an alert',
    description: stepRules,
    params: idParams,
    responses: { 200: alertDetail },
    errors: [409],
  }),
  contact: defineRoute({
    method: 'POST',
    path: '/api/alerts/:id/contact',
    tags: ['measures'],
    summary: 'Record that the person was contacted',
    description: stepRules,
    params: idParams,
    responses: { 200: alertDetail },
    errors: [409],
  }),
  referral: defineRoute({
    method: 'POST',
    path: '/api/alerts/:id/referral',
    tags: ['measures'],
    summary: 'Record a referral offered, with a note (sealed)',
    description: stepRules,
    params: idParams,
    body: z.object({ note: referralNote }),
    responses: { 200: alertDetail },
    errors: [409],
  }),
  close: defineRoute({
    method: 'POST',
    path: '/api/alerts/:id/close',
    tags: ['measures'],
    summary: 'Close an alert with its outcome',
    description: stepRules,
    params: idParams,
    body: z.object({ outcome: alertOutcome }),
    responses: { 200: alertDetail },
    errors: [409],
  }),
};

// ---------------------------------------------------------------------------------------------
// Aggregates and the ROI scenario

export const aggregateMonth = z.object({
  month: z.string(),
  shown: z.boolean(),
  reason: monthHiddenReason.nullable(),
  respondents: z.number().int().optional(),
  mean: z.number().optional(),
  /** Band id → answers in it. */
  bandCounts: z.record(z.string(), z.number().int()).optional(),
});
export type AggregateMonth = z.infer<typeof aggregateMonth>;

export const aggregate = z.object({
  instrumentKey: z.string(),
  name: localTextOut,
  min: z.number(),
  max: z.number(),
  higherIsBetter: z.boolean(),
  bands: z.array(z.object({ id: z.string(), label: localTextOut, severity })),
  months: z.array(aggregateMonth),
});
export type Aggregate = z.infer<typeof aggregate>;

export const aggregates = z.object({ minGroupSize: z.number().int(), items: z.array(aggregate) });
export type Aggregates = z.infer<typeof aggregates>;

export const roiQuery = z.object({
  organisationId: uuid,
  from: month,
  to: month,
  sickDayCostCents: queryInt(L.sickDayCostCentsMin, L.sickDayCostCentsMax).optional(),
});

export const roiScenario = z.object({
  organisationId: uuid,
  from: month,
  to: month,
  currency: measureCurrency,
  supportCostCents: z.number().int(),
  heldSessions: z.number().int(),
  /** Null when no figure is on record (Sweden's default) and none was given. */
  sickDayCostCents: z.number().int().nullable(),
  sickDayCostSource,
  /** Sick-leave days the support would need to prevent to pay for itself; null without a day cost. */
  breakEvenDays: z.number().nullable(),
  scenario: z.literal(true),
});
export type RoiScenario = z.infer<typeof roiScenario>;

export const reportRoutes = {
  aggregates: defineRoute({
    method: 'GET',
    path: '/api/measures/aggregates',
    tags: ['measures'],
    summary: 'Aggregates per instrument and closed month for a process or an organisation',
    description:
      'Exactly one of processId, organisationId (422 invalid_scope); one the caller cannot reach answers 404. A month is shown only once it has ended and when at least minGroupSize people answered, and never so that whole minus parts would single anyone out. Months are in the provider’s time zone.',
    query: z.object({ processId: uuid.optional(), organisationId: uuid.optional() }),
    responses: { 200: aggregates },
    errors: [404, 422],
  }),
  roi: defineRoute({
    method: 'GET',
    path: '/api/measures/roi',
    tags: ['measures'],
    summary: 'The return-on-investment scenario: support cost against the sick-leave days it would need to prevent',
    description:
      'A scenario, never a finding. to must not be before from, and the range at most 36 months (422 invalid_range). The sick-day cost: the query, else the provider setting, else the country default.',
    query: roiQuery,
    responses: { 200: roiScenario },
    errors: [404, 422],
  }),
};
