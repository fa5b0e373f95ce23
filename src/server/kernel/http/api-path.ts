import type { FastifyRequest } from 'fastify';

/**
 * Whether a request is for the API, judged by the path the router matched (which it decodes:
 * `/%61pi/…` reaches `/api/…` routes), not by the raw URL. Unmatched requests are judged by
 * their decoded path; one that cannot be decoded is treated as API, the safer side.
 */
export function isApiRequest(req: FastifyRequest): boolean {
  const routed = req.routeOptions.url;
  if (routed && routed !== '/*' && routed !== '*') return routed.startsWith('/api/');
  const raw = req.url.split('?')[0] ?? '';
  try {
    return decodeURIComponent(raw).toLowerCase().startsWith('/api/');
  } catch {
    return true;
  }
}
