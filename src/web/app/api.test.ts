import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, refreshCsrfToken } from './api';

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
    responder = () => json(200, { ok: true });
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
    await api.get('/api/me');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.init.credentials).toBe('same-origin');
    expect(header(calls[0], 'x-csrf-token')).toBeUndefined();
  });

  it('sends the CSRF token on state-changing requests', async () => {
    await api.post('/api/auth/sign-out');
    await api.patch('/api/me', { name: 'A' });
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
    await expect(api.post('/api/auth/mfa/verify', { code: '123456' })).resolves.toEqual({ stage: 'signed-in' });
    expect(calls.map((c) => c.url)).toEqual(['/api/auth/mfa/verify', '/api/auth/csrf', '/api/auth/mfa/verify']);
    expect(header(calls[2], 'x-csrf-token')).toBe('t2');
  });

  it('does not retry a plain 403', async () => {
    responder = () => json(403, { error: { code: 'forbidden', message: 'Not allowed' } });
    await expect(api.delete('/api/members/1')).rejects.toMatchObject({ status: 403, code: 'forbidden' });
    expect(calls).toHaveLength(1);
  });

  it('throws a typed ApiError with field errors', async () => {
    responder = () =>
      json(400, {
        error: { code: 'validation_failed', message: 'Invalid body: password', fields: [{ path: 'password', message: 'too short' }] },
      });
    const error = await api.post('/api/auth/password-reset/complete', { token: 'x', password: 'y' }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', fields: [{ path: 'password', message: 'too short' }] });
  });

  it('reads Retry-After on 429', async () => {
    responder = () => json(429, { error: { code: 'rate_limited', message: 'slow down' } }, { 'retry-after': '42' });
    await expect(api.post('/api/auth/sign-in', {})).rejects.toMatchObject({ status: 429, code: 'rate_limited', retryAfter: 42 });
  });

  it('returns undefined for 204', async () => {
    responder = () => new Response(null, { status: 204 });
    await expect(api.post('/api/auth/sign-out')).resolves.toBeUndefined();
  });
});
