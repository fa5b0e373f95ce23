import type { FastifyServerOptions } from 'fastify';

/**
 * Paths may carry single-use tokens (invitation links); query strings may carry search terms that
 * are personal data. Logs keep the route shape only.
 */
export function safeUrl(url: string): string {
  const path = url.split('?')[0] ?? '';
  return path.replace(/\/[A-Za-z0-9_-]{20,}(?=\/|$)/g, '/[token]');
}

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'], remove: true },
    serializers: {
      req(req) {
        return { method: req.method, url: safeUrl(req.url), requestId: req.id };
      },
      res(res) {
        return { statusCode: res.statusCode };
      },
    },
  };
}
