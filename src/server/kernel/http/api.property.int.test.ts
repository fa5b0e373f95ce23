/**
 * Property: no request, however malformed, gets a 5xx, and every answer is one the OpenAPI
 * document declares for its operation (status, and a body valid against the declared schema: the
 * harness checks every answer, see kernel/http/contract.ts); a wrong method is a 405. Every operation of the app's own OpenAPI
 * document is called as an anonymous visitor, a signed-in provider administrator and a practitioner, with path
 * parameters, query and JSON body generated from the operation's schema and from hostile values
 * (NUL bytes, unpaired surrogates, year-0000 dates and months, huge numbers, wrong types). A 5xx
 * means some input reached a handler or the database unvalidated (security review, finding 8).
 *
 * Bounded for CI: a fixed seed and API_FUZZ_RUNS runs per operation and caller (default 6);
 * API_FUZZ_RUNS=200 API_FUZZ_SEED=<n> for a deeper local run.
 */
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, ContractViolation, memoryLog, seedWorld, startTestApp, type TestApp, type World } from '../../testing/harness.js';
import { type SupervisionWorld, seedSupervision } from '../../testing/supervision.js';
import { DataCipher } from '../crypto.js';

const runs = Number(process.env.API_FUZZ_RUNS ?? 6);
const seed = Number(process.env.API_FUZZ_SEED ?? 20261203);

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body: JsonSchema | null;
}

let t: TestApp;
let world: World;
let sup: SupervisionWorld;
let ids: string[];
/** Live respondent links, so the link-holder routes are reached past the token lookup. */
let tokens: string[] = [];
let operations: Operation[];
const log = memoryLog();

/** The server's own account of a failed request, so a failure names its cause. */
function causeOf(res: LightMyRequestResponse | null): string {
  const id = res?.headers['x-request-id'];
  const line = log
    .text()
    .split('\n')
    .find((l) => id && l.includes(String(id)) && l.includes('"err"'));
  return line ? String((JSON.parse(line) as { err?: { message?: string } }).err?.message).slice(0, 300) : '';
}

/** Strings the database or the date code cannot take, and strings that look like what they are not. */
const hostileStrings = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '\ud83d',
  '0000-01',
  '0001-01',
  '0000-01-01',
  '0001-01-01',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00+02:00',
  '9999-12',
  '9999-12-31',
  '9999-12-31T23:59:59Z',
  '-000001-01-01T00:00:00Z',
  '275760-09-13T00:00:00Z',
  '2026-02-30',
  '2026-13',
  '1e308',
  '-1',
  '99999999999999999999999',
  'NaN',
  'Infinity',
  '',
  ' ',
  "'; select pg_sleep(1); --",
  '../../etc/passwd',
  '%00',
  '00000000-0000-0000-0000-000000000000',
  'x'.repeat(70_000),
];

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(0, -1, 1e308, -1e308, 2 ** 53, 2 ** 63, -(2 ** 31) - 1, 2 ** 31, 0.5, null, true, false, [], {}),
  },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
);

/** Ids of the world by the name a route gives them, so a generated request reaches a real row. */
let idsByName: Record<string, string[]> = {};
const idNameOfSegment: Record<string, string> = {
  organisations: 'organisationId',
  processes: 'processId',
  people: 'personId',
  meetings: 'meetingId',
  goals: 'goalId',
  services: 'serviceId',
  units: 'unitId',
  users: 'userId',
  members: 'membershipId',
  memberships: 'membershipId',
  requests: 'requestId',
  'on-call': 'membershipId',
};
const uuidValue = (name = '') =>
  fc.oneof(
    { weight: idsByName[name]?.length ? 6 : 0, arbitrary: fc.constantFrom(...(idsByName[name] ?? [''])) },
    { weight: 3, arbitrary: fc.constantFrom(...ids) },
    { weight: 1, arbitrary: fc.uuid() },
  );

/** Years PostgreSQL, Luxon and JavaScript disagree about, in the shapes the routes read. */
const edgeYears = ['0000', '0001', '0099', '1899', '1900', '9999'];
function edgeDate(pattern: string): fc.Arbitrary<string> {
  const year = fc.constantFrom(...edgeYears);
  if (pattern.includes('T') || pattern.includes(':')) return year.map((y) => `${y}-01-01T00:00:00Z`);
  if (pattern.includes('-\\d{2}-')) return year.map((y) => `${y}-12-31`);
  return fc.oneof(
    year.map((y) => `${y}-01`),
    year.map((y) => `${y}-12`),
  );
}
const looksLikeDate = (pattern: string | undefined) => !!pattern && pattern.includes('\\d{4}');

