import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { RouteAccess } from './types.js';

type TransformInput = Parameters<typeof jsonSchemaTransform>[0] & {
  route?: { config?: { access?: RouteAccess } };
};

/**
 * The document tells what the server does, whatever style a route is written in:
 * - a 204 has no body, so it declares no content (zod's `z.null()` would declare a JSON `null`);
 * - a public route asks for no session (`security: []`), read from the access rule the guard enforces.
 * Everything else is fastify-type-provider-zod's transform of the zod schemas.
 */
export function openapiTransform(input: TransformInput): ReturnType<typeof jsonSchemaTransform> {
  const out = jsonSchemaTransform(input);
  const schema = out.schema as Record<string, unknown> | undefined;
  if (!schema || schema.hide) return out;
  const response = schema.response as Record<string, Record<string, unknown>> | undefined;
  if (response?.['204']) {
    // Swagger leaves out the content of a response whose schema is of type null.
    response['204'] = { type: 'null', description: (response['204'].description as string | undefined) ?? 'No content' };
  }
  if (input.route?.config?.access === 'public') schema.security = [];
  return out;
}
