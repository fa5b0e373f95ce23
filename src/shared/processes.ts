import { z } from 'zod';
import { defineRoute } from './http.js';
import { type Locale, locales } from './locales.js';
import {
  calendarDate,
  dateOut,
  email,
  idParams,
  instantOut,
  items,
  locale,
  month,
  nonEmpty,
  nonEmptyMessage,
  text,
  uuid,
} from './schemas.js';

/**
 * The contract of the `processes` module (services, people of client organisations, processes,
 * goals, "what works", continuing, scaling, invoicing): enums, limits, the status machine and the
 * route definitions. The server validates with them; the web types its data and checks its forms
 * with the very same objects.
 */

// ---------------------------------------------------------------------------------------------
// Enumerations

export const processKinds = ['individual', 'group', 'work_community', 'leader', 'crisis_individual', 'crisis_group'] as const;
export const processKind = z.enum(processKinds);
export type ProcessKind = z.infer<typeof processKind>;

/** The kinds a process may be continued as (a crisis process continues as ordinary supervision). */
export const continueKinds = ['individual', 'group', 'work_community'] as const;
export const continueKind = z.enum(continueKinds);
export type ContinueKind = z.infer<typeof continueKind>;

export const cadences = ['crisis', 'weekly', 'biweekly', 'monthly'] as const;
export const cadence = z.enum(cadences);
export type Cadence = z.infer<typeof cadence>;

export const places = ['on_site', 'office', 'video'] as const;
export const place = z.enum(places);
export type Place = z.infer<typeof place>;

export const processStatuses = ['proposed', 'agreed', 'active', 'paused', 'completed', 'cancelled'] as const;
export const processStatus = z.enum(processStatuses);
export type ProcessStatus = z.infer<typeof processStatus>;

export const currencies = ['EUR', 'SEK', 'NOK'] as const;
export const currency = z.enum(currencies);
export type Currency = z.infer<typeof currency>;

/** The statuses of a meeting, as a process lists its meetings (the scheduling module owns them). */
export const meetingStatuses = ['planned', 'held', 'cancelled'] as const;
export const meetingStatus = z.enum(meetingStatuses);
export type MeetingStatus = z.infer<typeof meetingStatus>;

// ---------------------------------------------------------------------------------------------
// Limits: written once, read by the server's validation and the web's forms

export const processLimits = {
  /** Names and titles of services, people and processes. */
  nameMax: 200,
  minutesMin: 15,
  minutesMax: 480,
  centsMin: 0,
  centsMax: 100_000_000,
  agreedSessionsMin: 1,
  agreedSessionsMax: 500,
  phoneMin: 3,
  phoneMax: 40,
  locationMax: 300,
  videoLinkMax: 500,
  reasonMax: 500,
  goalTitleMax: 300,
  whatWorksMax: 1000,
  peopleQueryMax: 100,
  practitionersMax: 20,
  participantsMax: 500,
} as const;

const L = processLimits;

