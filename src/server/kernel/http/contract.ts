import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errorBody } from '../../../shared/schemas.js';
import { RouteMatcher } from './route-match.js';

/**
 * The OpenAPI document as a contract every answer must keep (used by the test harness: every
 * response a test sees is checked, so every HTTP test is also a contract test). An answer breaks
 * it when its status is not declared for the operation, or its body is not what the document
 * declares for that status (content type, JSON schema, or no content at all for a 204).
 * A request no route matches may only get a 404 or a 405 in the one error shape.
 */

type Schema = Record<string, unknown>;
interface Media {
  schema?: Schema;
}
interface ResponseObject {
  content?: Record<string, Media>;
}
interface OperationObject {
  responses?: Record<string, ResponseObject>;
}
interface Doc {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface SeenResponse {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}

/** Routes that are no part of the API and so not in the document. */
const undocumented = new Set(['/', '/api/openapi.json']);
const isUndocumented = (pattern: string) => undocumented.has(pattern) || pattern.startsWith('/api/docs');

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

/**
 * OpenAPI 3.0 schemas are almost JSON Schema: `nullable` and boolean `exclusiveMinimum` are not,
 * and `$ref`s point into the document. Returns the draft-07 equivalent with references inlined.
 */
export function toJsonSchema(schema: unknown, components: Record<string, Schema> = {}, depth = 0): unknown {
  if (Array.isArray(schema)) return schema.map((s) => toJsonSchema(s, components, depth));
  if (!schema || typeof schema !== 'object') return schema;
  if (depth > 40) return {};
  let s = { ...(schema as Schema) };
  const ref = s.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
    s = { ...(components[ref.slice('#/components/schemas/'.length)] ?? {}) };
  }
  const out: Schema = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === 'nullable' || k === 'example' || k === 'xml' || k === 'discriminator' || k === '$ref') continue;
    if (k === 'properties' || k === 'patternProperties' || k === 'definitions' || k === '$defs') {
      out[k] = Object.fromEntries(Object.entries(v as Schema).map(([p, ps]) => [p, toJsonSchema(ps, components, depth + 1)]));
    } else if (
      k === 'items' ||
      k === 'additionalProperties' ||
      k === 'not' ||
      k === 'anyOf' ||
      k === 'oneOf' ||
      k === 'allOf' ||
      k === 'propertyNames'
    ) {
      out[k] = toJsonSchema(v, components, depth + 1);
    } else {
      out[k] = v;
    }
  }
  if (typeof s.exclusiveMinimum === 'boolean') {
    delete out.exclusiveMinimum;
    if (s.exclusiveMinimum && typeof s.minimum === 'number') {
      out.exclusiveMinimum = s.minimum;
      delete out.minimum;
    }
  }
  if (typeof s.exclusiveMaximum === 'boolean') {
    delete out.exclusiveMaximum;
    if (s.exclusiveMaximum && typeof s.maximum === 'number') {
      out.exclusiveMaximum = s.maximum;
      delete out.maximum;
    }
  }
  return s.nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

const mediaTypeOf = (headers: Record<string, unknown>) =>
  String(headers['content-type'] ?? '')
    .split(';')[0]
    ?.trim()
    .toLowerCase() ?? '';

const docPathOf = (pattern: string) => pattern.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

export class Contract {
  private readonly ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly matcher: RouteMatcher;
  private readonly errorValidator: ValidateFunction;

  constructor(
    private readonly doc: Doc,
    private readonly routes: readonly { method: string; url: string }[],
  ) {
    this.matcher = new RouteMatcher(routes.map((r) => r.url));
    this.errorValidator = this.ajv.compile(toJsonSchema(z.toJSONSchema(errorBody, { target: 'openapi-3.0' })) as Schema);
  }

  static of(app: FastifyInstance): Contract {
    return new Contract(app.swagger() as unknown as Doc, app.routeTable);
  }

  /** The route pattern the router would pick for this method and URL, or null when none. */
  routeOf(method: string, url: string): string | null {
    const m = method === 'HEAD' ? 'GET' : method;
    return this.matcher.match(url).find((p) => this.routes.some((r) => r.url === p && r.method === m)) ?? null;
  }

  private validator(key: string, schema: unknown): ValidateFunction {
    let v = this.validators.get(key);
    if (!v) {
      v = this.ajv.compile(toJsonSchema(schema, this.doc.components?.schemas ?? {}) as Schema);
      this.validators.set(key, v);
    }
    return v;
  }

  private static json(body: string): { ok: true; value: unknown } | { ok: false } {
    try {
      return { ok: true, value: JSON.parse(body) };
    } catch {
      return { ok: false };
    }
  }

  /** What in the answer the document does not declare; null when the answer keeps the contract. */
  check(method: string, url: string, res: SeenResponse): string | null {
    const m = method.toUpperCase();
    const status = res.statusCode;
    const where = `${m} ${url.length > 200 ? `${url.slice(0, 200)}…` : url} → ${status}`;
    const pattern = this.routeOf(m, url);
    const media = mediaTypeOf(res.headers);
    const bodyText = m === 'HEAD' ? '' : res.body;
    if (!pattern) {
      let decodable = true;
      try {
        decodeURIComponent(url.split('?')[0] ?? '');
      } catch {
        decodable = false;
      }
      if (status !== 404 && status !== 405 && !(status === 400 && !decodable)) {
        return `${where}: no route matches, so only 404 or 405 may answer`;
      }
      return this.checkError(where, media, bodyText);
    }
    if (isUndocumented(pattern)) return null;
    const path = docPathOf(pattern);
    const operation = this.doc.paths[path]?.[m === 'HEAD' ? 'get' : m.toLowerCase()];
    if (!operation) return `${where}: route ${m} ${pattern} is not in the OpenAPI document`;
    const responses = operation.responses ?? {};
    const declared = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
    if (!declared) {
      return `${where}: status ${status} is not declared for ${m} ${path} (declared: ${Object.keys(responses).join(', ')})${
        status >= 400 ? ` body ${bodyText.slice(0, 200)}` : ''
      }`;
    }
    const content = declared.content;
    if (!content || !Object.keys(content).length) {
      return bodyText.length ? `${where}: declared without content but sent ${media || 'a body'}: ${bodyText.slice(0, 200)}` : null;
    }
    if (m === 'HEAD') return null;
    const declaredMedia = content[media];
    if (!declaredMedia) {
      return `${where}: sent content type '${media}', declared ${Object.keys(content).join(', ')}${bodyText ? `: ${bodyText.slice(0, 200)}` : ''}`;
    }
    if (!media.includes('json')) return null;
    const parsed = Contract.json(bodyText);
    if (!parsed.ok) return `${where}: declared JSON but the body is not JSON: ${bodyText.slice(0, 200)}`;
    const validate = this.validator(`${m} ${path} ${status} ${media}`, declaredMedia.schema ?? {});
    if (!validate(parsed.value)) {
      return `${where}: body does not match the declared schema: ${this.ajv.errorsText(validate.errors, { dataVar: 'body' })}; body ${bodyText.slice(0, 300)}`;
    }
    return null;
  }

  private checkError(where: string, media: string, body: string): string | null {
    if (media !== 'application/json') return `${where}: an error answer must be JSON, sent '${media}'`;
    const parsed = Contract.json(body);
    if (!parsed.ok || !this.errorValidator(parsed.value)) {
      return `${where}: not the error shape {error:{code,message,fields?}}: ${body.slice(0, 200)}`;
    }
    return null;
  }
}
