import type { Selectable } from 'kysely';
import { DateTime } from 'luxon';
import { type Caller, callerOrganisations } from '../../kernel/access/caller.js';
import type { Repository } from '../../kernel/access/repository.js';
import type { DataCipher } from '../../kernel/crypto.js';
import type { EventType, ProvidersTable, RequestsTable, ServiceKind } from '../../kernel/db/schema.js';
import { badRequest, conflict, forbidden, HttpError, notFound, unprocessable } from '../../kernel/errors.js';
import type { Locale } from '../../kernel/i18n/i18n.js';
import { fill } from '../../kernel/i18n/i18n.js';
import type { CredentialContext, ServiceContext } from '../../kernel/service-context.js';
import { checkedBusinessId } from '../../kernel/tenancy/business-id.js';
import { createOrganisation } from '../../kernel/tenancy/writes.js';
import { openProcessFromRequest } from '../processes/use-cases/lifecycle.js';
import { createPerson } from '../processes/use-cases/people.js';
import { firstContactClock, looksLikeSpam, normaliseOrganisationName } from './logic.js';
import { intakeTextsFor } from './mail.js';
import { onCallPractitioners, organisationNames, requestById, requestList } from './queries.js';

// Composition of the intake: public and portal requests with their mails, the queue with its
// first-contact clock, first contact, decline, and triage into a client and a process. Every write
// goes through a repository (audited there) in one transaction together with the mail it causes.
// Every function takes the service context first (src/server/kernel/service-context.ts).

type Ctx = ServiceContext;

/** The privacy notice the public form shows; stored with each request beside the consent time. */
export const privacyNoticeVersion = 'v1';

export interface RequestInput {
  kind: 'crisis' | 'service';
  serviceKind?: ServiceKind | undefined;
  contactName: string;
  contactPhone?: string | undefined;
  contactEmail: string;
  eventType?: EventType | undefined;
  eventAt?: Date | undefined;
  affectedCount?: number | undefined;
  location?: string | undefined;
  preferredLocale: Locale;
  message?: string | undefined;
}

export interface PublicRequestInput extends RequestInput {
  organisationName: string;
  website?: string | undefined;
  elapsedMs?: number | undefined;
}

type RequestRow = Selectable<RequestsTable>;
export type ProviderRow = Selectable<ProvidersTable>;

/**
 * The public form's repository for the provider named in the URL: the kernel's `public-intake`
 * caller (there is no signed-in caller), which may create a request and nothing else, so the
 * request and its audit event (`request.create`, naming `system:public-intake`) go through the policy.
 */
export async function publicIntakeOf(
  ctx: Pick<CredentialContext, 'publicIntake'>,
  slug: string,
  meta: Pick<Caller, 'ip' | 'userAgent' | 'requestId'>,
) {
  const repo = await ctx.publicIntake(slug, meta);
  if (!repo) throw notFound('Unknown provider');
  return { repo, provider: await repo.provider() };
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/**
 * Bound to the provider: the repository chooses a new row's id, so the id is not known when the
 * message is sealed in the same insert; a message copied to another provider's row does not open.
 */
export const messageContext = (providerId: string) => `request-message:${providerId}`;

/** The sealed message, or a plain one written before messages were sealed (kernel/db/seal-legacy.ts empties those). */
export function messageOf(cipher: DataCipher, row: Pick<RequestRow, 'provider_id' | 'message' | 'message_sealed'>): string | null {
  return row.message_sealed ? cipher.decrypt(row.message_sealed, messageContext(row.provider_id)) : row.message;
}

/** A request as the API shows it, with its first-contact clock read at `now`. */
export function present(row: RequestRow, targetMinutes: number, now: Date, cipher: DataCipher) {
  const clock = firstContactClock(
    { kind: row.kind, createdAt: new Date(row.created_at), firstContactAt: row.first_contact_at ? new Date(row.first_contact_at) : null },
    targetMinutes,
    now,
  );
  const open = row.status === 'new' || row.status === 'contacted';
  return {
    id: row.id,
    kind: row.kind,
    serviceKind: row.service_kind,
    status: row.status,
    source: row.source,
    organisationName: row.organisation_name,
    organisationId: row.organisation_id,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    eventType: row.event_type,
    eventAt: iso(row.event_at),
    affectedCount: row.affected_count,
    location: row.location,
    preferredLocale: row.preferred_locale as Locale,
    message: messageOf(cipher, row),
    createdAt: iso(row.created_at) as string,
    firstContactAt: iso(row.first_contact_at),
    firstContactDueAt: clock.firstContactDueAt.toISOString(),
    minutesToFirstContact: clock.minutesToFirstContact,
    // An open request can still become late; a closed one is judged only by a first contact it had.
    overdue: open ? clock.overdue : clock.minutesToFirstContact !== null && clock.overdue,
    processId: row.process_id,
    declineReason: row.decline_reason,
    firstContactNote: row.first_contact_note,
  };
}

export type RequestView = ReturnType<typeof present>;

function hoursText(minutes: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'nb' ? 'nb-NO' : locale, { maximumFractionDigits: 1 }).format(minutes / 60);
}

