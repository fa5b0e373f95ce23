import { z } from 'zod';
import { locales } from './locales.js';
import { roles } from './roles.js';

/**
 * The primitives of the contract between server and web. The server validates with them and feeds
 * them to OpenAPI; the web types its data and checks its forms with the same objects, so a limit is
 * written once.
 */

export const minPasswordLength = 12;

export const email = z.string().trim().toLowerCase().max(254).email();
export const password = z.string().min(minPasswordLength).max(200);
export const role = z.enum(roles);
export const locale = z.enum(locales);
export const uuid = z.string().uuid();
export const idParams = z.object({ id: uuid });

const validTimeZones = new Set(Intl.supportedValuesOf('timeZone'));
validTimeZones.add('UTC');
export const timeZone = z
  .string()
  .max(64)
  .refine((v) => validTimeZones.has(v), 'unknown time zone')
  .describe('An IANA time zone name, e.g. Europe/Helsinki');

/**
 * A whole number in a query string: digits only (no "0x10", " 1", "1e3" or "" that `Number()`
 * would take), or a number when the web builds the query. Bodies are JSON and never coerced.
 */
export const queryInt = (min: number, max: number) =>
  z
    .union([
      z.number(),
      z
        .string()
        .regex(/^[0-9]{1,15}$/, 'expected a whole number')
        .transform(Number),
    ])
    .pipe(z.number().int().min(min).max(max));

export const page = queryInt(1, 100000).default(1);
export const pageSize = (max = 100, fallback = 25) => queryInt(1, max).default(fallback);

/** One shape for every error answer; `fields` names what to fix on a 400. */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

/**
 * Years a month or date in a request may name. PostgreSQL has no year 0 and Luxon and the driver
 * disagree about years before 1 (a month in year 0000 passed the pattern and failed in the
 * database); no record of this service is dated before 1900, and 9999 keeps four digits.
 */
export const minYear = 1900;
export const maxYear = 9999;
const yearMessage = `year must be between ${minYear} and ${maxYear}`;
const inYears = (year: number) => year >= minYear && year <= maxYear;

/** A calendar month, YYYY-MM, within the supported years. */
export const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month YYYY-MM')
  .refine((v) => inYears(Number(v.slice(0, 4))), yearMessage);

/** A real calendar date, YYYY-MM-DD (no 2026-02-30), within the supported years. */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, 'not a date')
  .refine((v) => inYears(Number(v.slice(0, 4))), yearMessage);

/** An ISO instant with Z or an offset, within the supported years. */
export const instant = z.iso.datetime({ offset: true }).refine((v) => inYears(new Date(v).getUTCFullYear()), yearMessage);

/** A filter bound in a query: an ISO instant, or a date meaning its midnight UTC. */
export const instantOrDate = z
  .union([instant, calendarDate])
  .transform((v) => new Date(v.length === 10 ? `${v}T00:00:00Z` : v))
  .describe('An ISO instant with an offset, or a date YYYY-MM-DD (midnight UTC)');

/** An instant as the server sends it (Date.toISOString). */
export const instantOut = z.iso.datetime();
/** A date as the server sends it. */
export const dateOut = z.iso.date();

/** A trimmed, non-empty text up to `max` characters. */
export const text = (max: number) => z.string().trim().min(1).max(max);

/** A PATCH body must change something. */
export const nonEmpty = (b: object) => Object.keys(b).length > 0;
export const nonEmptyMessage = 'nothing to change';

/** `{ items: [...] }`, the shape of every unpaged list. */
export const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
/** A page of a paged list. */
export const paged = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
