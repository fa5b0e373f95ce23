/**
 * The OpenAPI document tells the truth about the whole app: wrong methods, long path parameters,
 * public routes, 204s and the rules in descriptions; and the harness holds every answer to it.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteDef } from '../../../shared/http.js';
import { Client, ContractViolation, startTestApp, type TestApp } from '../../testing/harness.js';
import { Contract } from './contract.js';

interface Doc {
  paths: Record<string, Record<string, { description?: string; security?: unknown[]; responses: Record<string, { content?: object }> }>>;
}

let t: TestApp;
let doc: Doc;
const docPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

beforeAll(async () => {
  t = await startTestApp();
  doc = t.app.swagger() as unknown as Doc;
});
afterAll(() => t.close());

/** Every route definition exported by src/shared, at any depth of an exported object. */
async function sharedRouteDefs(): Promise<RouteDef[]> {
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared');
  const defs: RouteDef[] = [];
  const visit = (v: unknown, depth: number) => {
    if (!v || typeof v !== 'object' || depth > 3) return;
    const d = v as Partial<RouteDef>;
    if (typeof d.method === 'string' && typeof d.path === 'string' && d.responses && typeof d.responses === 'object') {
      defs.push(d as RouteDef);
      return;
    }
    if (Object.getPrototypeOf(v) === Object.prototype) for (const child of Object.values(v)) visit(child, depth + 1);
  };
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    for (const exported of Object.values(await import(path.join(dir, file)))) visit(exported, 0);
  }
  return defs;
}

describe('the OpenAPI document', () => {
  it('answers a wrong method 405 with Allow and the error body, before CSRF could refuse it', async () => {
    const anonymous = new Client(t.app);
    // DELETE without a CSRF token on a GET-only path: not 403, not 404.
    const del = await t.app.inject({ method: 'DELETE', url: '/api/home' });
    expect(del.statusCode).toBe(405);
    expect(del.headers.allow).toBe('GET, HEAD');
    expect(del.json().error.code).toBe('method_not_allowed');
    const get = await anonymous.get('/api/auth/sign-in');
    expect(get.statusCode).toBe(405);
    expect(get.headers.allow).toBe('POST');
    // A path no route has stays a 404, whatever the method.
    expect((await t.app.inject({ method: 'DELETE', url: '/api/nothing/here' })).statusCode).toBe(404);
    expect((await anonymous.post('/api/nothing/here', {})).statusCode).toBe(404);
  });

  it('lets the schema, not the router, refuse a long path parameter: 400 naming it', async () => {
    const token = 'a'.repeat(201);
    for (const url of [`/api/respond/${token}`, `/api/invitations/by-token/${token}`]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.fields?.map((f: { path: string }) => f.path)).toContain('token');
    }
    const accept = await new Client(t.app).post(`/api/invitations/by-token/${token}/accept`, {
      name: 'X',
      password: 'long enough password',
    });
    expect(accept.statusCode).toBe(400);
    expect(accept.json().error.fields?.map((f: { path: string }) => f.path)).toContain('token');
    // Beyond the router's own limit it is still a 400 in the one error shape, not a 414.
    const huge = await t.app.inject({ method: 'GET', url: `/api/respond/${'a'.repeat(600)}` });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().error.code).toBe('validation_failed');
    // The router answers it before any hook: it still must not be cached, sniffed or untraceable.
    expect(huge.headers['cache-control']).toBe('no-store');
    expect(huge.headers['x-content-type-options']).toBe('nosniff');
    expect(huge.headers['x-request-id']).toBeTruthy();
    // A path that cannot be decoded (an unpaired surrogate as WTF-8) is a 400 in the same shape.
    const undecodable = await t.app.inject({ method: 'GET', url: '/api/respond/%ED%A0%80abc' });
    expect(undecodable.statusCode).toBe(400);
    expect(undecodable.json().error.code).toBe('bad_request');
  });

  it('asks no session of a public route', () => {
    const failing = t.app.routeTable
      .filter((r) => r.access === 'public')
      .map((r) => ({ r, op: doc.paths[docPath(r.url)]?.[r.method.toLowerCase()] }))
      .filter(({ op }) => op && JSON.stringify(op.security) !== '[]')
      .map(({ r }) => `${r.method} ${r.url}`);
    expect(failing).toEqual([]);
    expect(doc.paths['/healthz']?.get?.security).toEqual([]);
    expect(doc.paths['/api/auth/csrf']?.get?.security).toEqual([]);
  });

  it('declares every 204 without content', () => {
    const with204 = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.entries(ops).flatMap(([m, op]) => (op.responses?.['204'] ? [{ at: `${m} ${p}`, content: op.responses['204'].content }] : [])),
    );
    expect(with204.length).toBeGreaterThan(3);
    expect(with204.filter((x) => x.content)).toEqual([]);
  });

  it('states the rules each shared route definition describes', async () => {
    const defs = await sharedRouteDefs();
    expect(defs.length).toBeGreaterThan(10);
    const missing = defs
      .filter((d) => d.description)
      .filter((d) => doc.paths[docPath(d.path)]?.[d.method.toLowerCase()]?.description !== d.description)
      .map((d) => `${d.method} ${d.path}`);
    expect(missing).toEqual([]);
  });
});

describe('the harness contract check', () => {
  it('checks every answer through app.inject and fails the test on one the document does not declare', async () => {
    // A check of the real document: undeclared status and wrong body are named.
    const contract = Contract.of(t.app);
    expect(contract.check('GET', '/api/home', { statusCode: 418, headers: { 'content-type': 'application/json' }, body: '{}' })).toMatch(
      /GET \/api\/home → 418: status 418 is not declared/,
    );
    // The wrapper cannot be bypassed by the chain or callback forms.
    expect(() => (t.app.inject as unknown as () => unknown)()).toThrow(/contract check/);
    // And an ordinary answer passes through it.
    expect((await t.app.inject({ method: 'GET', url: '/api/home' })).statusCode).toBe(401);
  });

  it('lets a test that breaks the server on purpose opt out, and only with a reason', async () => {
    await expect(t.withoutContractCheck('', async () => 1)).rejects.toThrow(/reason/);
    expect(await t.withoutContractCheck('demonstration', async () => 2)).toBe(2);
    expect(ContractViolation.name).toBe('ContractViolation');
  });
});