function whenText(at: Date, timeZone: string, locale: Locale): string {
  return DateTime.fromJSDate(at, { zone: timeZone })
    .setLocale(locale === 'nb' ? 'nb-NO' : locale)
    .toLocaleString(DateTime.DATETIME_MED);
}

interface StoredInput extends RequestInput {
  organisationName: string;
  organisationId: string | null;
  source: 'public' | 'portal';
}

/**
 * Stores a request and its mails in one transaction: the confirmation to the sender in their
 * language, and for a crisis an alert at once to every on-call practitioner of the provider.
 */
async function storeRequest(ctx: Ctx, provider: ProviderRow, input: StoredInput): Promise<RequestRow> {
  if (input.kind === 'crisis' && !input.eventType)
    throw badRequest('Say what happened', [{ path: 'eventType', message: 'required for a crisis' }]);
  const now = ctx.clock.now();
  return ctx.repo.transaction(async (tx) => {
    const row = await tx.insert(
      'requests',
      {
        source: input.source,
        kind: input.kind,
        service_kind: input.serviceKind ?? null,
        organisation_name: input.organisationName,
        organisation_id: input.organisationId,
        contact_name: input.contactName,
        contact_phone: input.contactPhone ?? null,
        contact_email: input.contactEmail,
        event_type: input.eventType ?? null,
        event_at: input.eventAt ?? null,
        affected_count: input.affectedCount ?? null,
        location: input.location ?? null,
        preferred_locale: input.preferredLocale,
        // A crisis description is health data: sealed like every other free text.
        message: null,
        message_sealed: input.message ? ctx.cipher.encrypt(input.message, messageContext(provider.id)) : null,
        consent_at: now,
        privacy_notice_version: privacyNoticeVersion,
        first_contact_at: null,
        first_contact_by: null,
        first_contact_note: null,
        triaged_at: null,
        triaged_by: null,
        process_id: null,
        decline_reason: null,
        submitted_by: tx.caller.userId,
        // The injected clock, so the first-contact clock and the tests agree on when it came in.
        created_at: now,
      },
      { details: { kind: input.kind, source: input.source } },
    );
    const sender = intakeTextsFor(input.preferredLocale, provider.country);
    await tx.enqueueMail({
      to: input.contactEmail,
      subject: fill(sender.texts.confirmation.subject, { providerName: provider.name }),
      text: `${fill(input.kind === 'crisis' ? sender.texts.confirmation.bodyCrisis : sender.texts.confirmation.bodyService, {
        contactName: input.contactName,
        targetHours: hoursText(provider.first_contact_target_minutes, sender.locale),
      })}\n\n${fill(sender.texts.signature, { providerName: provider.name })}`,
    });
    if (input.kind === 'crisis') {
      // The on-call list is the `on-call-alert` system caller's to read (a client contact and the
      // public form cannot), in this same transaction.
      for (const practitioner of await onCallPractitioners(tx.asSystem('on-call-alert'))) {
        const { locale, texts } = intakeTextsFor(practitioner.locale ?? provider.default_locale);
        const values = {
          organisationName: input.organisationName,
          eventType: input.eventType ? texts.eventType[input.eventType] : texts.unknown,
          eventAt: input.eventAt ? whenText(input.eventAt, provider.time_zone, locale) : texts.unknown,
          affectedCount: input.affectedCount ?? texts.unknown,
          location: input.location ?? texts.unknown,
          contactName: input.contactName,
          contactPhone: input.contactPhone ?? texts.unknown,
          contactEmail: input.contactEmail,
          targetHours: hoursText(provider.first_contact_target_minutes, locale),
          // The web app's request page (src/web/modules/intake/routes.tsx: /intake/:id).
          link: `${ctx.config.publicUrl}/intake/${row.id}`,
        };
        await tx.enqueueMail({ to: practitioner.email, subject: fill(texts.alert.subject, values), text: fill(texts.alert.body, values) });
      }
    }
    return row;
  });
}

