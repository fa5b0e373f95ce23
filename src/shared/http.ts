import type { z } from 'zod';

/**
 * One route of the HTTP API, as both sides see it. The server mounts it (validation, OpenAPI,
 * declared statuses: kernel/http/endpoint.ts); the web calls it (app/api.ts `call`), typed by the
 * same schemas. A route is declared once, here in src/shared, never re-typed by hand.
 */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type SuccessStatus = 200 | 201 | 202 | 204;
/** Errors a route answers beyond the ones the kernel declares for every route of its kind. */
/** 401 for a public route that refuses credentials (sign-in). */
export type ExtraErrorStatus = 401 | 404 | 409 | 410 | 413 | 422 | 423;

export interface RouteDef {
  method: Method;
  /** Fastify style: /api/processes/:id */
  path: string;
  tags: readonly string[];
  summary?: string;
  /** The rules a schema cannot show (time zones, end after start…), stated for the document. */
  description?: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Success answers by status; `null` for one without a body (204). */
  responses: Partial<Record<SuccessStatus, z.ZodType | null>>;
  errors?: readonly ExtraErrorStatus[];
  /** A body that is not JSON (text/csv, text/calendar): its content type. */
  produces?: string;
}

export function defineRoute<const D extends RouteDef>(def: D): D {
  return def;
}

type Field<D, K extends 'params' | 'query' | 'body'> = D extends Record<K, infer S extends z.ZodType> ? z.input<S> : undefined;
export type RouteParams<D extends RouteDef> = Field<D, 'params'>;
export type RouteQuery<D extends RouteDef> = Field<D, 'query'>;
export type RouteBody<D extends RouteDef> = Field<D, 'body'>;

/** What a call gives back on success: the output of its first success schema (undefined for 204). */
export type RouteResult<D extends RouteDef> = D['responses'] extends infer R
  ? R extends { 200: infer S extends z.ZodType }
    ? z.output<S>
    : R extends { 201: infer S extends z.ZodType }
      ? z.output<S>
      : R extends { 202: infer S extends z.ZodType }
        ? z.output<S>
        : undefined
  : never;

/** The type of a route's success answer, for components that receive it as a prop. */
export type Out<D extends RouteDef> = RouteResult<D>;

/** Fills `:name` segments; every value is encoded so an id can never add a path segment. */
export function pathOf(path: string, params?: Record<string, unknown>): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}
