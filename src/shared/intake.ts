import { z } from 'zod';
import { defineRoute } from './http.js';
import { agreedSessions, processKind } from './processes.js';
import { calendarDate, email, idParams, instant, instantOut, items, locale, nonEmpty, nonEmptyMessage, text, uuid } from './schemas.js';

/**
 * The contract of the `intake` module: the public request form, the client portal's requests, the
 * staff queue with its first-contact clock, first contact, decline and triage into a client and a
 * process, the provider's intake settings and the on-call list. The server validates with these
 * schemas; the web types its data and checks its forms with the same objects.
 */

// ---------------------------------------------------------------------------------------------
// Enumerations

export const requestKinds = ['crisis', 'service'] as const;
export const requestKind = z.enum(requestKinds);
export type RequestKind = z.infer<typeof requestKind>;

export const requestStatuses = ['new', 'contacted', 'triaged', 'declined'] as const;
export const requestStatus = z.enum(requestStatuses);
export type RequestStatus = z.infer<typeof requestStatus>;

export const requestSources = ['public', 'portal'] as const;
export const requestSource = z.enum(requestSources);

export const eventTypes = [
  'accident',
  'violence_or_threat',
  'death',
  'organisational_change',
  'community_crisis',
  'reputational_crisis',
  'other',
] as const;
export const eventType = z.enum(eventTypes);
export type EventType = z.infer<typeof eventType>;

/** The kinds of service a request may ask for: the process kinds (src/shared/processes.ts). */
export const serviceKind = processKind;
export type ServiceKind = z.infer<typeof serviceKind>;
/** The kinds a requester can pick outside a crisis (a crisis service follows from the crisis). */
export const requestableServiceKinds = ['individual', 'group', 'work_community', 'leader'] as const satisfies readonly ServiceKind[];

export const queueFilters = ['open', 'all'] as const;
export const providerCountry = z.enum(['FI', 'SE', 'NO']);

// ---------------------------------------------------------------------------------------------
// Limits

export const intakeLimits = {
  nameMax: 200,
  phoneMax: 40,
  affectedCountMin: 1,
  affectedCountMax: 100_000,
  locationMax: 300,
  messageMax: 5000,
  firstContactNoteMax: 2000,
  declineReasonMax: 2000,
  businessIdMax: 40,
  websiteMax: 500,
  slugMin: 2,
  slugMax: 63,
  /** Triage: practitioners and participants of the process it opens. */
  practitionersMax: 10,
  participantsMax: 200,
} as const;

const L = intakeLimits;

/** Digits, spaces, +, -, ( ). */
export const phonePattern = /^[+0-9 ()-]*$/;
export const contactPhone = z.string().trim().max(L.phoneMax).regex(phonePattern, 'digits, spaces, +, -, ( )');
export const affectedCount = z.number().int().min(L.affectedCountMin).max(L.affectedCountMax);
export const slugParams = z.object({ slug: z.string().min(L.slugMin).max(L.slugMax) });

/** The provider's intake and cancellation rules, as minutes, hours and percent. */
export const providerSettingsLimits = {
  firstContactTargetMinutesMin: 15,
  firstContactTargetMinutesMax: 7 * 24 * 60,
  cancellationHoursMin: 0,
  cancellationHoursMax: 14 * 24,
  chargePercentMin: 0,
  chargePercentMax: 100,
} as const;
const S = providerSettingsLimits;

// ---------------------------------------------------------------------------------------------
// Requests

const requestFields = {
  kind: requestKind,
  serviceKind: serviceKind.optional(),
  contactName: text(L.nameMax),
  contactPhone: contactPhone.optional(),
  contactEmail: email,
  eventType: eventType.optional(),
  eventAt: instant.optional(),
  affectedCount: affectedCount.optional(),
  location: z.string().trim().max(L.locationMax).optional(),
  preferredLocale: locale,
  message: z.string().trim().max(L.messageMax).optional(),
};

/** A crisis must say what happened; the field is named so the form can point at it. */
function crisisNeedsEvent(body: { kind: RequestKind; eventType?: unknown }, ctx: z.RefinementCtx): void {
  if (body.kind === 'crisis' && !body.eventType) ctx.addIssue({ code: 'custom', path: ['eventType'], message: 'required for a crisis' });
}

/** A signed-in client contact's request: the organisation is theirs. */
export const portalRequestBody = z.object(requestFields).superRefine(crisisNeedsEvent);
export type PortalRequestBody = z.input<typeof portalRequestBody>;

/** Anyone's request from the public form, with consent and the spam defence's two fields. */
export const publicRequestBody = z
  .object({
    ...requestFields,
    organisationName: text(L.nameMax),
    consent: z.literal(true, { message: 'consent is required' }),
    /** The honeypot: people never see it, so it stays empty. */
    website: z.string().max(L.websiteMax).optional(),
    /** Milliseconds between opening the form and sending it. */
    elapsedMs: z.number().int().min(0).optional(),
  })
  .superRefine(crisisNeedsEvent);
