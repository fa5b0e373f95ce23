import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authRoutes, meRoutes } from '../../shared/auth';
import { memberRoutes } from '../../shared/tenancy';
import { ApiError, call, refreshCsrfToken, urlOf } from './api';

const me = { id: 'u1', email: 'a@b.fi', name: 'A', locale: null, timeZone: null, totpEnabled: false };

type Call = { url: string; init: RequestInit };

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

describe('api client', () => {
  let calls: Call[];
  let tokens: string[];
  let responder: (call: Call) => Response;

  beforeEach(async () => {
    calls = [];
    tokens = ['t1', 't2', 't3'];
    responder = () => json(200, me);
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit = {}) => {
        const call = { url, init };
        calls.push(call);
        if (url === '/api/auth/csrf') return json(200, { csrfToken: tokens.shift() });
        return responder(call);
      }),
    );
    await refreshCsrfToken();
    calls = [];
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const header = (call: Call | undefined, name: string) => (call?.init.headers as Record<string, string> | undefined)?.[name];

  it('sends same-origin credentials and no CSRF header on GET', async () => {
    await call(meRoutes.get);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.init.credentials).toBe('same-origin');
    expect(header(calls[0], 'x-csrf-token')).toBeUndefined();
  });

  it('sends the CSRF token on state-changing requests', async () => {
    responder = (c) => (c.url === '/api/me' ? json(200, me) : new Response(null, { status: 204 }));
    await call(authRoutes.signOut);
    await call(meRoutes.update, { body: { name: 'A' } });
    expect(calls.map((c) => header(c, 'x-csrf-token'))).toEqual(['t1', 't1']);
    expect(calls[1]?.init.body).toBe('{"name":"A"}');
  });

  it('refetches the token and retries once on 403 csrf_invalid', async () => {
    let first = true;
    responder = () => {
      if (first) {
        first = false;
        return json(403, { error: { code: 'csrf_invalid', message: 'Missing or invalid CSRF token' } });
      }
      return json(200, { stage: 'signed-in' });
    };
    await expect(call(authRoutes.verifyMfa, { body: { code: '123456' } })).resolves.toEqual({ stage: 'signed-in' });
    expect(calls.map((c) => c.url)).toEqual(['/api/auth/mfa/verify', '/api/auth/csrf', '/api/auth/mfa/verify']);
    expect(header(calls[2], 'x-csrf-token')).toBe('t2');
  });

  it('does not retry a plain 403', async () => {
    responder = () => json(403, { error: { code: 'forbidden', message: 'Not allowed' } });
    await expect(call(meRoutes.endSession, { params: { id: '00000000-0000-4000-8000-000000000001' } })).rejects.toMatchObject({
      status: 403,
      code: 'forbidden',
    });
    expect(calls).toHaveLength(1);
  });

  it('throws a typed ApiError with field errors', async () => {
    responder = () =>
      json(400, {
        error: { code: 'validation_failed', message: 'Invalid body: password', fields: [{ path: 'password', message: 'too short' }] },
      });
    const error = await call(authRoutes.completePasswordReset, { body: { token: 'x', password: 'y' } }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', fields: [{ path: 'password', message: 'too short' }] });
  });

  it('reads Retry-After on 429', async () => {
    responder = () => json(429, { error: { code: 'rate_limited', message: 'slow down' } }, { 'retry-after': '42' });
    await expect(call(authRoutes.signIn, { body: { email: 'a@b.fi', password: 'x' } })).rejects.toMatchObject({
      status: 429,
      code: 'rate_limited',
      retryAfter: 42,
    });
  });

  it('returns undefined for 204', async () => {
    responder = () => new Response(null, { status: 204 });
    await expect(call(authRoutes.signOut)).resolves.toBeUndefined();
  });

  it('checks the answer against the route’s own schema: a server that drifted fails loudly', async () => {
    responder = () => json(200, { ...me, totpEnabled: 'yes' });
    const error = await call(meRoutes.get).catch((e) => e);
    expect(error).toMatchObject({ code: 'unexpected_response' });
  });

  it('fills path parameters encoded and builds the query from defined values', async () => {
    responder = () => json(200, { items: [], total: 0, totalCapped: false, page: 1, pageSize: 25 });
    await call(memberRoutes.list, { query: { q: 'a b', role: undefined, page: 2 } });
    expect(calls[0]?.url).toBe('/api/members?q=a+b&page=2');
    expect(urlOf(meRoutes.endSession, { params: { id: 'x/../y' } })).toBe('/api/me/sessions/x%2F..%2Fy');
  });
});
