import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../testing/database.js';
import { Client, memoryLog, seedWorld, startTestApp, type TestApp, testPassword, type World } from '../../testing/harness.js';
import { systemCaller } from '../access/caller.js';
import { Repository } from '../access/repository.js';
import { DataCipher } from '../crypto.js';

let t: TestApp;
let world: World;
const log = memoryLog();

beforeAll(async () => {
  t = await startTestApp({ config: { logLevel: 'info' }, logStream: log.stream });
  world = await seedWorld(t.db, new DataCipher(t.config.dataKey));
});
afterAll(() => t.close());

describe('errors', () => {
  it('answers bad input with 400 naming each field', async () => {
    const c = new Client(t.app);
    const res = await c.post('/api/auth/sign-in', { email: 'not-an-address' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['email', 'password']);
  });

  it('answers malformed JSON with a JSON 400', async () => {
    const c = new Client(t.app);
    const res = await c.request('POST', '/api/auth/sign-in', undefined, {
      'content-type': 'application/json',
      'x-csrf-token': await c.csrfToken(),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBeTruthy();
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing/here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    const post = await t.app.inject({ method: 'POST', url: '/nothing', payload: {} });
    expect(post.statusCode).toBe(404);
  });

  it('validates path ids', async () => {
    const c = new Client(t.app);
    await c.signIn(world.users.provider_admin.email);
    const res = await c.get('/api/organisations/not-a-uuid');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('id');
  });

  it('serves the OpenAPI document and a readable reference generated from the same schemas', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/sign-in', '/api/members', '/api/audit']));
    const signIn = doc.paths['/api/auth/sign-in'].post;
    expect(signIn.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['email', 'password']));
    const page = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
  });

  it('sets security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toBeTruthy();
  });
});

describe('logs', () => {
  it('carry a request id and no personal data or secrets', async () => {
    const c = new Client(t.app);
    await c.signIn(world.users.provider_admin.email);
    await c.get(`/api/members?q=${encodeURIComponent('peer supporter')}`);
    await new Client(t.app).post('/api/auth/password-reset/request', { email: world.users.participant.email });
    const sent = await t.deliverMail();
    const token = /token=([\w-]+)/.exec(sent.at(-1)!.text)![1]!;
    await new Client(t.app).get(`/api/invitations/by-token/${token}`);
    const text = log.text();
    expect(text).toContain('"requestId"');
    for (const secret of [
      world.users.provider_admin.email,
      world.users.participant.email,
      testPassword,
      token,
      'peer supporter',
      'peer%20supporter',
      'rinnalla_session=',
      'rinnalla_csrf=',
    ]) {
      expect(text, secret).not.toContain(secret);
    }
  });
});

describe('database outage', () => {
  it('answers 503 with Retry-After and reports not ready while the database is gone', async () => {
    const db = await freshDatabase();
    const app = await startTestApp({ db });
    const w = await seedWorld(db, new DataCipher(app.config.dataKey));
    const c = new Client(app.app);
    await c.signIn(w.users.provider_admin.email);
    await c.csrfToken();
    // Take the database away under the running app.
    await db.close();
    const ready = await app.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    const write = await c.post('/api/organisations', { name: 'During outage' });
    expect(write.statusCode).toBe(503);
    expect(write.json().error.code).toBe('unavailable');
    expect(write.headers['retry-after']).toBeTruthy();
    await app.app.close();
  });

  it('leaves nothing half-written when a write fails midway', async () => {
    const count = async (table: 'organisations' | 'audit_events') =>
      Number(
        (
          await t.db.kysely
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirst()
        )?.n,
      );
    const before = { orgs: await count('organisations'), audit: await count('audit_events') };
    const caller = { ...systemCaller(world.providerId), userId: world.users.provider_admin.id };
    const repo = new Repository(t.db.kysely, caller);
    await expect(
      repo.transaction(async (tx) => {
        await tx.insert('organisations', { name: 'Half written', business_id: null });
        await tx.insert('units', { organisation_id: '00000000-0000-4000-8000-000000000000', name: 'Orphan', parent_id: null });
      }),
    ).rejects.toThrow();
    expect(await count('organisations')).toBe(before.orgs);
    expect(await count('audit_events')).toBe(before.audit);
  });
});
