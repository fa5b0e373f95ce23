import type { Repository } from '../../../kernel/access/repository.js';
import { hashToken, newToken } from '../../../kernel/crypto.js';
import { HttpError, unprocessable } from '../../../kernel/errors.js';
import { isLocale, type Locale } from '../../../kernel/i18n/i18n.js';
import type { ServiceContext } from '../../../kernel/service-context.js';
import type { InstrumentDefinition } from '../logic/instrument.js';
import { tooSoon } from '../logic/plans.js';
import type { Country } from '../logic/roi.js';
import { formatExpiry, measuresMail } from '../mail.js';
import { settingsOf, usableInstrument } from '../registry.js';
import { checkinList } from './checkins.js';
import { type CheckinRow, field, pick, providerRow, requireProcess } from './common.js';

// Sending check-ins: at once by a practitioner, or when a planned one comes due. Each sent
// check-in gets a fresh single-use link and the invitation mail in the person's language.

type Ctx = Pick<ServiceContext, 'repo' | 'clock' | 'config'>;

// ---------------------------------------------------------------------------------------------
// Sending

export interface Recipient {
  id: string;
  name: string;
  email: string | null;
  locale: string | null;
  organisation_id: string;
}

export async function participantsOf(repo: Repository, processId: string, personIds?: readonly string[]): Promise<Recipient[]> {
  let q = repo
    .select('process_participants')
    .innerJoin('people', 'people.id', 'process_participants.person_id')
    .select(['people.id', 'people.name', 'people.email', 'people.locale', 'people.organisation_id'])
    .where('process_participants.process_id', '=', processId);
  if (personIds) q = q.where('people.id', 'in', personIds.length ? [...personIds] : ['00000000-0000-0000-0000-000000000000']);
  return q.execute();
}

/** The last time each person was sent this instrument (any process), for the minimum interval. */
async function lastAdministered(
  repo: Repository,
  personIds: readonly string[],
  instrumentKey: string,
  excludeId?: string,
): Promise<Map<string, Date>> {
  if (personIds.length === 0) return new Map();
  let q = repo
    .select('checkins')
    .select(['checkins.person_id', (eb) => eb.fn.max('checkins.sent_at').as('last')])
    .where('checkins.person_id', 'in', [...personIds])
    .where('checkins.instrument_key', '=', instrumentKey)
    .where('checkins.status', 'in', ['sent', 'answered']);
  if (excludeId) q = q.where('checkins.id', '!=', excludeId);
  const rows = await q.groupBy('checkins.person_id').execute();
  return new Map(rows.filter((r) => r.last).map((r) => [r.person_id, new Date(r.last as Date)]));
}

/**
 * Turns a stored check-in into a sent one: a fresh single-use token (only its hash is kept; the
 * reminder mints its own), an expiry, and the invitation mail in the person's language.
 */
async function dispatch(
  ctx: Pick<Ctx, 'repo' | 'clock' | 'config'>,
  checkin: Pick<CheckinRow, 'id' | 'locale'>,
  person: Recipient,
  def: InstrumentDefinition,
  provider: { name: string; time_zone: string; country: string },
  linkValidDays: number,
): Promise<void> {
  const now = ctx.clock.now();
  const token = newToken();
  const expiresAt = new Date(now.getTime() + linkValidDays * 86_400_000);
  await ctx.repo.update(
    'checkins',
    checkin.id,
    {
      status: 'sent',
      // A planned check-in is stored before its instrument is resolved: it is sent in the current version.
      instrument_version: def.version,
      sent_at: now,
      // The reminder goes where this link went, whatever people.email says later (issue 7, finding 1).
      sent_to: person.email,
      token_hash: hashToken(token),
      expires_at: expiresAt,
    },
    { action: 'checkin.send' },
  );
  // The instrument's name is our text, in every language: the mail's language, even where the
  // questionnaire itself will be shown in another.
  const mail = measuresMail(
    'invitation',
    checkin.locale,
    {
      name: person.name,
      providerName: provider.name,
      instrumentName: pick(def.name, checkin.locale),
      link: `${ctx.config.publicUrl}/r/${token}`,
      expires: formatExpiry(expiresAt, provider.time_zone, checkin.locale),
    },
    { country: provider.country as Country },
  );
  await ctx.repo.enqueueMail({ to: person.email as string, ...mail });
}