/** A valid value made hostile: a NUL or an unpaired surrogate inside it, or a year at the edge. */
function spoil(value: unknown, schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  if (typeof value !== 'string') return hostileValue;
  // A spoiled string still passes the schema and so reaches the handler and the database: more
  // likely than a wrong type, which validation answers anyway.
  const poisoned = fc
    .tuple(fc.constantFrom('\u0000', '\ud800', '\udfff', '\ud83d'), fc.nat({ max: value.length }))
    .map(([bad, at]) => `${value.slice(0, at)}${bad}${value.slice(at)}`);
  const dated = looksLikeDate(schema?.pattern) || schema?.format === 'date-time';
  return fc.oneof(
    { weight: 1, arbitrary: hostileValue },
    { weight: 2, arbitrary: poisoned },
    { weight: dated ? 3 : 0, arbitrary: edgeDate(schema?.pattern ?? 'T') },
  );
}

/** Mostly valid by the schema, so that input gets past validation to the handler and the database. */
function shaped(schema: JsonSchema | undefined, depth = 0, name = ''): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return hostileValue;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => shaped(s, depth)));
  if (schema.allOf?.length) return shaped(Object.assign({}, ...schema.allOf), depth);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  switch (type) {
    case 'string': {
      if (schema.format === 'uuid') return uuidValue(name);
      if (schema.format === 'email') return fc.constantFrom('someone@example.test', 'x.y@example.fi');
      if (schema.format === 'date-time')
        return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
      if (looksLikeDate(schema.pattern))
        return fc.oneof(fc.stringMatching(new RegExp(schema.pattern as string)), edgeDate(schema.pattern as string));
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((v) => v.length <= (schema.maxLength ?? Infinity));
      const min = Math.max(schema.minLength ?? 0, 1);
      return fc.string({ unit: 'grapheme-ascii', minLength: min, maxLength: Math.max(min, Math.min(schema.maxLength ?? 30, 30)) });
    }
    case 'integer':
    case 'number': {
      const min = Math.max(schema.minimum ?? -1e6, -1e9);
      const max = Math.min(schema.maximum ?? 1e6, 1e9);
      return fc.integer({ min: Math.ceil(min), max: Math.floor(Math.max(min, max)) });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(maybeSpoiled(schema.items, depth + 1), { maxLength: 3 });
    case 'object': {
      const props = schema.properties ?? {};
      const extra = (schema as { additionalProperties?: JsonSchema | boolean }).additionalProperties;
      if (!Object.keys(props).length && extra && typeof extra === 'object') {
        // A record (e.g. answers by item id): the keys a form has, and strange keys.
        const key = fc.oneof(
          fc.constantFrom('comment', 'i1', 'i2', 'exposure'),
          fc.string({ maxLength: 10 }),
          spoil('key', undefined) as fc.Arbitrary<string>,
        );
        return fc.dictionary(
          key.filter((k): k is string => typeof k === 'string'),
          maybeSpoiled(extra, depth + 1),
          { maxKeys: 3 },
        );
      }
      const record = Object.fromEntries(Object.entries(props).map(([k, s]) => [k, maybeSpoiled(s, depth + 1, k)]));
      // Now and then a required field is missing.
      return fc.oneof(
        { weight: 12, arbitrary: fc.record(record, { requiredKeys: (schema.required ?? []).filter((k) => k in props) }) },
        { weight: 1, arbitrary: fc.record(record, { requiredKeys: [] }) },
      );
    }
    default:
      return hostileValue;
  }
}

/** Each field valid most of the time and spoiled at times, independently. */
function maybeSpoiled(schema: JsonSchema | undefined, depth: number, name = ''): fc.Arbitrary<unknown> {
  const valid = shaped(schema, depth, name);
  return fc.oneof({ weight: 7, arbitrary: valid }, { weight: 1, arbitrary: valid.chain((v) => spoil(v, schema)) });
}

/** Percent-encodes any string, an unpaired surrogate included (as its WTF-8 bytes), as a hostile client could. */
function encode(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(text.slice(i, i + 2));
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else {
      out += encodeURIComponent(text[i] as string);
    }
  }
  return out;
}

interface Generated {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
}

