import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineRoute } from '../../../shared/http.js';
import { Contract } from './contract.js';
import { declaredErrors, endpoint } from './endpoint.js';
import { registerErrorHandling } from './errors.js';
import { registerMethodNotAllowed } from './methods.js';
import { openapiTransform } from './openapi.js';
import type { RegisteredRoute } from './types.js';

/** A tiny app with the kernel's compilers, error shape and document transform, and a few routes. */
const csv = defineRoute({
  method: 'GET',
  path: '/api/things.csv',
  tags: ['things'],
  summary: 'Things as CSV',
  produces: 'text/csv',
  query: z.object({ n: z.coerce.number().int().min(1).max(3).default(1) }),
  responses: { 200: z.string() },
});
const remove = defineRoute({
  method: 'DELETE',
  path: '/api/things/:id',
  tags: ['things'],
  description: 'Removing a thing that is already gone is not an error.',
  params: z.object({ id: z.string().uuid() }),
  responses: { 204: null },
});
const show = defineRoute({
  method: 'GET',
  path: '/api/things/:id',
  tags: ['things'],
  params: z.object({ id: z.string().uuid() }),
  responses: { 200: z.object({ id: z.string().uuid(), count: z.number().int() }) },
});
const ping = defineRoute({ method: 'POST', path: '/api/ping', tags: ['things'], responses: { 200: z.object({ ok: z.literal(true) }) } });

let app: FastifyInstance;
let doc: {
  paths: Record<
    string,
    Record<string, { description?: string; security?: unknown[]; responses: Record<string, { content?: Record<string, unknown> }> }>
  >;
};
const id = '5b0c1c53-7c6a-4d4b-9a55-0b8f7d3f8f10';

beforeAll(async () => {
  app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  const routeTable: RegisteredRoute[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat())
      if (method !== 'HEAD') routeTable.push({ method, url: r.url, access: r.config?.access ?? null });
  });
  registerMethodNotAllowed(app);
  await app.register(swagger, { openapi: { info: { title: 't', version: '1' } }, transform: openapiTransform });
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.route({ ...endpoint(csv, 'signed-in'), handler: async (req) => `a;b\n${'1;2\n'.repeat(req.query.n)}` });
  typed.route({ ...endpoint(remove, 'signed-in'), handler: async (_req, reply) => reply.status(204).send(null) });
  typed.route({ ...endpoint(show, 'public'), handler: async (req) => ({ id: req.params.id, count: 2 }) });
  typed.route({ ...endpoint(ping, 'public'), handler: async () => ({ ok: true as const }) });
  // An old-style route answering 204 with the `z.null()` the routes used before endpoint().
  typed.post('/api/legacy', { config: { access: 'signed-in' }, schema: { response: { 204: z.null() } } }, async (_req, reply) =>
    reply.status(204).send(null),
  );
  await app.ready();
  doc = app.swagger() as unknown as typeof doc;
});
afterAll(() => app.close());

