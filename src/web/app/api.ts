/**
 * Small fetch wrapper for the Rinnalla HTTP API (docs/api.md).
 * - same-origin cookies, JSON in and out;
 * - every non-GET request carries `x-csrf-token` (fetched from GET /api/auth/csrf);
 * - a 403 with code `csrf_invalid` refetches the token and retries once;
 * - failures throw a typed ApiError.
 * `call(route, input)` is the only door: the route is a shared definition (src/shared), so the
 * path, the input and the answer are typed by the server's own schemas and the answer is checked
 * against them at run time; `urlOf` builds links for downloads (CSV, calendar feeds).
 */
import type { z } from 'zod';
import { pathOf, type RouteBody, type RouteDef, type RouteParams, type RouteQuery, type RouteResult } from '../../shared/http.js';

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  /** Seconds from a `Retry-After` header (429), if any. */
  readonly retryAfter: number | null;

  constructor(status: number, code: string, message: string, fields: FieldError[] = [], retryAfter: number | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.retryAfter = retryAfter;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

let csrfToken: string | null = null;
let csrfRequest: Promise<string> | null = null;

async function fetchCsrfToken(): Promise<string> {
  const response = await fetch('/api/auth/csrf', {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw await toApiError(response);
  const body = (await response.json()) as { csrfToken: string };
  return body.csrfToken;
}

/** The current CSRF token, fetched once and shared by concurrent callers. */
export function getCsrfToken(): Promise<string> {
  if (csrfToken) return Promise.resolve(csrfToken);
  if (!csrfRequest) {
    csrfRequest = fetchCsrfToken()
      .then((token) => {
        csrfToken = token;
        return token;
      })
      .finally(() => {
        csrfRequest = null;
      });
  }
  return csrfRequest;
}

/**
 * Forget the token and fetch a new one. Call after sign-in, MFA, sign-out and accepting an
 * invitation: the token is bound to the session cookie, which those change.
 */
export async function refreshCsrfToken(): Promise<void> {
  csrfToken = null;
  try {
    await getCsrfToken();
  } catch {
    // The next state-changing request will try again.
  }
}

function parseRetryAfter(response: Response): number | null {
  const header = response.headers.get('retry-after');
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function toApiError(response: Response): Promise<ApiError> {
  let code = 'http_error';
  let message = response.statusText || `HTTP ${response.status}`;
  let fields: FieldError[] = [];
  try {
    const body = (await response.json()) as {
      error?: { code?: unknown; message?: unknown; fields?: unknown };
    };
    const error = body?.error;
    if (error && typeof error === 'object') {
      if (typeof error.code === 'string') code = error.code;
      if (typeof error.message === 'string') message = error.message;
      if (Array.isArray(error.fields)) {
        fields = error.fields
          .filter((f): f is { path: unknown; message: unknown } => typeof f === 'object' && f !== null)
          .map((f) => ({
            path: Array.isArray(f.path) ? f.path.join('.') : String(f.path ?? ''),
            message: String(f.message ?? ''),
          }));
      }
    }
  } catch {
    // Not JSON: keep the generic code.
  }
  if (code === 'http_error') {
    code = fallbackCode(response.status);
  }
  return new ApiError(response.status, code, message, fields, parseRetryAfter(response));
}

function fallbackCode(status: number): string {
  switch (status) {
    case 400:
      return 'validation_failed';
    case 401:
      return 'unauthorised';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 422:
      return 'unprocessable';
    case 429:
      return 'rate_limited';
    case 503:
      return 'unavailable';
    default:
      return 'http_error';
  }
}

async function send(method: Method, path: string, body: unknown, signal?: AbortSignal): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = await getCsrfToken();
  try {
    return await fetch(path, {
      method,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'network_error', error instanceof Error ? error.message : 'Network error');
  }
}

async function request<T>(method: Method, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  let response = await send(method, path, body, signal);
  if (!response.ok && method !== 'GET' && response.status === 403) {
    const error = await toApiError(response.clone());
    if (error.code === 'csrf_invalid') {
      csrfToken = null;
      response = await send(method, path, body, signal);
    }
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204 || response.status === 202) {
    // 202/204 may have no body; read it if there is one.
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined as T;
  return (await response.json()) as T;
}

type Part<K extends string, T> = [T] extends [undefined] ? unknown : undefined extends T ? { [P in K]?: T } : { [P in K]: T };
export type CallInput<D extends RouteDef> = Part<'params', RouteParams<D>> &
  Part<'query', RouteQuery<D> | undefined> &
  Part<'body', RouteBody<D>> & { signal?: AbortSignal };

function queryOf(values: unknown): string {
  if (!values || typeof values !== 'object') return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === '') continue;
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, String(v));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The URL of a route (for links and downloads: CSV, calendar feeds). */
export function urlOf<D extends RouteDef>(def: D, input: { params?: RouteParams<D>; query?: RouteQuery<D> } = {}): string {
  return pathOf(def.path, input.params as Record<string, unknown> | undefined) + queryOf(input.query);
}

/**
 * Calls a shared route. The answer is parsed with the route's own success schema, so a server that
 * drifted from the contract fails loudly here instead of rendering undefined.
 */
export async function call<D extends RouteDef>(
  def: D,
  ...args: object extends CallInput<D> ? [input?: CallInput<D>] : [input: CallInput<D>]
): Promise<RouteResult<D>> {
  const input = (args[0] ?? {}) as { params?: Record<string, unknown>; query?: unknown; body?: unknown; signal?: AbortSignal };
  const url = pathOf(def.path, input.params) + queryOf(input.query);
  const body = def.method === 'GET' ? undefined : (input.body ?? (def.method === 'DELETE' ? undefined : {}));
  const value = await request<unknown>(def.method, url, body, input.signal);
  const schemas = def.responses as Record<number, z.ZodType | null | undefined>;
  const schema = schemas[200] ?? schemas[201] ?? schemas[202];
  if (!schema || value === undefined) return value as RouteResult<D>;
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    console.error(`${def.method} ${def.path}: the answer does not match the contract`, parsed.error.issues);
    throw new ApiError(0, 'unexpected_response', 'The server answered in an unexpected shape');
  }
  return parsed.data as RouteResult<D>;
}