export function checkinLocale(person: Recipient, processLanguage: string): Locale {
  if (isLocale(person.locale)) return person.locale;
  return isLocale(processLanguage) ? processLanguage : 'en';
}

/** Sends an instrument to participants of a process at once. */
export async function sendNow(ctx: Ctx, processId: string, input: { instrumentKey: string; personIds?: string[] | undefined }) {
  return ctx.repo.transaction(async (repo) => {
    const process = await requireProcess(repo, processId);
    const def = await usableInstrument(repo, input.instrumentKey);
    const people = await participantsOf(repo, processId, input.personIds);
    if (input.personIds) {
      const found = new Set(people.map((p) => p.id));
      const missing = input.personIds.findIndex((id) => !found.has(id));
      if (missing >= 0)
        throw unprocessable('invalid_reference', 'Not a participant of this process', field(`personIds.${missing}`, 'not a participant'));
    }
    if (people.length === 0)
      throw unprocessable('no_participants', 'The process has no participants to send to', field('personIds', 'none'));
    const settings = await settingsOf(repo);
    const provider = await providerRow(repo);
    const now = ctx.clock.now();
    const last = await lastAdministered(
      repo,
      people.map((p) => p.id),
      def.key,
    );
    const skipped: { personId: string; reason: 'no_email' | 'too_soon' }[] = [];
    const created: string[] = [];
    for (const person of people) {
      if (!person.email) {
        skipped.push({ personId: person.id, reason: 'no_email' });
        continue;
      }
      if (tooSoon(last.get(person.id) ?? null, now, def.minIntervalDays)) {
        skipped.push({ personId: person.id, reason: 'too_soon' });
        continue;
      }
      const row = await repo.insert('checkins', {
        process_id: processId,
        organisation_id: process.organisation_id,
        person_id: person.id,
        plan_id: null,
        anchor: null,
        instrument_key: def.key,
        instrument_version: def.version,
        locale: checkinLocale(person, process.language),
        due_at: now,
        sent_by: repo.caller.userId,
      });
      await dispatch({ ...ctx, repo }, row, person, def, provider, settings.link_valid_days);
      created.push(row.id);
    }
    return { items: await checkinList(repo, processId, created), skipped };
  });
}

/** Sends the process's scheduled check-ins whose time has come. */
export async function sendDue(ctx: Ctx, processId: string): Promise<void> {
  const repo = ctx.repo;
  const due = await repo
    .select('checkins')
    .selectAll('checkins')
    .where('checkins.process_id', '=', processId)
    .where('checkins.status', '=', 'scheduled')
    .where('checkins.due_at', '<=', ctx.clock.now())
    .orderBy('checkins.due_at')
    .forUpdate()
    .skipLocked()
    .execute();
  if (due.length === 0) return;
  const settings = await settingsOf(repo);
  const provider = await providerRow(repo);
  const people = new Map((await participantsOf(repo, processId)).map((p) => [p.id, p]));
  // One resolution per instrument, not per check-in (each reads the provider's settings).
  const defs = new Map<string, InstrumentDefinition | null>();
  for (const c of due) {
    const person = people.get(c.person_id);
    if (!defs.has(c.instrument_key)) {
      try {
        defs.set(c.instrument_key, await usableInstrument(repo, c.instrument_key));
      } catch (e) {
        if (!(e instanceof HttpError)) throw e;
        defs.set(c.instrument_key, null);
      }
    }
    const def = defs.get(c.instrument_key) ?? null;
    // Per check-in, not batched: one sent earlier in this loop counts for the next.
    const last = def ? ((await lastAdministered(repo, [c.person_id], c.instrument_key, c.id)).get(c.person_id) ?? null) : null;
    if (!person?.email || !def || tooSoon(last, ctx.clock.now(), def.minIntervalDays)) {
      // Not a participant any more, no address, the instrument withdrawn, or asked too recently.
      await repo.update('checkins', c.id, { status: 'cancelled' }, { action: 'checkin.skip' });
      continue;
    }
    await dispatch({ ...ctx, repo }, c, person, def, provider, settings.link_valid_days);
  }
}