describe('endpoint()', () => {
  it('declares a 204 without content, from endpoint() and from an old-style z.null()', async () => {
    expect(doc.paths['/api/things/{id}']?.delete?.responses['204']).toEqual({ description: 'No content' });
    expect(doc.paths['/api/legacy']?.post?.responses['204']).toEqual({ description: 'No content' });
    const res = await app.inject({ method: 'DELETE', url: `/api/things/${id}` });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect(res.headers['content-type']).toBeUndefined();
  });

  it('sends a text answer raw with its own content type, which the document shows; errors stay JSON', async () => {
    const content = doc.paths['/api/things.csv']?.get?.responses['200']?.content;
    expect(Object.keys(content ?? {})).toEqual(['text/csv']);
    expect(Object.keys(doc.paths['/api/things.csv']?.get?.responses['400']?.content ?? {})).toEqual(['application/json']);
    const res = await app.inject({ method: 'GET', url: '/api/things.csv?n=2' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.body).toBe('a;b\n1;2\n1;2\n');
    const bad = await app.inject({ method: 'GET', url: '/api/things.csv?n=9' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/json/);
    expect(bad.json().error.code).toBe('validation_failed');
  });

  it('puts the rules the schema cannot show (description) into the document', () => {
    expect(doc.paths['/api/things/{id}']?.delete?.description).toBe(remove.description);
  });

  it('declares no security on public routes', () => {
    expect(doc.paths['/api/things/{id}']?.get?.security).toEqual([]);
    expect(doc.paths['/api/ping']?.post?.security).toEqual([]);
    expect(doc.paths['/api/things/{id}']?.delete?.security).toBeUndefined();
  });

  it('declares 413 and 415 for every method that may carry a body, with a body schema or not', async () => {
    expect(declaredErrors(ping, 'public')).toEqual(expect.arrayContaining([400, 403, 413, 415, 429, 503]));
    expect(declaredErrors(show, 'public')).not.toContain(415);
    // And the server answers them so, on a route that takes no body.
    const wrongType = await app.inject({
      method: 'POST',
      url: '/api/ping',
      payload: '<x/>',
      headers: { 'content-type': 'application/xml' },
    });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().error.code).toBe('bad_body');
    const tooBig = await app.inject({
      method: 'POST',
      url: '/api/ping',
      payload: JSON.stringify({ x: 'y'.repeat(1024 * 1024 + 1) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('bad_body');
    // A GET's body is never read.
    const getWithBody = await app.inject({
      method: 'GET',
      url: `/api/things/${id}`,
      payload: '<x/>',
      headers: { 'content-type': 'application/xml' },
    });
    expect(getWithBody.statusCode).toBe(200);
  });

  it('answers a wrong method 405 with Allow and the error body', async () => {
    const res = await app.inject({ method: 'PUT', url: `/api/things/${id}` });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe('DELETE, GET, HEAD');
    expect(res.json().error.code).toBe('method_not_allowed');
    const get = await app.inject({ method: 'GET', url: '/api/ping' });
    expect(get.statusCode).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect((await app.inject({ method: 'GET', url: '/api/nothing' })).statusCode).toBe(404);
  });
});

describe('the contract check', () => {
  const res = (statusCode: number, body: unknown, contentType = 'application/json; charset=utf-8') => ({
    statusCode,
    headers: contentType ? { 'content-type': contentType } : {},
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  let contract: Contract;
  beforeAll(() => {
    contract = Contract.of(app);
  });

  it('passes answers the document declares', () => {
    expect(contract.check('GET', `/api/things/${id}`, res(200, { id, count: 1 }))).toBeNull();
    expect(contract.check('GET', `/api/things/${id}?x=1`, res(404, { error: { code: 'not_found', message: 'gone' } }))).toBeNull();
    expect(contract.check('DELETE', `/api/things/${id}`, res(204, '', ''))).toBeNull();
    expect(contract.check('GET', '/api/things.csv', res(200, 'a;b\n', 'text/csv; charset=utf-8'))).toBeNull();
    expect(contract.check('PUT', `/api/things/${id}`, res(405, { error: { code: 'method_not_allowed', message: 'no' } }))).toBeNull();
    expect(contract.check('GET', '/api/nothing', res(404, { error: { code: 'not_found', message: 'no' } }))).toBeNull();
  });

  it('names an undeclared status, a body off its schema, a wrong content type and a body on a 204', () => {
    expect(contract.check('GET', `/api/things/${id}`, res(500, { error: { code: 'internal', message: 'x' } }))).toMatch(
      /GET \/api\/things\/.* → 500: status 500 is not declared for GET \/api\/things\/\{id\}/,
    );
    expect(contract.check('GET', `/api/things/${id}`, res(200, { id, count: '1' }))).toMatch(/body does not match.*count must be integer/);
    expect(contract.check('GET', `/api/things/${id}`, res(400, { message: 'x' }))).toMatch(
      /does not match.*must have required property 'error'/,
    );
    expect(contract.check('GET', '/api/things.csv', res(200, '"a;b"'))).toMatch(
      /sent content type 'application\/json', declared text\/csv/,
    );
    expect(contract.check('DELETE', `/api/things/${id}`, res(204, 'null'))).toMatch(/declared without content/);
    expect(contract.check('GET', '/api/nothing', res(403, { error: { code: 'x', message: 'y' } }))).toMatch(/no route matches/);
    expect(contract.check('GET', '/api/nothing', res(404, { error: 'Not Found' }))).toMatch(/not the error shape/);
  });
});
