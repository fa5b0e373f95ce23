/**
 * Input the database cannot store must be refused up front with a 400 naming the field, never
 * reach PostgreSQL and come back as a 500 (security review, finding 8): NUL bytes and unpaired
 * surrogates anywhere in params, query or body; months and dates outside the years both
 * PostgreSQL and Luxon handle the same way.
 */
import Fastify from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, seedWorld, startTestApp, type TestApp, type World } from '../../testing/harness.js';
import { type SupervisionWorld, seedSupervision } from '../../testing/supervision.js';
import { DataCipher } from '../crypto.js';
import { registerErrorHandling } from './errors.js';

let t: TestApp;
let world: World;
let sup: SupervisionWorld;
let admin: Client;
let practitioner: Client;

const form = {
  kind: 'crisis',
  serviceKind: 'crisis_group',
  organisationName: 'Care Home Alpha Oy',
  contactName: 'Hanna Henkilöstö',
  contactEmail: 'hanna@example.test',
  eventType: 'violence_or_threat',
  preferredLocale: 'fi',
  message: 'A resident threatened the night shift.',
  consent: true,
  elapsedMs: 40_000,
};

const fieldPaths = (res: { json: () => { error: { fields?: { path: string }[] } } }) => (res.json().error.fields ?? []).map((f) => f.path);

beforeAll(async () => {
  t = await startTestApp();
  const cipher = new DataCipher(t.config.dataKey);
  world = await seedWorld(t.db, cipher);
  sup = await seedSupervision(t.db, world, cipher);
  admin = new Client(t.app);
  await admin.signIn(world.users.provider_admin.email);
  practitioner = new Client(t.app);
  await practitioner.signIn(world.users.practitioner.email);
});
afterAll(() => t.close());

