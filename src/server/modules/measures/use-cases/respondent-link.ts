import type { Repository } from '../../../kernel/access/repository.js';
import type { DataCipher } from '../../../kernel/crypto.js';
import { HttpError, isUniqueViolation } from '../../../kernel/errors.js';
import { isLocale, type Locale } from '../../../kernel/i18n/i18n.js';
import type { CredentialContext } from '../../../kernel/service-context.js';
import { crisisLines, emergencySentence, guidanceLanguage, safetyCountry } from '../logic/guidance.js';
import { displayLocale, type InstrumentDefinition } from '../logic/instrument.js';
import { respondentResultText } from '../logic/respondent-result.js';
import type { Country } from '../logic/roi.js';
import { type Answers, answerProblems, scoreAnswers, topAlertLevel } from '../logic/scoring.js';
import { resolveInstrument, settingsOf } from '../registry.js';
import { type CheckinRow, iso, pick, providerRow } from './common.js';
import { notifyUrgentAlert } from './notifying.js';

// The respondent's link flow: the form, a draft, the answer and its result. There is no caller
// repository here: the context is the credential-based one (src/server/kernel/service-context.ts),
// and each function first resolves the link to a repository acting as the check-in's holder.

type LinkCtx = CredentialContext;

// ---------------------------------------------------------------------------------------------
// The respondent

export interface LinkMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/**
 * The check-in a link names, with a repository acting as its holder. Unknown, expired and used
 * links answer with what the respondent can do about it.
 */
export async function openLink(ctx: Pick<LinkCtx, 'credentials' | 'clock'>, token: string, meta: LinkMeta) {
  const found = await ctx.credentials.resolve('checkin-link', token, meta);
  if (!found || found.status === 'scheduled' || found.status === 'cancelled')
    throw new HttpError(404, 'link_unknown', 'This link is not valid');
  if (found.status === 'answered') throw new HttpError(409, 'already_answered', 'This questionnaire has already been answered. Thank you!');
  if (!found.expiresAt || found.expiresAt <= ctx.clock.now())
    throw new HttpError(410, 'link_expired', `This link has expired. Please contact ${found.providerName} for a new one.`, [
      { path: 'providerName', message: found.providerName },
    ]);
  const { repo } = found;
  return { repo, checkinId: found.checkinId, providerName: found.providerName };
}

function localisedInstrument(def: InstrumentDefinition, locale: Locale) {
  return {
    key: def.key,
    version: def.version,
    name: pick(def.name, locale),
    instructions: pick(def.instructions, locale),
    items: def.items.map((item) =>
      item.type === 'choice'
        ? {
            id: item.id,
            type: 'choice' as const,
            text: pick(item.text, locale),
            options: (def.optionSets[item.options] ?? []).map((o) => ({ value: o.value, label: pick(o.label, locale) })),
          }
        : { id: item.id, type: 'text' as const, text: pick(item.text, locale), maxLength: item.maxLength },
    ),
    gate: def.gate ? { item: def.gate.item, closesWith: def.gate.closesWith } : null,
  };
}

async function checkinOfLink(repo: Repository, checkinId: string) {
  return repo.select('checkins').selectAll('checkins').where('checkins.id', '=', checkinId).executeTakeFirstOrThrow();
}

/** The sealed draft, or a plain one written before drafts were sealed (kernel/db/seal-legacy.ts empties those). */
export function draftOf(cipher: DataCipher, checkin: Pick<CheckinRow, 'id' | 'draft' | 'draft_sealed'>): Answers | null {
  if (checkin.draft_sealed) return JSON.parse(cipher.decrypt(checkin.draft_sealed, `checkin-draft:${checkin.id}`)) as Answers;
  return (typeof checkin.draft === 'string' ? JSON.parse(checkin.draft) : checkin.draft) ?? null;
}

/**
 * The one language the questionnaire is shown in: the one the respondent chose among those it
 * exists in, else the page's (or the check-in's) when it exists, else English, else its first.
 */
export function formLanguage(def: InstrumentDefinition, wanted: Locale, chosen: Locale | undefined): Locale {
  if (chosen && def.languages[chosen]) return chosen;
  return displayLocale(def, wanted);
}

/** The provider's translation behind a language, when it is one (the form and the reports say so). */
function providerEnteredOf(def: InstrumentDefinition, locale: Locale) {
  const lang = def.languages[locale];
  return lang?.providerEntered ? { version: lang.providerEntered.version, source: lang.source } : null;
}

export async function respondentForm(
  ctx: Pick<LinkCtx, 'credentials' | 'clock' | 'cipher'>,
  token: string,
  wanted: Locale | undefined,
  meta: LinkMeta,
  chosen?: Locale,
) {
  const { repo, checkinId, providerName } = await openLink(ctx, token, meta);
  const checkin = await checkinOfLink(repo, checkinId);
  const { def } = await resolveInstrument(repo, checkin.instrument_key, checkin.instrument_version || undefined);
  const available = (Object.keys(def.languages) as Locale[]).filter(isLocale);
  const locale = formLanguage(def, wanted ?? checkin.locale, chosen);
  return {
    providerName,
    locale,
    availableLocales: available,
    providerEntered: providerEnteredOf(def, locale),
    expiresAt: iso(checkin.expires_at) as string,
    draft: draftOf(ctx.cipher, checkin),
    instrument: localisedInstrument(def, locale),
  };
}

function problemsAsFields(problems: ReturnType<typeof answerProblems>) {
  return problems.map((p) => ({ path: `answers.${p.item}`, message: p.problem }));
}

