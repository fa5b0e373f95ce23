import autocannon, { type Options, type Request, type Result } from 'autocannon';
import { totpCodeAt } from '../src/server/kernel/auth/totp.js';

/** One browser's CSRF pair: the signed secret cookie and the token derived from it. */
export interface CsrfPair {
  token: string;
  cookie: string;
}

const cookiesOf = (res: Response): string[] => res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');

async function expectJson(res: Response, what: string): Promise<Record<string, unknown>> {
  const text = await res.text();
  if (res.status < 200 || res.status >= 300) throw new Error(`${what}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as Record<string, unknown>;
}

/** A CSRF pair; with a session cookie, one bound to that session (a token is bound to its session). */
export async function csrfPair(base: string, session?: string): Promise<CsrfPair> {
  const res = await fetch(`${base}/api/auth/csrf`, session ? { headers: { cookie: session } } : {});
  const body = await expectJson(res, 'GET /api/auth/csrf');
  return { token: String(body.csrfToken), cookie: cookiesOf(res).join('; ') };
}

/** Signs a staff account in the way a browser does, second factor included; returns its session cookie. */
export async function signInWithTotp(base: string, email: string, password: string, totpSecret: string): Promise<string> {
  const csrf = await csrfPair(base);
  const headers = { 'content-type': 'application/json', cookie: csrf.cookie, 'x-csrf-token': csrf.token };
  const res = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers, body: JSON.stringify({ email, password }) });
  const body = await expectJson(res, `sign-in of ${email}`);
  if (body.stage !== 'mfa-required') throw new Error(`sign-in of ${email}: expected stage mfa-required, got ${String(body.stage)}`);
  const session = cookiesOf(res).find((c) => c.startsWith('rinnalla_session='));
  if (!session) throw new Error(`sign-in of ${email}: no session cookie`);
  // The token of the anonymous page does not pass with the new session: fetch the session's own.
  const bound = await csrfPair(base, session);
  const verify = await fetch(`${base}/api/auth/mfa/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `${bound.cookie}; ${session}`, 'x-csrf-token': bound.token },
    body: JSON.stringify({ code: totpCodeAt(totpSecret, new Date()) }),
  });
  const verified = await expectJson(verify, `second factor of ${email}`);
  if (verified.stage !== 'signed-in') throw new Error(`second factor of ${email}: stage ${String(verified.stage)}`);
  // The second factor replaces the session (the pre-factor token stops working).
  const upgraded = cookiesOf(verify).find((c) => c.startsWith('rinnalla_session='));
  if (!upgraded) throw new Error(`second factor of ${email}: no new session cookie`);
  return upgraded;
}

/** Signs in an account whose roles need no second factor (client-side roles); returns its session cookie. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await csrfPair(base);
  const headers = { 'content-type': 'application/json', cookie: csrf.cookie, 'x-csrf-token': csrf.token };
  const res = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers, body: JSON.stringify({ email, password }) });
  const body = await expectJson(res, `sign-in of ${email}`);
  if (body.stage !== 'signed-in') throw new Error(`sign-in of ${email}: expected stage signed-in, got ${String(body.stage)}`);
  const session = cookiesOf(res).find((c) => c.startsWith('rinnalla_session='));
  if (!session) throw new Error(`sign-in of ${email}: no session cookie`);
  return session;
}

/**
 * Waits until the server answers `GET /healthz` quickly again: requests still in flight when a
 * load stops keep the server busy, and must not spill into the next endpoint's figures.
 */
export async function settle(base: string, quickMs = 50, limitMs = 600_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    const t = performance.now();
    await fetch(`${base}/healthz`).then((r) => r.arrayBuffer());
    if (performance.now() - t < quickMs || performance.now() - started > limitMs) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** One GET before the load, to fail early with a readable message rather than 100 % non-2xx. */
export async function probe(url: string, cookie?: string): Promise<Record<string, unknown>> {
  const res = await fetch(url, { headers: cookie ? { cookie } : {} });
  return expectJson(res, `GET ${url}`);
}

/** One POST before the load (JSON body, CSRF pair and session, if any), to fail early like `probe`. */
export async function probePost(url: string, body: unknown, csrf: CsrfPair, session?: string): Promise<Record<string, unknown>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: session ? `${csrf.cookie}; ${session}` : csrf.cookie,
      'x-csrf-token': csrf.token,
    },
    body: JSON.stringify(body),
  });
  return expectJson(res, `POST ${url}`);
}

export interface Endpoint {
  key: string;
  label: string;
  /** Which process serves it. */
  target: 'floor' | 'app';
  note?: string;
  /** The autocannon request (its path, method, headers, body or setupRequest). */
  request: Request;
  /**
   * For an endpoint too slow for the common load (one request takes seconds): its own connections,
   * seconds of load, warm-up and per-request timeout instead of the run's.
   */
  load?: { connections: number; duration: number; warmup: number; timeoutSeconds: number };
}

export interface Measurement {
  key: string;
  label: string;
  note?: string | undefined;
  requestsPerSecond: number;
  latency: { p50: number; p90: number; p99: number; mean: number; max: number };
  responses: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  durationSeconds: number;
  /** Share of requests that were not 2xx, or failed outright. */
  failureRate: number;
}

/** A request that takes its path (or body) from a rotating list, so each request differs. */
export function rotating<T>(items: readonly T[], apply: (req: Request, item: T) => Request): Request['setupRequest'] {
  let i = 0;
  return (req) => apply(req, items[i++ % items.length] as T);
}

/**
 * autocannon's own histogram keeps whole milliseconds, too coarse for the floor (well under 1 ms),
 * so every response time (sub-millisecond, from process.hrtime) is also kept here.
 */
async function fire(
  base: string,
  endpoint: Endpoint,
  connections: number,
  duration: number,
  timeoutSeconds = 30,
): Promise<{ result: Result; times: Float64Array }> {
  const opts: Options = {
    url: base,
    connections,
    duration,
    timeout: timeoutSeconds,
    requests: [endpoint.request],
  };
  let times = new Float64Array(1 << 16);
  let n = 0;
  const instance = autocannon(opts);
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
    if (n === times.length) {
      const grown = new Float64Array(times.length * 2);
      grown.set(times);
      times = grown;
    }
    times[n++] = ms;
  });
  const result = await instance;
  return { result, times: times.slice(0, n).sort() };
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
}

/** Warm-up (discarded), then the measured run. */
export async function measure(
  base: string,
  endpoint: Endpoint,
  opts: { connections: number; duration: number; warmup: number },
): Promise<Measurement> {
  const o = endpoint.load ?? { ...opts, timeoutSeconds: 30 };
  if (o.warmup > 0) await fire(base, endpoint, o.connections, o.warmup, o.timeoutSeconds);
  const { result: r, times } = await fire(base, endpoint, o.connections, o.duration, o.timeoutSeconds);
  const responses = r['1xx'] + r['2xx'] + r['3xx'] + r['4xx'] + r['5xx'];
  const attempts = responses + r.errors;
  return {
    key: endpoint.key,
    label: endpoint.label,
    note: endpoint.note,
    requestsPerSecond: r.requests.average,
    latency: {
      p50: percentile(times, 0.5),
      p90: percentile(times, 0.9),
      p99: percentile(times, 0.99),
      mean: times.reduce((a, b) => a + b, 0) / (times.length || 1),
      max: percentile(times, 1),
    },
    responses,
    ok2xx: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => [code, Number(s.count)])),
    durationSeconds: r.duration,
    failureRate: attempts === 0 ? 1 : (r.non2xx + r.errors) / attempts,
  };
}