export type PublicRequestBody = z.input<typeof publicRequestBody>;

/** A request as staff and its sender see it, with its first-contact clock read now. */
export const intakeRequest = z.object({
  id: uuid,
  kind: requestKind,
  serviceKind: serviceKind.nullable(),
  status: requestStatus,
  source: requestSource,
  organisationName: z.string(),
  organisationId: uuid.nullable(),
  contactName: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string().nullable(),
  eventType: eventType.nullable(),
  eventAt: instantOut.nullable(),
  affectedCount: z.number().int().nullable(),
  location: z.string().nullable(),
  preferredLocale: locale,
  message: z.string().nullable(),
  createdAt: instantOut,
  firstContactAt: instantOut.nullable(),
  firstContactDueAt: instantOut,
  minutesToFirstContact: z.number().int().nullable(),
  overdue: z.boolean(),
  processId: uuid.nullable(),
  declineReason: z.string().nullable(),
  firstContactNote: z.string().nullable(),
});
export type IntakeRequest = z.infer<typeof intakeRequest>;

export const requestList = z.object({
  items: z.array(intakeRequest),
  /** The provider's first-contact target (minutes). */
  targetMinutes: z.number().int(),
});

const crisisRule = 'A crisis (kind `crisis`) must name its `eventType`.';

// ---------------------------------------------------------------------------------------------
// Triage

export const newParticipant = z.object({
  name: text(L.nameMax),
  email: email.optional(),
  phone: z.string().trim().max(L.phoneMax).optional(),
  locale: locale.optional(),
});

export const triageBody = z.object({
  organisation: z.union([
    z.object({ id: uuid }),
    z.object({ name: text(L.nameMax), businessId: z.string().trim().max(L.businessIdMax).optional() }),
  ]),
  process: z.object({
    serviceId: uuid,
    title: text(L.nameMax),
    practitionerIds: z.array(uuid).max(L.practitionersMax).optional(),
    participants: z.array(z.union([z.object({ personId: uuid }), newParticipant])).max(L.participantsMax),
    agreedSessions: agreedSessions.optional(),
    startDate: calendarDate.optional(),
  }),
});
export type TriageBody = z.input<typeof triageBody>;

export const triageResult = z.object({ organisationId: uuid, processId: uuid });
export type TriageResult = z.infer<typeof triageResult>;

// ---------------------------------------------------------------------------------------------
// Provider settings and the on-call list

export const providerSettings = z.object({
  slug: z.string(),
  name: z.string(),
  /** The provider's country: which business ID it has, which VAT rates and grounds apply. */
  country: z.enum(['FI', 'SE', 'NO']),
  /** Y-tunnus, organisationsnummer or organisasjonsnummer, printed on the invoicing basis. */
  businessId: z.string().nullable(),
  firstContactTargetMinutes: z.number().int(),
  lateCancellationHours: z.number().int(),
  lateCancellationChargePercent: z.number().int(),
  participantCancellationHours: z.number().int(),
});
export type ProviderSettings = z.infer<typeof providerSettings>;

export const firstContactTargetMinutes = z.number().int().min(S.firstContactTargetMinutesMin).max(S.firstContactTargetMinutesMax);
export const cancellationHours = z.number().int().min(S.cancellationHoursMin).max(S.cancellationHoursMax);
export const chargePercent = z.number().int().min(S.chargePercentMin).max(S.chargePercentMax);

export const providerSettingsPatch = z
  .object({
    firstContactTargetMinutes: firstContactTargetMinutes.optional(),
    lateCancellationHours: cancellationHours.optional(),
    lateCancellationChargePercent: chargePercent.optional(),
    participantCancellationHours: cancellationHours.optional(),
    /** Checked against the country's rules (422 invalid_business_id); null clears it. */
    businessId: z.string().trim().min(1).max(intakeLimits.businessIdMax).nullable().optional(),
  })
  .refine(nonEmpty, nonEmptyMessage);

export const onCallEntry = z.object({ membershipId: uuid, userId: uuid, name: z.string(), email: z.string(), onCall: z.boolean() });
export type OnCallEntry = z.infer<typeof onCallEntry>;

export const publicProvider = z.object({
  name: z.string(),
  slug: z.string(),
  country: providerCountry,
  defaultLocale: locale,
  privacyNoticeVersion: z.string(),
  firstContactTargetMinutes: z.number().int(),
});
export type PublicProvider = z.infer<typeof publicProvider>;

// ---------------------------------------------------------------------------------------------
// Routes

const tags = ['intake'] as const;