/** A name or title: trimmed, 1–200 characters. */
export const nameText = text(L.nameMax);
/** A session's length in minutes, 15–480. */
export const minutes = z.number().int().min(L.minutesMin).max(L.minutesMax);
/** A price in cents (minor units), 0–100 000 000. */
export const cents = z.number().int().min(L.centsMin).max(L.centsMax);
/** The number of sessions agreed for a process, 1–500. */
export const agreedSessions = z.number().int().min(L.agreedSessionsMin).max(L.agreedSessionsMax);
export const phone = z.string().trim().min(L.phoneMin).max(L.phoneMax);
export const locationText = text(L.locationMax);
export const videoLink = z
  .string()
  .trim()
  .url()
  .max(L.videoLinkMax)
  .refine((v) => /^https:\/\//i.test(v), 'expected an https link');
export const statusReason = text(L.reasonMax);
export const goalTitle = text(L.goalTitleMax);
export const whatWorksText = text(L.whatWorksMax);
export const processDate = calendarDate;
export const language = locale;
export type Language = z.infer<typeof language>;

// ---------------------------------------------------------------------------------------------
// Status machine

/** The only moves a process may make (docs/api-supervision.md, "Module processes"). */
export const allowedTransitions: Readonly<Record<ProcessStatus, readonly ProcessStatus[]>> = {
  proposed: ['agreed', 'cancelled'],
  agreed: ['active', 'cancelled'],
  active: ['paused', 'completed', 'cancelled'],
  paused: ['active', 'completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

/** The statuses of a process still under way. */
export const openStatuses: readonly ProcessStatus[] = processStatuses.filter((s) => s !== 'completed' && s !== 'cancelled');

export const isOpen = (status: ProcessStatus): boolean => status !== 'completed' && status !== 'cancelled';

/** The statuses a process in `from` may move to (none once it is closed). */
export const nextStatuses = (from: ProcessStatus): readonly ProcessStatus[] => allowedTransitions[from];

export type TransitionResult = { ok: true } | { ok: false; reason: string };

/** May a process go from `from` to `to`? When not, a reason fit to show the user. */
export function transition(from: ProcessStatus, to: ProcessStatus): TransitionResult {
  if (from === to) return { ok: false, reason: `The process is already ${from}` };
  if (!isOpen(from)) return { ok: false, reason: `A ${from} process cannot change its status` };
  if (!allowedTransitions[from].includes(to)) {
    return { ok: false, reason: `A ${from} process can become ${allowedTransitions[from].join(', ')}, not ${to}` };
  }
  return { ok: true };
}

export const crisisKinds: readonly ProcessKind[] = ['crisis_individual', 'crisis_group'];
export const isCrisisKind = (kind: ProcessKind): boolean => crisisKinds.includes(kind);

/**
 * A service's name in each language the provider names it in; at least one. Agreements print in
 * the process's language, pages in the reader's, so one name per service would be wrong for
 * someone either way.
 */
export const serviceNames = z
  .object({ fi: nameText.optional(), sv: nameText.optional(), nb: nameText.optional(), en: nameText.optional() })
  .strict()
  .refine((n) => locales.some((l) => n[l]), { message: 'name the service in at least one language', path: ['fi'] });
export type ServiceNames = Partial<Record<Locale, string>>;

/** Where a wanted language has no name: English, then the Nordic ones (the names a reader is likeliest to read). */
const nameFallback: readonly Locale[] = ['en', 'fi', 'sv', 'nb'];

/** The service's name in `locale`, or in the nearest language it has a name in. */
export function serviceNameIn(names: ServiceNames, locale: string): string {
  const wanted = names[locale as Locale];
  if (wanted) return wanted;
  // Swedish and Norwegian readers read each other's language more easily than English.
  const neighbour = locale === 'nb' ? names.sv : locale === 'sv' ? names.nb : undefined;
  return neighbour ?? nameFallback.map((l) => names[l]).find(Boolean) ?? '';
}

/**
 * VAT of a service: taxable at a rate (percent, up to two decimals: 25.5), or exempt on a legal
 * ground printed on the invoicing basis (work supervision can be health care, exempt, or not).
 */
export const vatTreatments = ['taxable', 'exempt'] as const;
export type VatTreatment = (typeof vatTreatments)[number];
export const vatRatePercent = z
  .number()
  .min(0)
  .max(100)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, 'at most two decimals');
export const vatGroundMax = 200;
export const serviceVat = z.discriminatedUnion('treatment', [
  z.object({ treatment: z.literal('taxable'), ratePercent: vatRatePercent }),
  z.object({ treatment: z.literal('exempt'), ground: text(vatGroundMax) }),
]);
export type ServiceVat = z.infer<typeof serviceVat>;

/**
 * The standard rate and the usual health-care exemption ground of each country, a new service's
 * defaults: FI 25.5 % since 1.9.2024 and AVL 34 § (health care); SE 25 % and 3 kap. 4 § ML
 * (health care); NO 25 % and merverdiavgiftsloven § 3-2 (health services).
 */
export const vatDefaults: Record<string, { ratePercent: number; exemptGround: string }> = {
  FI: { ratePercent: 25.5, exemptGround: 'AVL 34 §' },
  SE: { ratePercent: 25, exemptGround: '3 kap. 4 § ML' },
  NO: { ratePercent: 25, exemptGround: 'mval. § 3-2' },
};
export const vatDefaultsOf = (country: string) => vatDefaults[country] ?? { ratePercent: 25, exemptGround: '' };

/** A crisis process: of a crisis kind, or following the crisis cadence. */
export function isCrisis(process: { kind: string; cadence: string }): boolean {
  return process.kind.startsWith('crisis') || process.cadence === 'crisis';
}

// ---------------------------------------------------------------------------------------------
// Answers

export const service = z.object({
  id: uuid,
  kind: processKind,
  names: z.object({ fi: z.string().optional(), sv: z.string().optional(), nb: z.string().optional(), en: z.string().optional() }),
  vat: serviceVat,
  defaultMinutes: z.number().int(),
  defaultCadence: cadence,
  defaultPlace: place,
  /** Net of VAT. */
  priceCents: z.number().int(),
  currency,
  active: z.boolean(),
});
export type Service = z.infer<typeof service>;

export const person = z.object({
  id: uuid,
  organisationId: uuid,
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  locale: locale.nullable(),
  unitId: uuid.nullable(),
});
export type Person = z.infer<typeof person>;

export const goal = z.object({ id: uuid, title: z.string(), closedAt: instantOut.nullable() });
export type Goal = z.infer<typeof goal>;

export const whatWorks = z.object({ id: uuid, text: z.string(), meetingId: uuid.nullable(), createdAt: instantOut });
export type WhatWorks = z.infer<typeof whatWorks>;

export const processSummary = z.object({
  id: uuid,
  title: z.string(),
  kind: processKind,
  status: processStatus,
  organisationId: uuid,
  organisationName: z.string(),
  /** The service's name in the process's language (the agreement's), with its other names beside. */
  serviceName: z.string(),
  serviceNames: service.shape.names,
  cadence,
  practitionerNames: z.array(z.string()),
  /** Null for a participant, who does not see who else takes part. */
  participantCount: z.number().int().min(0).nullable(),
  nextMeetingAt: instantOut.nullable(),
  lastMeetingAt: instantOut.nullable(),
  continuedFromId: uuid.nullable(),
});
export type ProcessSummary = z.infer<typeof processSummary>;

export const statusChange = z.object({
  fromStatus: processStatus.nullable(),
  toStatus: processStatus,
  reason: z.string().nullable(),
  at: instantOut,
  byName: z.string().nullable(),
});
export type StatusChange = z.infer<typeof statusChange>;

export const processMeeting = z.object({ id: uuid, startsAt: instantOut, endsAt: instantOut, status: meetingStatus });

export const processDetail = processSummary.extend({
  serviceId: uuid,
  sessionMinutes: z.number().int(),
  place,
  location: z.string().nullable(),
  videoLink: z.string().nullable(),
  priceCents: z.number().int(),
  currency,
  agreedSessions: z.number().int().nullable(),
  language,
  startDate: dateOut.nullable(),
  reviewDate: dateOut.nullable(),
  crisisEventAt: instantOut.nullable(),
  requestId: uuid.nullable(),
  practitioners: z.array(z.object({ userId: uuid, name: z.string(), email: z.string() })),
  participants: z.array(z.object({ personId: uuid, name: z.string(), email: z.string().nullable() })),
  goals: z.array(goal),
  whatWorks: z.array(whatWorks),
  history: z.array(statusChange),
  continuedAsId: uuid.nullable(),
  meetings: z.array(processMeeting),
});
export type ProcessDetail = z.infer<typeof processDetail>;

export const scalingPoint = z.object({ meetingId: uuid, startsAt: instantOut, personId: uuid.nullable(), value: z.number().int() });
export type ScalingPoint = z.infer<typeof scalingPoint>;
export const scaling = z.object({ goals: z.array(z.object({ goalId: uuid, title: z.string(), points: z.array(scalingPoint) })) });
export type Scaling = z.infer<typeof scaling>;

/** How a line is taxed: a rate in percent, or exempt with the legal ground. */
export const lineVat = z.object({ treatment: z.enum(vatTreatments), ratePercent: z.number().nullable(), ground: z.string().nullable() });
export const vatAmounts = z.object({ netCents: z.number().int(), vatCents: z.number().int(), grossCents: z.number().int() });

export const invoicingRow = z.object({
  meetingId: uuid,
  /** The meeting's date on the provider's wall clock. */
  date: dateOut,
  processTitle: z.string(),
  /** In the provider's language; `serviceNames` has the others. */
  serviceName: z.string(),
  serviceNames: service.shape.names,
  status: z.enum(['held', 'cancelled']),
  lateCancellation: z.boolean(),
  priceCents: z.number().int(),
  /** Net of VAT: what the meeting costs the client before tax. */
  chargedCents: z.number().int(),
  vat: lineVat,
  vatCents: z.number().int(),
  grossCents: z.number().int(),
});
export const invoicing = z.object({
  provider: z.object({ name: z.string(), businessId: z.string().nullable(), country: z.string() }),
  organisation: z.object({ id: uuid, name: z.string(), businessId: z.string().nullable() }),
  month,
  currency,
  rows: z.array(invoicingRow),
  /** Net total (the sum of `chargedCents`). */
  totalCents: z.number().int(),
  vatCents: z.number().int(),
  grossCents: z.number().int(),
  /** Totals per VAT rate or exemption, highest rate first, exemptions last. */
  byVat: z.array(lineVat.extend(vatAmounts.shape)),
});
export type Invoicing = z.infer<typeof invoicing>;

// ---------------------------------------------------------------------------------------------
// Requests

export const serviceBody = z.object({
  kind: processKind,
  names: serviceNames,
  defaultMinutes: minutes,
  defaultCadence: cadence,
  defaultPlace: place,
  priceCents: cents,
  currency: currency.optional(),
  /** Without it, taxable at the standard rate of the provider's country. */
  vat: serviceVat.optional(),
  active: z.boolean().optional(),
});
export const servicePatch = serviceBody.partial().refine(nonEmpty, nonEmptyMessage);

export const personBody = z.object({
  organisationId: uuid,
  name: nameText,
  email: email.optional(),
  phone: phone.optional(),
  locale: locale.optional(),
  unitId: uuid.optional(),
});
export const personPatch = z
  .object({
    name: nameText.optional(),
    email: email.nullable().optional(),
    phone: phone.nullable().optional(),
    locale: locale.nullable().optional(),
    unitId: uuid.nullable().optional(),
  })
  .refine(nonEmpty, nonEmptyMessage);

export const processQuery = z.object({ status: z.union([processStatus, z.literal('open')]).optional(), organisationId: uuid.optional() });

export const processBody = z.object({
  organisationId: uuid,
  serviceId: uuid,
  title: nameText,
  kind: processKind.optional(),
  cadence: cadence.optional(),
  sessionMinutes: minutes.optional(),
  place: place.optional(),
  location: locationText.optional(),
  videoLink: videoLink.optional(),
  priceCents: cents.optional(),
  agreedSessions: agreedSessions.optional(),
  language: language.optional(),
  startDate: processDate.optional(),
  reviewDate: processDate.optional(),
  practitionerIds: z.array(uuid).max(L.practitionersMax).optional(),
  participantIds: z.array(uuid).max(L.participantsMax).optional(),
});
export type ProcessBody = z.infer<typeof processBody>;

export const processPatch = z
  .object({
    title: nameText.optional(),
    agreedSessions: agreedSessions.nullable().optional(),
    cadence: cadence.optional(),
    sessionMinutes: minutes.optional(),
    place: place.optional(),
    location: locationText.nullable().optional(),
    videoLink: videoLink.nullable().optional(),
    priceCents: cents.optional(),
    language: language.optional(),
    startDate: processDate.nullable().optional(),
    reviewDate: processDate.nullable().optional(),
  })
  .refine(nonEmpty, nonEmptyMessage);

export const statusBody = z.object({ status: processStatus, reason: statusReason.optional() });
export const goalPatch = z.object({ title: goalTitle.optional(), closed: z.boolean().optional() }).refine(nonEmpty, nonEmptyMessage);
export const continueBody = z.object({ kind: continueKind, serviceId: uuid, title: nameText.optional() });
export const invoicingQuery = z.object({ organisationId: uuid, month });

// ---------------------------------------------------------------------------------------------
// Routes

const datesRule = 'The review date is not before the start date (400 otherwise).';

export const serviceRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/services',
    tags: ['services'],
    summary: 'The service catalogue of the provider, active ones first',
    responses: { 200: items(service) },
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/services',
    tags: ['services'],
    summary: 'Add a service to the catalogue',
    description: "Without a currency the service is priced in the currency of the provider's country.",
    body: serviceBody,
    responses: { 201: service },
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/services/:id',
    tags: ['services'],
    summary: 'Change a service',
    description: 'A PATCH must change something. Existing processes and booked meetings keep the price they were agreed at.',
    params: idParams,
    body: servicePatch,
    responses: { 200: service },
  }),
};