export async function saveDraft(ctx: Pick<LinkCtx, 'credentials' | 'clock' | 'cipher'>, token: string, answers: Answers, meta: LinkMeta) {
  const { repo, checkinId } = await openLink(ctx, token, meta);
  const checkin = await checkinOfLink(repo, checkinId);
  const { def } = await resolveInstrument(repo, checkin.instrument_key, checkin.instrument_version || undefined);
  const problems = answerProblems(def, answers, { partial: true });
  if (problems.length) throw new HttpError(400, 'validation_failed', 'Some answers are not valid', problemsAsFields(problems));
  const savedAt = ctx.clock.now();
  // Sealed like every other free text: a draft holds answers and whatever the person typed.
  await repo.update(
    'checkins',
    checkinId,
    { draft: null, draft_sealed: ctx.cipher.encrypt(JSON.stringify(answers), `checkin-draft:${checkinId}`), draft_saved_at: savedAt },
    { action: 'checkin.draft' },
  );
  return { savedAt: savedAt.toISOString() };
}

/**
 * The answer: scored, stored (free text sealed), the check-in closed, alerts raised and, for an
 * urgent one, the practitioners mailed — all in one transaction, so an answer never exists
 * without its alert. The unique response per check-in makes a second submit a polite 409.
 */
export async function submitAnswers(
  ctx: LinkCtx,
  token: string,
  answers: Answers,
  wanted: Locale | undefined,
  meta: LinkMeta,
  chosen?: Locale,
) {
  const { repo: linkRepo, checkinId } = await openLink(ctx, token, meta);
  try {
    return await linkRepo.transaction(async (repo) => {
      const checkin = await checkinOfLink(repo, checkinId);
      if (checkin.status !== 'sent')
        throw new HttpError(409, 'already_answered', 'This questionnaire has already been answered. Thank you!');
      const { def } = await resolveInstrument(repo, checkin.instrument_key, checkin.instrument_version || undefined);
      const problems = answerProblems(def, answers, { partial: false });
      if (problems.length)
        throw new HttpError(400, 'validation_failed', 'Some answers are missing or not valid', problemsAsFields(problems));
      const previous = await repo
        .select('responses')
        .select(['responses.score'])
        .where('responses.person_id', '=', checkin.person_id)
        .where('responses.instrument_key', '=', checkin.instrument_key)
        .orderBy('responses.submitted_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      const result = scoreAnswers(def, answers, previous ? Number(previous.score) : null);
      const choices: Record<string, number> = {};
      const texts: Record<string, string> = {};
      for (const [k, v] of Object.entries(answers)) {
        if (typeof v === 'number') choices[k] = v;
        else if (v.trim()) texts[k] = v.trim();
      }
      const now = ctx.clock.now();
      // The language the form was shown in, worked out as the form did, and the provider's translation version behind it.
      const shown = formLanguage(def, isLocale(wanted) ? wanted : checkin.locale, chosen);
      const response = await repo.insert('responses', {
        process_id: checkin.process_id,
        organisation_id: checkin.organisation_id,
        person_id: checkin.person_id,
        checkin_id: checkin.id,
        instrument_key: def.key,
        instrument_version: def.version,
        answers: JSON.stringify(choices),
        free_text_sealed: Object.keys(texts).length ? ctx.cipher.encrypt(JSON.stringify(texts), `response:${checkin.id}`) : null,
        score: result.score,
        band: result.band.id,
        severity: result.band.severity,
        flags: JSON.stringify(result.flags.map((f) => f.id)),
        guidance: result.guidance,
        submitted_at: now,
        form_locale: shown,
        translation_version: providerEnteredOf(def, shown)?.version ?? null,
      });
      await repo.update(
        'checkins',
        checkin.id,
        { status: 'answered', answered_at: now, draft: null, draft_sealed: null },
        { action: 'checkin.answer' },
      );
      const level = topAlertLevel(result.alerts);
      if (level) {
        const alert = await repo.insert('measure_alerts', {
          process_id: checkin.process_id,
          person_id: checkin.person_id,
          checkin_id: checkin.id,
          response_id: response.id,
          instrument_key: def.key,
          reasons: JSON.stringify(result.alerts.map((a) => a.reason)),
          level,
          created_at: now,
        });
        if (level === 'urgent') await notifyUrgentAlert({ repo, config: ctx.config }, checkin.process_id, alert.id);
      }
      const settings = await settingsOf(repo);
      const provider = await providerRow(repo);
      // Our own words are in every language: the result speaks the respondent's, whatever the
      // instrument's wording exists in. Safety text follows the country (the person has none on record).
      const reader: Locale = isLocale(wanted) ? wanted : isLocale(checkin.locale) ? checkin.locale : 'en';
      const country = safetyCountry(provider.country as Country);
      const words = respondentResultText(def.key, result.band, reader, result.guidance);
      // The provider's own "where to get help" text: in the respondent's language when the provider
      // wrote one, else in the provider's language (not English by default); the page marks its language.
      const guidanceLocale = result.guidance ? guidanceLanguage(settings.guidance, reader, provider.default_locale) : null;
      return {
        result: {
          score: result.score,
          min: def.scoring.min,
          max: def.scoring.max,
          higherIsBetter: def.higherIsBetter,
          band: { id: result.band.id, label: words.title, severity: result.band.severity },
          explanation: words.body,
          nextSteps: words.next,
          guidance: {
            show: result.guidance,
            text: guidanceLocale ? (settings.guidance?.[guidanceLocale] ?? null) : null,
            textLocale: guidanceLocale,
            crisisLines: result.guidance ? crisisLines(country, reader) : [],
            emergency: emergencySentence(country, reader),
          },
        },
      };
    });
  } catch (e) {
    // Two submits racing: the second meets the unique answer of the first.
    if (isUniqueViolation(e)) throw new HttpError(409, 'already_answered', 'This questionnaire has already been answered. Thank you!');
    throw e;
  }
}