/**
 * A request from the public form. A filled honeypot or a form sent faster than a person could is
 * accepted and dropped (the caller answers 202 either way, so a bot learns nothing).
 */
export async function submitPublicRequest(ctx: CredentialContext, caller: Caller, slug: string, input: PublicRequestInput): Promise<void> {
  const { repo, provider } = await publicIntakeOf(ctx, slug, caller);
  if (looksLikeSpam(input)) return;
  const { website: _website, elapsedMs: _elapsedMs, ...request } = input;
  await storeRequest({ ...ctx, repo }, provider, { ...request, organisationId: null, source: 'public' });
}

/** A client contact's request from the portal: their organisation comes from their membership. */
export async function submitPortalRequest(ctx: Ctx, input: RequestInput): Promise<RequestView> {
  const organisationId = callerOrganisations(ctx.repo.caller, 'client_contact')[0];
  if (!organisationId) throw forbidden('Not a client contact of an organisation');
  const organisation = await ctx.repo
    .select('organisations')
    .select('organisations.name')
    .where('organisations.id', '=', organisationId)
    .executeTakeFirst();
  if (!organisation) throw forbidden('Not a client contact of an organisation');
  const provider = await ctx.repo.provider();
  const row = await storeRequest(ctx, provider, {
    ...input,
    organisationName: organisation.name,
    organisationId,
    source: 'portal',
  });
  return present(row, provider.first_contact_target_minutes, ctx.clock.now(), ctx.cipher);
}

/** The queue (staff: the provider's requests) or, with `submittedBy`, a client contact's own. */
export async function listRequests(ctx: Ctx, filter: { status: 'open' | 'all'; submittedBy?: string | undefined }) {
  const provider = await ctx.repo.provider();
  const rows = await requestList(ctx.repo, filter);
  const now = ctx.clock.now();
  return {
    items: rows.map((r) => present(r, provider.first_contact_target_minutes, now, ctx.cipher)),
    targetMinutes: provider.first_contact_target_minutes,
  };
}

async function requestOrThrow(repo: Repository, id: string): Promise<RequestRow> {
  const row = await requestById(repo, id);
  if (!row) throw notFound();
  return row;
}

export async function getRequest(ctx: Ctx, id: string): Promise<RequestView> {
  const provider = await ctx.repo.provider();
  return present(await requestOrThrow(ctx.repo, id), provider.first_contact_target_minutes, ctx.clock.now(), ctx.cipher);
}

/** Records who made the first contact and when — once: a second attempt is a conflict. */
export async function recordFirstContact(ctx: Ctx, id: string, note: string | undefined): Promise<RequestView> {
  const provider = await ctx.repo.provider();
  const now = ctx.clock.now();
  const row = await ctx.repo.transaction(async (tx) => {
    const current = await requestOrThrow(tx, id);
    if (current.first_contact_at)
      throw conflict('The first contact is already recorded', [{ path: 'firstContactAt', message: 'already recorded' }]);
    return tx.update(
      'requests',
      id,
      {
        first_contact_at: now,
        first_contact_by: tx.caller.userId,
        first_contact_note: note ?? null,
        ...(current.status === 'new' ? { status: 'contacted' as const } : {}),
      },
      { action: 'request.first_contact' },
    );
  });
  return present(row, provider.first_contact_target_minutes, now, ctx.cipher);
}

/** Declines an open request; the requester gets the reason by mail in their language. */
export async function declineRequest(ctx: Ctx, id: string, reason: string): Promise<RequestView> {
  const provider = await ctx.repo.provider();
  const now = ctx.clock.now();
  const row = await ctx.repo.transaction(async (tx) => {
    const current = await requestOrThrow(tx, id);
    if (current.status === 'triaged' || current.status === 'declined') throw conflict('The request is already handled');
    const updated = await tx.update(
      'requests',
      id,
      { status: 'declined', decline_reason: reason, triaged_at: now, triaged_by: tx.caller.userId },
      { action: 'request.decline' },
    );
    const { texts } = intakeTextsFor(current.preferred_locale);
    await tx.enqueueMail({
      to: current.contact_email,
      subject: fill(texts.declined.subject, { providerName: provider.name }),
      text: `${fill(texts.declined.body, { contactName: current.contact_name, reason })}\n\n${fill(texts.signature, { providerName: provider.name })}`,
    });
    return updated;
  });
  return present(row, provider.first_contact_target_minutes, now, ctx.cipher);
}