export const personRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/people',
    tags: ['people'],
    summary: 'People of client organisations, by name (at most 500)',
    description: '`q` matches a part of the name or the e-mail address, case-insensitively.',
    query: z.object({ organisationId: uuid.optional(), q: z.string().trim().max(L.peopleQueryMax).optional() }),
    responses: { 200: items(person) },
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/people',
    tags: ['people'],
    summary: 'Add a person to a client organisation',
    description: 'The e-mail address is unique within the organisation (409). The unit must be one of the organisation (422).',
    body: personBody,
    responses: { 201: person },
    errors: [404, 409, 422],
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/people/:id',
    tags: ['people'],
    summary: "Change a person's details",
    description:
      "A PATCH must change something. Which fields each caller may change is the policy's (the person changes their contact details). A changed e-mail address is told to the old one.",
    params: idParams,
    body: personPatch,
    responses: { 200: person },
    errors: [409, 422],
  }),
};

export const processRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/processes',
    tags: ['processes'],
    summary: "The processes in the caller's reach, newest first (at most 1000)",
    description: '`status=open` lists the processes not completed or cancelled.',
    query: processQuery,
    responses: { 200: items(processSummary) },
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/processes',
    tags: ['processes'],
    summary: 'Open a process (proposed) with the terms of its service where none are given',
    description: `${datesRule} A practitioner who opens a process joins it. The service must be active, the practitioners of the provider and the participants of the organisation (422).`,
    body: processBody,
    responses: { 201: processDetail },
    errors: [404, 422],
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/processes/:id',
    tags: ['processes'],
    summary: 'A process with its people, goals, "what works", history and meetings',
    params: idParams,
    responses: { 200: processDetail },
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/processes/:id',
    tags: ['processes'],
    summary: 'Change the terms of a process',
    description: `A PATCH must change something. ${datesRule}`,
    params: idParams,
    body: processPatch,
    responses: { 200: processDetail },
  }),
  changeStatus: defineRoute({
    method: 'POST',
    path: '/api/processes/:id/status',
    tags: ['processes'],
    summary: 'Move a process along its status machine',
    description:
      'proposed → agreed | cancelled; agreed → active | cancelled; active → paused | completed | cancelled; paused → active | completed | cancelled. Completed and cancelled are final (422 invalid_transition).',
    params: idParams,
    body: statusBody,
    responses: { 200: processDetail },
    errors: [422],
  }),
  addParticipant: defineRoute({
    method: 'POST',
    path: '/api/processes/:id/participants',
    tags: ['processes'],
    summary: 'Add a participant (a person of the organisation of the process)',
    params: idParams,
    body: z.object({ personId: uuid }),
    responses: { 201: processDetail },
    errors: [409, 422],
  }),
  removeParticipant: defineRoute({
    method: 'DELETE',
    path: '/api/processes/:id/participants/:personId',
    tags: ['processes'],
    summary: 'Remove a participant',
    params: z.object({ id: uuid, personId: uuid }),
    responses: { 204: null },
  }),
  addPractitioner: defineRoute({
    method: 'POST',
    path: '/api/processes/:id/practitioners',
    tags: ['processes'],
    summary: 'Put a practitioner on a process',
    description: 'Nobody assigns themself (403 self_grant).',
    params: idParams,
    body: z.object({ userId: uuid }),
    responses: { 201: processDetail },
    errors: [409, 422],
  }),
  removePractitioner: defineRoute({
    method: 'DELETE',
    path: '/api/processes/:id/practitioners/:userId',
    tags: ['processes'],
    summary: 'Take a practitioner off a process',
    description: 'The last practitioner stays (422 last_practitioner).',
    params: z.object({ id: uuid, userId: uuid }),
    responses: { 204: null },
    errors: [422],
  }),
  addGoal: defineRoute({
    method: 'POST',
    path: '/api/processes/:id/goals',
    tags: ['processes'],
    summary: 'Add a goal',
    params: idParams,
    body: z.object({ title: goalTitle }),
    responses: { 201: goal },
  }),
  addWhatWorks: defineRoute({
    method: 'POST',
    path: '/api/processes/:id/what-works',
    tags: ['processes'],
    summary: 'Record what works',
    description: 'The meeting, if named, must be one of the process (422).',
    params: idParams,
    body: z.object({ text: whatWorksText, meetingId: uuid.optional() }),
    responses: { 201: whatWorks },
    errors: [422],
  }),
  continue: defineRoute({
    method: 'POST',
    path: '/api/processes/:id/continue',
    tags: ['processes'],
    summary: 'Continue a crisis process as ordinary supervision',
    description:
      'Only an open crisis process continues (422), with an active, non-crisis service. The new process takes the practitioners, participants, open goals and planned meetings ahead; the crisis process is completed.',
    params: idParams,
    body: continueBody,
    responses: { 201: processDetail },
    errors: [422],
  }),
  scaling: defineRoute({
    method: 'GET',
    path: '/api/processes/:id/scaling',
    tags: ['processes'],
    summary: 'Scaling answers (0–10) per goal over the chain of continued processes',
    params: idParams,
    responses: { 200: scaling },
  }),
};

