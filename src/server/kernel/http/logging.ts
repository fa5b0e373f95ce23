import type { FastifyInstance, FastifyServerOptions } from 'fastify';

const tokenRun = /[A-Za-z0-9_-]{20,}/g;

/**
 * Paths may carry credentials (a check-in link, a calendar feed's `<secret>.ics`, an invitation
 * token); query strings may carry search terms that are personal data. Logs keep the route shape
 * only: every run of 20 or more token characters is masked wherever it stands in the path (no
 * route has a segment that long), after undoing percent-escapes so an escaped one is masked too.
 */
export function safeUrl(url: string): string {
  const path = url.split('?')[0] ?? '';
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed escape: judged as sent.
  }
  return (decoded.split('?')[0] ?? '').replace(tokenRun, '[token]');
}

/**
 * Errors keep what finds the fault (type, code, constraint, the message with token-like runs
 * masked, the stack frames), not the data that met it: a database error carries its query, the
 * query's parameters and a detail quoting the row, and the default serializer logs them all.
 */
export function safeError(err: unknown): { type: string; message: string; stack: string; [key: string]: unknown } {
  if (!(err instanceof Error)) return { type: typeof err, message: String(err).replace(tokenRun, '[token]'), stack: '' };
  const e = err as Error & Record<string, unknown>;
  const message = e.message.replace(tokenRun, '[token]');
  const frames = (e.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  const out: { type: string; message: string; stack: string; [key: string]: unknown } = {
    type: e.name,
    message,
    stack: [`${e.name}: ${message}`, ...frames].join('\n'),
  };
  for (const key of ['code', 'statusCode', 'constraint', 'table', 'column', 'routine'] as const) {
    if (typeof e[key] === 'string' || typeof e[key] === 'number') out[key] = e[key];
  }
  return out;
}

/**
 * JSON for machines in production and tests; in development one readable line per request
 * (pino-pretty in a worker) so a newcomer's terminal keeps the start banner in view, and errors with
 * their stack in full.
 */
export function loggerOptions(level: string, pretty = false): FastifyServerOptions['logger'] {
  return {
    level,
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: {
              translateTime: 'HH:MM:ss',
              ignore: 'pid,hostname,reqId,requestId,method,url,statusCode,ms',
              singleLine: true,
              messageKey: 'msg',
            },
          },
        }
      : {}),
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
      remove: true,
    },
    serializers: {
      req(req) {
        return { method: req.method, url: safeUrl(req.url), requestId: req.id };
      },
      res(res) {
        return { statusCode: res.statusCode };
      },
      err: safeError,
    },
  };
}

/**
 * One line per request instead of Fastify's two ("incoming request" and "request completed"): the
 * method, the route-shaped URL, the status and the time, with the request id for finding it again.
 */
export function logCompletedRequests(app: FastifyInstance): void {
  app.addHook('onResponse', async (req, reply) => {
    req.log.info(
      { requestId: req.id, method: req.method, url: safeUrl(req.url), statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      `${req.method} ${safeUrl(req.url)} ${reply.statusCode} ${Math.round(reply.elapsedTime)} ms`,
    );
  });
}