function requestOf(op: Operation): fc.Arbitrary<Generated> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const segments = op.path.split('/');
  const idName = (name: string) => (name === 'id' ? (idNameOfSegment[segments[segments.indexOf('{id}') - 1] ?? ''] ?? '') : name);
  const param = (p: Parameter) =>
    fc.oneof(
      {
        weight: 14,
        arbitrary:
          p.name === 'token' && tokens.length
            ? fc.oneof(fc.constantFrom(...tokens), hostileString)
            : p.schema?.format === 'uuid' || /id$/i.test(p.name)
              ? fc.oneof({ weight: 5, arbitrary: uuidValue(idName(p.name)) }, { weight: 1, arbitrary: hostileString })
              : maybeSpoiled(p.schema, 0, p.name),
      },
      // Odd path parameters: just over a schema's limit, over the router's, dots.
      { weight: 1, arbitrary: fc.constantFrom<unknown>('a'.repeat(201), 'b'.repeat(501), '.', '..', '~', 'a.b') },
    );
  const params = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, param(p)])));
  const query = fc.record(Object.fromEntries(queryParams.map((p) => [p.name, maybeSpoiled(p.schema, 0, p.name)])), {
    requiredKeys: queryParams.filter((p) => p.required).map((p) => p.name),
  });
  const body = op.body
    ? fc.oneof({ weight: 5, arbitrary: shaped(op.body) }, { weight: 1, arbitrary: hostileValue })
    : fc.constant(undefined);
  return fc.record({ params, query, body });
}