describe('text the database cannot store', () => {
  it('refuses a NUL byte in the public request form with a 400 naming the field', async () => {
    for (const field of ['message', 'contactName', 'organisationName'] as const) {
      const res = await new Client(t.app).post('/api/public/providers/provider-a/requests', { ...form, [field]: `before\u0000after` });
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(fieldPaths(res)).toContain(field);
    }
  });

  it('refuses a lone surrogate in the public request form with a 400 naming the field', async () => {
    for (const text of ['\ud800', 'x\udc00y', 'end\ud83d']) {
      const res = await new Client(t.app).post('/api/public/providers/provider-a/requests', { ...form, message: text });
      expect(res.statusCode, res.body).toBe(400);
      expect(fieldPaths(res)).toContain('message');
    }
    // A proper pair (an emoji) is ordinary text.
    const ok = await new Client(t.app).post('/api/public/providers/provider-a/requests', { ...form, message: 'Thanks \ud83d\ude4f' });
    expect(ok.statusCode, ok.body).toBe(202);
  });

  it('refuses a NUL byte or a lone surrogate in a check-in draft, in a value or a key', async () => {
    const sent = await practitioner.post(`/api/processes/${sup.processId}/checkins`, {
      instrumentKey: 'session_feedback',
      personIds: [sup.otherPersonIds[1]],
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const mail = (await t.deliverMail()).find((m) => /\/r\/[A-Za-z0-9_-]{20,}/.test(m.text));
    const token = /\/r\/([A-Za-z0-9_-]{20,})/.exec(mail!.text)![1]!;
    const cases: [Record<string, unknown>, string][] = [
      [{ comment: 'a\u0000b' }, 'answers.comment'],
      [{ comment: '\udfff' }, 'answers.comment'],
      [{ 'i\u00001': 2 }, 'answers.i\\u00001'],
      [{ '\ud800': 2 }, 'answers.\\ud800'],
    ];
    for (const [answers, path] of cases) {
      const res = await new Client(t.app).request('PUT', `/api/respond/${token}/draft`, { answers });
      expect(res.statusCode, res.body).toBe(400);
      expect(fieldPaths(res)).toContain(path);
    }
    const ok = await new Client(t.app).request('PUT', `/api/respond/${token}/draft`, { answers: { i1: 3, comment: 'Fine \ud83d\ude4f' } });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('refuses a NUL byte in a path parameter and in the query string', async () => {
    const param = await new Client(t.app).get('/api/public/providers/provider-a%00');
    expect(param.statusCode, param.body).toBe(400);
    expect(fieldPaths(param)).toContain('slug');
    const query = await admin.get(`/api/members?q=${encodeURIComponent('a\u0000b')}`);
    expect(query.statusCode, query.body).toBe(400);
    expect(fieldPaths(query)).toContain('q');
  });
});

describe('months and dates outside the supported years', () => {
  it('refuses year 0000 and 0001 in the ROI period with a 400 naming the field', async () => {
    for (const year of ['0000', '0001']) {
      const res = await admin.get(`/api/measures/roi?organisationId=${world.organisationId}&from=${year}-01&to=${year}-01`);
      expect(res.statusCode, res.body).toBe(400);
      expect(fieldPaths(res)).toEqual(expect.arrayContaining(['from', 'to']));
    }
  });

  it('refuses year 0000 and 0001 for invoicing and its CSV with a 400 naming the field', async () => {
    for (const year of ['0000', '0001']) {
      for (const path of ['/api/invoicing', '/api/invoicing.csv']) {
        const res = await admin.get(`${path}?organisationId=${world.organisationId}&month=${year}-01`);
        expect(res.statusCode, `${path} ${year}: ${res.body}`).toBe(400);
        expect(fieldPaths(res)).toContain('month');
      }
    }
  });

  it('still answers an ordinary month and the first and last supported ones', async () => {
    for (const m of ['2026-11', '1900-01', '9999-12']) {
      const res = await admin.get(`/api/invoicing?organisationId=${world.organisationId}&month=${m}`);
      expect(res.statusCode, `${m}: ${res.body}`).toBe(200);
      const roi = await admin.get(`/api/measures/roi?organisationId=${world.organisationId}&from=${m}&to=${m}`);
      expect(roi.statusCode, `${m}: ${roi.body}`).toBeLessThan(500);
    }
    const below = await admin.get(`/api/invoicing?organisationId=${world.organisationId}&month=1899-12`);
    expect(fieldPaths(below)).toContain('month');
  });

  it('refuses year 0000 in dates and instants elsewhere too', async () => {
    const audit = await admin.get('/api/audit?from=0000-01-01');
    expect(audit.statusCode, audit.body).toBe(400);
    expect(fieldPaths(audit)).toContain('from');
    const request = await new Client(t.app).post('/api/public/providers/provider-a/requests', { ...form, eventAt: '0000-01-01T00:00:00Z' });
    expect(request.statusCode, request.body).toBe(400);
    expect(fieldPaths(request)).toContain('eventAt');
  });
});

describe('database refusals caused by input', () => {
  it('become a 4xx that quotes neither the value nor the SQL, on the real engine', async () => {
    const app = Fastify({ logger: false });
    registerErrorHandling(app);
    const k = t.db.kysely;
    app.get('/uuid', async () => sql`select ${'secret-value'}::uuid`.execute(k));
    app.get('/int', async () => sql`select ${'99999999999'}::int`.execute(k));
    app.get('/nul', async () => sql`select convert_from('\\x00'::bytea, 'UTF8')`.execute(k));
    app.get('/check', async () =>
      k.transaction().execute(async (tx) => {
        await sql`create temporary table input_check (n int not null check (n > 0)) on commit drop`.execute(tx);
        await sql`insert into input_check (n) values (${-1})`.execute(tx);
      }),
    );
    const expected = { '/uuid': 400, '/int': 400, '/nul': 400, '/check': 422 };
    for (const [url, status] of Object.entries(expected)) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(status);
      expect(res.body).not.toMatch(/secret-value|select|insert|uuid|input_check|99999999999/i);
    }
    await app.close();
  });
});