export interface TriageInput {
  organisation: { id: string } | { name: string; businessId?: string | undefined };
  process: {
    serviceId: string;
    title: string;
    practitionerIds?: string[] | undefined;
    participants: (
      | { personId: string }
      | { name: string; email?: string | undefined; phone?: string | undefined; locale?: Locale | undefined }
    )[];
    agreedSessions?: number | undefined;
    startDate?: string | undefined;
  };
}

/** A new client must not duplicate an existing one: same normalised name or same business id. */
async function refuseDuplicateOrganisation(repo: Repository, name: string, businessId: string | null): Promise<void> {
  const wanted = normaliseOrganisationName(name);
  const wantedBusinessId = businessId?.replace(/\s+/g, '').toUpperCase() ?? null;
  const match = (await organisationNames(repo)).find(
    (o) =>
      normaliseOrganisationName(o.name) === wanted ||
      (wantedBusinessId !== null && o.business_id?.replace(/\s+/g, '').toUpperCase() === wantedBusinessId),
  );
  if (match) {
    // The path names the field; the message carries the existing client's id so the UI can offer it.
    throw new HttpError(409, 'organisation_exists', `"${match.name}" is already a client`, [
      { path: 'organisation.name', message: match.id },
    ]);
  }
}

/**
 * Turns a request into a client organisation (an existing one, or a new one that duplicates none)
 * and a process with its practitioners, people and first status — all in one transaction, so a
 * failure anywhere leaves nothing behind. A crisis request opens an active crisis process dated
 * from the event; any other opens a proposed one.
 */
export async function triageRequest(ctx: Ctx, id: string, input: TriageInput): Promise<{ organisationId: string; processId: string }> {
  const now = ctx.clock.now();
  return ctx.repo.transaction(async (tx) => {
    const request = await requestOrThrow(tx, id);
    if (request.status === 'triaged' || request.status === 'declined') throw conflict('The request is already handled');
    // The processes module's services, bound to this transaction (its provider reads included).
    const inTx = { ...ctx, repo: tx };

    let organisationId: string;
    if ('id' in input.organisation) {
      const reachable = await tx.readableIds('organisations', [input.organisation.id]);
      if (!reachable.has(input.organisation.id))
        throw new HttpError(404, 'not_found', 'Unknown organisation', [{ path: 'organisation.id', message: 'not found' }]);
      organisationId = input.organisation.id;
    } else {
      const typed = input.organisation.businessId?.trim();
      const businessId = typed ? checkedBusinessId((await tx.provider()).country, typed, 'organisation.businessId') : null;
      await refuseDuplicateOrganisation(tx, input.organisation.name, businessId);
      organisationId = (await createOrganisation(tx, { name: input.organisation.name.trim(), businessId })).id;
    }

    const participantIds: string[] = [];
    for (const [index, p] of input.process.participants.entries()) {
      if ('personId' in p) {
        const person = await tx
          .select('people')
          .select('people.id')
          .where('people.id', '=', p.personId)
          .where('people.organisation_id', '=', organisationId)
          .executeTakeFirst();
        if (!person)
          throw unprocessable('invalid_reference', 'Not a person of this organisation', [
            { path: `process.participants.${index}.personId`, message: 'not a person of the organisation' },
          ]);
        participantIds.push(person.id);
      } else {
        const person = await createPerson(inTx, { organisationId, name: p.name, email: p.email, phone: p.phone, locale: p.locale });
        participantIds.push(person.id);
      }
    }

    const crisis = request.kind === 'crisis';
    // Opened through the processes module: its state machine decides the first status and it
    // records the opening in the history (a crisis opens active, dated from the event).
    const created = await openProcessFromRequest(inTx, {
      organisationId,
      serviceId: input.process.serviceId,
      title: input.process.title,
      // None given: the caller (createProcess always adds a practitioner who opens a process).
      practitionerIds: input.process.practitionerIds,
      participantIds,
      agreedSessions: input.process.agreedSessions,
      startDate: input.process.startDate,
      language: (['fi', 'sv', 'nb', 'en'] as const).find((l) => l === request.preferred_locale),
      ...(crisis ? { cadence: 'crisis' as const } : {}),
      requestId: request.id,
      crisisEventAt: crisis ? (request.event_at ?? request.created_at) : null,
    });
    await tx.update(
      'requests',
      id,
      {
        status: 'triaged',
        organisation_id: organisationId,
        process_id: created.id,
        triaged_at: now,
        triaged_by: tx.caller.userId,
        // Triage is a contact too: a request triaged without one recorded gets it now.
        ...(request.first_contact_at ? {} : { first_contact_at: now, first_contact_by: tx.caller.userId }),
      },
      { action: 'request.triage' },
    );
    return { organisationId, processId: created.id };
  });
}
