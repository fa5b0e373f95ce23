import { z } from 'zod';
import { locales } from '../i18n/i18n.js';
import { minPasswordLength } from '../auth/passwords.js';
import { roles } from '../roles.js';

export const email = z.string().trim().toLowerCase().max(254).email();
export const password = z.string().min(minPasswordLength).max(200);
export const role = z.enum(roles);
export const locale = z.enum(locales);
export const uuid = z.string().uuid();
export const idParams = z.object({ id: uuid });

const validTimeZones = new Set(Intl.supportedValuesOf('timeZone'));
validTimeZones.add('UTC');
export const timeZone = z.string().refine((v) => validTimeZones.has(v), 'unknown time zone');

export const page = z.coerce.number().int().min(1).max(100000).default(1);
export const pageSize = (max = 100, fallback = 25) => z.coerce.number().int().min(1).max(max).default(fallback);

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

/** Error responses every route may give, for the OpenAPI document. */
export const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody, 429: errorBody, 503: errorBody };

export const isoDate = z.date().transform((d) => d.toISOString());
