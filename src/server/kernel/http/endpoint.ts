import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RouteDef } from '../../../shared/http.js';
import { errorBody } from '../../../shared/schemas.js';
import type { RouteAccess } from './types.js';

/**
 * Mounts a shared route definition (src/shared) on the server:
 *   app.route({ ...endpoint(processes.list, staff), handler: async (req) => … })
 * The schemas validate the request, type the handler and feed OpenAPI; the access rule sits beside
 * it. The statuses every route of a kind can answer are declared here once, from what the kernel
 * does (input guard and validation, sessions, CSRF, roles, rate limit, database down), so the
 * document states every answer; a route adds the ones its own logic gives (`errors`).
 */

type ErrorStatuses = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 423 | 429 | 503;

type SuccessSchemas<D extends RouteDef> = {
  [K in keyof D['responses']]: D['responses'][K] extends z.ZodType ? D['responses'][K] : z.ZodNull;
};

export interface Endpoint<D extends RouteDef> {
  method: D['method'];
  url: string;
  config: { access: RouteAccess };
  schema: {
    tags: string[];
    summary?: string;
    description?: string;
    params: D['params'];
    querystring: D['query'];
    body: D['body'];
    response: SuccessSchemas<D> & Partial<Record<ErrorStatuses, typeof errorBody>>;
    security?: [];
  };
  /** Only for a route that `produces` another content type than JSON: sets it before the handler. */
  preHandler?: (req: FastifyRequest, reply: FastifyReply) => Promise<void>;
}

/** The error statuses a route answers, from its access rule, its inputs and its own `errors`. */
export function declaredErrors(def: RouteDef, access: RouteAccess): ErrorStatuses[] {
  const statuses = new Set<ErrorStatuses>([400, 429, 503]);
  const stateChanging = def.method !== 'GET';
  // Fastify reads a body on every method but GET (and HEAD), whether the route takes one or not:
  // any such request may be too large (413) or of a type no parser reads (415).
  if (stateChanging) {
    statuses.add(413);
    statuses.add(415);
  }
  if (access !== 'public') statuses.add(401);
  // A role or platform-admin rule refuses others; every state-changing request can fail CSRF.
  if (typeof access === 'object' || access === 'platform-admin' || stateChanging || access === 'signed-in') statuses.add(403);
  // A path parameter names something that may not exist (or that the caller may not see).
  if (def.params) statuses.add(404);
  for (const s of def.errors ?? []) statuses.add(s);
  return [...statuses].sort();
}

/** A 204 sends nothing; the OpenAPI transform (openapi.ts) declares it without content. */
const noContent = z.null().describe('No content');

/** The content type a `produces` route sends, with a charset for text. */
const contentTypeOf = (produces: string) =>
  produces.startsWith('text/') && !produces.includes('charset') ? `${produces}; charset=utf-8` : produces;

export function endpoint<const D extends RouteDef>(def: D, access: RouteAccess): Endpoint<D> {
  const response: Record<number, z.ZodType | { description: string; content: Record<string, { schema: z.ZodType }> }> = {};
  const produces = def.produces ? def.produces.split(';')[0]?.trim() : undefined;
  for (const [status, schema] of Object.entries(def.responses)) {
    // Not JSON (CSV, iCalendar): the success answer is declared under its own content type, so the
    // document shows it and the handler's string is sent as it is; errors stay JSON.
    response[Number(status)] =
      produces && schema ? { description: def.summary ?? 'Success', content: { [produces]: { schema } } } : (schema ?? noContent);
  }
  for (const status of declaredErrors(def, access)) response[status] = errorBody;
  return {
    method: def.method,
    url: def.path,
    config: { access },
    schema: {
      tags: [...def.tags],
      ...(def.summary ? { summary: def.summary } : {}),
      ...(def.description ? { description: def.description } : {}),
      // Only the parts a route has: an `undefined` schema is a schema Fastify warns about.
      ...((def.params ? { params: def.params } : {}) as { params: D['params'] }),
      ...((def.query ? { querystring: def.query } : {}) as { querystring: D['query'] }),
      ...((def.body ? { body: def.body } : {}) as { body: D['body'] }),
      response: response as Endpoint<D>['schema']['response'],
      // Public routes need no session: the document must not ask for one.
      ...(access === 'public' ? { security: [] as [] } : {}),
    },
    // A string sent with a text content type goes out as it is (no JSON serialisation); the error
    // handler (Fastify's own error path, before ours sends) drops this type, so an error answer is JSON.
    ...(def.produces
      ? {
          preHandler: async (_req: FastifyRequest, reply: FastifyReply) => {
            reply.type(contentTypeOf(def.produces as string));
          },
        }
      : {}),
  };
}