export const goalRoutes = {
  update: defineRoute({
    method: 'PATCH',
    path: '/api/goals/:id',
    tags: ['processes'],
    summary: 'Rename, close or reopen a goal',
    description: 'A PATCH must change something.',
    params: idParams,
    body: goalPatch,
    responses: { 200: goal },
  }),
};

export const whatWorksRoutes = {
  remove: defineRoute({
    method: 'DELETE',
    path: '/api/what-works/:id',
    tags: ['processes'],
    summary: 'Remove an entry of "what works"',
    params: idParams,
    responses: { 204: null },
  }),
};

const invoicingRule =
  "The month is the provider's calendar month, in the provider's time zone. Held meetings at their booked price; late cancellations (not the provider's) at the provider's percentage; other cancellations at 0. Prices are net; VAT follows each service's treatment (a rate, or exempt with its legal ground), rounded half up per line to the cent, totals are sums of the lines. Meetings priced in more than one currency answer 422 mixed_currencies.";

export const invoicingRoutes = {
  get: defineRoute({
    method: 'GET',
    path: '/api/invoicing',
    tags: ['invoicing'],
    summary: 'The invoicing basis of a client organisation for a month',
    description: invoicingRule,
    query: invoicingQuery,
    responses: { 200: invoicing },
    errors: [404, 422],
  }),
  csv: defineRoute({
    method: 'GET',
    path: '/api/invoicing.csv',
    tags: ['invoicing'],
    summary: 'The invoicing basis as CSV for Nordic spreadsheets',
    description: `${invoicingRule} UTF-8 with a byte-order mark, \`;\` between fields, CRLF, decimal-comma amounts, headers and service names in the provider's language; after the lines, a total per VAT rate or exemption and the grand total.`,
    produces: 'text/csv',
    query: invoicingQuery,
    responses: { 200: z.string() },
    errors: [404, 422],
  }),
};