function urlOf(op: Operation, g: Generated): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = encode(g.params[name]);
    // An empty segment would be another route; the router, not this operation, answers that.
    return v === '' ? '%20' : v;
  });
  const query = Object.entries(g.query)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encode(k)}=${encode(v)}`)
    .join('&');
  return query ? `${path}?${query}` : path;
}

async function send(client: Client, op: Operation, g: Generated): Promise<LightMyRequestResponse> {
  const url = urlOf(op, g);
  const method = op.method as InjectOptions['method'];
  if (op.method === 'GET' || op.method === 'DELETE' || g.body === undefined) return client.request(method, url);
  // JSON.stringify writes an unpaired surrogate as a \ud800 escape, exactly as a hostile client may.
  return client.request(method, url, JSON.stringify(g.body), { 'content-type': 'application/json' });
}

/** Statuses answered, by caller and status, for API_FUZZ_VERBOSE. */
const statusCounts = new Map<string, number>();

/** What is wrong with the answer to a generated request: a 5xx, or an answer the document does not declare. */
async function problemOf(client: Client, op: Operation, g: Generated, reached?: Set<string>): Promise<string | null> {
  let res: LightMyRequestResponse;
  try {
    res = await send(client, op, g);
  } catch (err) {
    if (!(err instanceof ContractViolation)) throw err;
    const cause = causeOf(err.response);
    return `${err.message}${cause ? ` (${cause})` : ''}`;
  }
  if (res.statusCode < 300) reached?.add(`${op.method} ${op.path}`);
  const key = `${client.label} ${res.statusCode}${res.statusCode >= 400 ? ` ${(res.json() as { error?: { code?: string } }).error?.code}` : ''}`;
  statusCounts.set(key, (statusCounts.get(key) ?? 0) + 1);
  return res.statusCode >= 500 ? `${res.statusCode} ${causeOf(res)}` : null;
}

/** Routes that end the caller's own session are called last, so the rest run signed in. */
const sessionEnders = /sign-out|switch-provider|password|mfa|totp|disable|memberships/;

beforeAll(async () => {
  t = await startTestApp({ config: { logLevel: 'error' }, logStream: log.stream });
  const cipher = new DataCipher(t.config.dataKey);
  world = await seedWorld(t.db, cipher);
  sup = await seedSupervision(t.db, world, cipher);
  ids = [
    world.providerId,
    world.otherProviderId,
    world.organisationId,
    world.unitId,
    ...Object.values(world.users).flatMap((u) => [u.id, u.membershipId].filter((x): x is string => !!x)),
    sup.processId,
    sup.meetingId,
    sup.goalId,
    sup.participantPersonId,
    sup.requestId,
    sup.serviceId,
  ];
  const users = Object.values(world.users);
  idsByName = {
    organisationId: [world.organisationId, world.otherOrganisationId],
    processId: [sup.processId, sup.otherProcessId],
    personId: [sup.participantPersonId, ...sup.otherPersonIds],
    meetingId: [sup.meetingId],
    goalId: [sup.goalId],
    serviceId: [sup.serviceId, sup.crisisServiceId],
    unitId: [world.unitId],
    userId: users.map((u) => u.id),
    membershipId: users.flatMap((u) => (u.membershipId ? [u.membershipId] : [])),
    requestId: [sup.requestId],
    providerId: [world.providerId],
  };
  const practitioner = new Client(t.app);
  await practitioner.signIn(world.users.practitioner.email);
  for (const instrumentKey of ['session_feedback', 'who5']) {
    const sent = await practitioner.post(`/api/processes/${sup.processId}/checkins`, { instrumentKey, personIds: [sup.otherPersonIds[1]] });
    if (sent.statusCode !== 201) console.warn(`no ${instrumentKey} link for the fuzz: ${sent.statusCode} ${causeOf(sent)}`);
  }
  tokens = (await t.deliverMail()).flatMap((m) => /\/r\/([A-Za-z0-9_-]{20,})/.exec(m.text)?.[1] ?? []);
  const doc = t.app.swagger() as unknown as {
    paths: Record<
      string,
      Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>
    >;
  };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      })),
  );
  operations.sort((a, b) => Number(sessionEnders.test(a.path)) - Number(sessionEnders.test(b.path)));
}, 120_000);
afterAll(() => t.close());

describe('the API under generated input', () => {
  it('reads every operation from the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(50);
    expect(operations.map((o) => `${o.method} ${o.path}`)).toEqual(
      expect.arrayContaining([
        'GET /api/measures/roi',
        'GET /api/invoicing',
        'POST /api/public/providers/{slug}/requests',
        'PUT /api/respond/{token}/draft',
      ]),
    );
  });

  // The administrator last: its generated requests may end the practitioner's membership.
  for (const as of ['anonymous', 'practitioner', 'provider_admin'] as const) {
    it(`never answers a 5xx (${as})`, async () => {
      let client = new Client(t.app, as);
      const signIn = async () => {
        client = new Client(t.app, as);
        if (as !== 'anonymous') await client.signIn(world.users[as].email);
      };
      await signIn();
      const failures: string[] = [];
      /** Operations that answered a 2xx at least once: the generated input reached the handlers. */
      const reached = new Set<string>();
      for (const op of operations) {
        // A route run earlier may have signed the caller out: sign in again, as a person would.
        if (as !== 'anonymous' && (await client.get('/api/auth/session')).statusCode !== 200) await signIn();
        const outcome = await fc.check(
          fc.asyncProperty(requestOf(op), async (g) => (await problemOf(client, op, g, reached)) === null),
          { numRuns: runs, seed, endOnFailure: true },
        );
        if (outcome.failed) {
          const g = outcome.counterexample?.[0] as Generated | undefined;
          const problem = g ? await problemOf(client, op, g) : String(outcome.errorInstance);
          failures.push(
            `${op.method} ${op.path}: ${g ? urlOf(op, g).slice(0, 200) : ''} ${JSON.stringify(g?.body)?.slice(0, 200)} → ${problem}`,
          );
        }
      }
      if (failures.length) console.log(`${as}: ${failures.length} operations broke the property:\n${failures.join('\n')}`);
      expect(failures).toEqual([]);
      if (process.env.API_FUZZ_VERBOSE) {
        console.log(`${as}: ${reached.size} of ${operations.length} operations answered 2xx`);
        console.log([...statusCounts].filter(([k]) => k.startsWith(`${as} `)).sort((a, b) => b[1] - a[1]));
      }
      // Signed in, most operations must be reached, or the property would be proved on 401s.
      if (as !== 'anonymous') expect(reached.size).toBeGreaterThan(operations.length / 4);
    }, 600_000);
  }

  it('answers every method a path does not have with 405, Allow and the error body', async () => {
    const byPath = new Map<string, Set<string>>();
    for (const op of operations) byPath.set(op.path, (byPath.get(op.path) ?? new Set()).add(op.method));
    const client = new Client(t.app, 'practitioner');
    await client.signIn(world.users.practitioner.email);
    const failures: string[] = [];
    for (const [path, methods] of byPath) {
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => (/id$/i.test(name) ? sup.processId : 'x'.repeat(24)));
      const allow = [...methods, ...(methods.has('GET') ? ['HEAD'] : [])].sort().join(', ');
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => !methods.has(m))) {
        // Through the harness, so the answer is held to the error schema as well.
        const res = await client.request(method as InjectOptions['method'], url, method === 'GET' ? undefined : {});
        if (res.statusCode !== 405 || res.headers.allow !== allow || res.json().error?.code !== 'method_not_allowed') {
          failures.push(`${method} ${url} → ${res.statusCode} allow=${res.headers.allow} (want 405 allow=${allow})`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
