/**
 * The respondent's requests. The token in the path is the credential (no session). GET is read
 * with its own fetch so that an expired link's `providerName` (not part of ApiError) is kept.
 */
import type { Locale } from '../../../shared/locales';
import { type Answers, type RespondForm, respondForm, respondRoutes } from '../../../shared/measures';
import { call, urlOf } from '../../app/api';

export class RespondError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly providerName: string | null,
  ) {
    super(code);
    this.name = 'RespondError';
  }
}

/**
 * The form: `locale` is the page's language (our words), `formLocale` the questionnaire language
 * the respondent chose, if any; the server answers with the one language the questionnaire is shown in.
 */
export async function fetchRespondForm(
  token: string,
  locale: Locale | null,
  signal?: AbortSignal,
  formLocale?: Locale | null,
): Promise<RespondForm> {
  let response: Response;
  const query = { ...(locale ? { locale } : {}), ...(formLocale ? { formLocale } : {}) };
  try {
    response = await fetch(urlOf(respondRoutes.form, { params: { token }, query }), {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new RespondError(0, 'network_error', null);
  }
  if (response.ok) {
    // Checked against the contract like every `call` answer.
    const parsed = respondForm.safeParse(await response.json());
    if (parsed.success) return parsed.data;
    console.error(`GET ${respondRoutes.form.path}: the answer does not match the contract`, parsed.error.issues);
    throw new RespondError(0, 'unexpected_response', null);
  }
  let code = response.status === 404 ? 'link_unknown' : response.status === 410 ? 'link_expired' : 'http_error';
  let providerName: string | null = null;
  try {
    const body = (await response.json()) as {
      error?: { code?: unknown; providerName?: unknown; fields?: { path?: unknown; message?: unknown }[] };
      providerName?: unknown;
    };
    if (typeof body.error?.code === 'string') code = body.error.code;
    // An expired link names its provider in a field (`{ path: 'providerName', message: <name> }`).
    const field = Array.isArray(body.error?.fields) ? body.error.fields.find((f) => f?.path === 'providerName') : undefined;
    const name = field?.message ?? body.error?.providerName ?? body.providerName;
    if (typeof name === 'string' && name) providerName = name;
  } catch {
    // Not JSON: keep the code from the status.
  }
  if (response.status === 409 && code === 'http_error') code = 'already_answered';
  throw new RespondError(response.status, code, providerName);
}

export const saveDraft = (token: string, answers: Answers) => call(respondRoutes.saveDraft, { params: { token }, body: { answers } });

/**
 * Send the answers; `locale` words the result (band, explanation, guidance) in the respondent's
 * language, `formLocale` is the language the questionnaire was shown in (kept with the answer).
 */
export const submitAnswers = (token: string, answers: Answers, locale?: Locale, formLocale?: Locale) =>
  call(respondRoutes.submit, {
    params: { token },
    body: { answers, ...(locale ? { locale } : {}), ...(formLocale ? { formLocale } : {}) },
  });
