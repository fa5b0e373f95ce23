import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RouteMatcher } from './route-match.js';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A request the router matched to no route: if its path is a route under other methods it gets 405
 * with `Allow`; otherwise a state-changing one gets the 404 at once (nothing there could change
 * state, so the CSRF check has nothing to protect and would only answer a misleading 403).
 * Registered before the CSRF hook; read-only requests that match nothing go on to the not-found
 * handler, which serves the web app's pages.
 */
export function registerMethodNotAllowed(app: FastifyInstance): void {
  let matcher: RouteMatcher | null = null;
  let seen = -1;
  const methodsOf = (url: string): string[] => {
    if (!matcher || seen !== app.routeTable.length) {
      matcher = new RouteMatcher(app.routeTable.map((r) => r.url));
      seen = app.routeTable.length;
    }
    const patterns = new Set(matcher.match(url));
    const methods = new Set(app.routeTable.filter((r) => patterns.has(r.url)).map((r) => r.method));
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  };
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!req.is404) return;
    const allowed = methodsOf(req.url);
    if (allowed.length) {
      return reply
        .status(405)
        .header('allow', allowed.join(', '))
        .send({ error: { code: 'method_not_allowed', message: `${req.method} is not allowed here; use ${allowed.join(', ')}` } });
    }
    if (stateChanging.has(req.method)) {
      return reply.status(404).send({ error: { code: 'not_found', message: `No route ${req.method} ${req.url.split('?')[0]}` } });
    }
  });
}