export const intakeApi = {
  publicProvider: defineRoute({
    method: 'GET',
    path: '/api/public/providers/:slug',
    tags,
    summary: 'What the public request form shows about a provider (no account needed)',
    description: 'Rate limited per address like the sign-in routes.',
    params: slugParams,
    responses: { 200: publicProvider },
  }),

  submitPublic: defineRoute({
    method: 'POST',
    path: '/api/public/providers/:slug/requests',
    tags,
    summary: 'Ask a provider for support from the public form (no account needed)',
    description: `${crisisRule} Consent to the privacy notice is required. The answer is 202 also for a submission the spam defence drops quietly (a filled \`website\`, or sent under 2.5 s after the form opened). The sender gets a confirmation by mail in \`preferredLocale\`; a crisis alerts the on-call practitioners at once. Rate limited per address.`,
    params: slugParams,
    body: publicRequestBody,
    responses: { 202: z.object({ received: z.literal(true) }) },
  }),

  submitPortal: defineRoute({
    method: 'POST',
    path: '/api/requests',
    tags,
    summary: "The client portal: ask for support for the caller's own organisation",
    description: `${crisisRule} The organisation is the caller's (their client-contact membership).`,
    body: portalRequestBody,
    responses: { 201: intakeRequest },
  }),

  queue: defineRoute({
    method: 'GET',
    path: '/api/requests',
    tags,
    summary: 'The intake queue: crises first, then the oldest first',
    description: '`open` = new or contacted. At most 500 requests.',
    query: z.object({ status: z.enum(queueFilters).default('open') }),
    responses: { 200: requestList },
  }),

  mine: defineRoute({
    method: 'GET',
    path: '/api/requests/mine',
    tags,
    summary: "The client portal: the caller's own requests, with the provider's first-contact target",
    responses: { 200: requestList },
  }),

  get: defineRoute({
    method: 'GET',
    path: '/api/requests/:id',
    tags,
    summary: 'One request with its first-contact clock',
    params: idParams,
    responses: { 200: intakeRequest },
  }),

  firstContact: defineRoute({
    method: 'POST',
    path: '/api/requests/:id/first-contact',
    tags,
    summary: 'Record the first contact with the requester',
    description: 'Once per request: a second attempt is a conflict (409). A new request becomes contacted.',
    params: idParams,
    body: z.object({ note: z.string().trim().max(L.firstContactNoteMax).optional() }),
    responses: { 200: intakeRequest },
    errors: [409],
  }),

  triage: defineRoute({
    method: 'POST',
    path: '/api/requests/:id/triage',
    tags,
    summary: 'Turn a request into a client organisation and a process',
    description:
      'Only an open request (409 once triaged or declined). A new organisation must not duplicate an existing client by normalised name or business id (409 `organisation_exists`, the existing id in the field message). Existing participants must be people of the organisation (422). A crisis opens an active crisis process dated from the event; any other request a proposed one. All in one transaction.',
    params: idParams,
    body: triageBody,
    responses: { 201: triageResult },
    errors: [409, 422],
  }),

  decline: defineRoute({
    method: 'POST',
    path: '/api/requests/:id/decline',
    tags,
    summary: 'Decline an open request; the requester gets the reason by mail',
    description: 'Only an open request (409 once triaged or declined).',
    params: idParams,
    body: z.object({ reason: text(L.declineReasonMax) }),
    responses: { 200: intakeRequest },
    errors: [409],
  }),

  settings: defineRoute({
    method: 'GET',
    path: '/api/provider/settings',
    tags,
    summary: "The provider's intake and cancellation rules",
    responses: { 200: providerSettings },
  }),

  updateSettings: defineRoute({
    method: 'PATCH',
    path: '/api/provider/settings',
    tags,
    summary: "Change the provider's intake and cancellation rules",
    description:
      "A PATCH must change something. Whole numbers only (JSON numbers, not strings or booleans). The business ID is checked by the provider's country (FI Y-tunnus check digit, NO organisasjonsnummer mod 11, SE organisationsnummer Luhn; 422 invalid_business_id) and stored in the register's form; null clears it.",
    body: providerSettingsPatch,
    responses: { 200: providerSettings },
    errors: [422],
  }),

  onCall: defineRoute({
    method: 'GET',
    path: '/api/on-call',
    tags,
    summary: "The provider's practitioners and who of them is on call for crises",
    responses: { 200: items(onCallEntry) },
  }),

  setOnCall: defineRoute({
    method: 'PUT',
    path: '/api/on-call/:membershipId',
    tags,
    summary: 'Put a practitioner on call or take them off',
    description: 'Only a practitioner membership (422 `not_a_practitioner`).',
    params: z.object({ membershipId: uuid }),
    body: z.object({ onCall: z.boolean() }),
    responses: { 200: onCallEntry },
    errors: [422],
  }),
};
