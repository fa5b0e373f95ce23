/**
 * The respondent's requests. The token in the path is the credential (no session). GET is read
 * with its own fetch so that an expired link's `providerName` (not part of ApiError) is kept.
 */
import { api } from '../../app/api';
import type { Locale } from '../../app/types';
import type { Answers, RespondForm, RespondResult } from './types';

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

const path = (token: string) => `/api/respond/${encodeURIComponent(token)}`;

export async function fetchRespondForm(token: string, locale: Locale | null, signal?: AbortSignal): Promise<RespondForm> {
  let response: Response;
  try {
    response = await fetch(`${path(token)}${locale ? `?locale=${locale}` : ''}`, {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new RespondError(0, 'network_error', null);
  }
  if (response.ok) return (await response.json()) as RespondForm;
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

export const saveDraft = (token: string, answers: Answers) => api.put<{ savedAt: string }>(`${path(token)}/draft`, { answers });

/** Send the answers; `locale` words the result (band, explanation, guidance) in the respondent's language. */
export const submitAnswers = (token: string, answers: Answers, locale?: Locale) =>
  api.post<RespondResult>(path(token), { answers, ...(locale ? { locale } : {}) });
