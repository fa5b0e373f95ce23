/**
 * What an error says to a person, as i18n keys: the title of the error alert (a wrong password is
 * not "something went wrong") and the server's validator messages ("Invalid UUID", "Too big:
 * expected string to have <=200 characters") as translated field messages. Pure.
 */
import type { ApiError } from './api';

/** Codes whose alert has a title of its own (`errorTitles.<code>`); others say "something went wrong". */
const TITLED = ['invalid_credentials', 'validation_failed', 'rate_limited', 'network_error', 'forbidden', 'not_found', 'conflict'] as const;

/** The i18n key of the title for an error alert. */
export function errorTitleKey(error: unknown): string {
  const api = error as Partial<Pick<ApiError, 'code' | 'status'>> | null;
  const code = api && typeof api === 'object' && typeof api.code === 'string' ? api.code : null;
  if (code && (TITLED as readonly string[]).includes(code)) return `errorTitles.${code}`;
  return 'common.errorTitle';
}

export interface FieldText {
  key: string;
  values?: Record<string, number>;
}

const num = (s: string | undefined) => Number(s);

/** Validator messages with numbers in them, in the order they are tried. */
const NUMBERED: [RegExp, (m: RegExpExecArray) => FieldText][] = [
  [
    /^Too small: expected string to have >=?(\d+) characters?/,
    (r) => (num(r[1]) <= 1 ? { key: 'fieldErrors.required' } : { key: 'fieldErrors.tooShort', values: { min: num(r[1]) } }),
  ],
  [/^Too big: expected string to have <=?(\d+) characters?/, (r) => ({ key: 'fieldErrors.tooLong', values: { max: num(r[1]) } })],
  [/^Too small: expected array to have >=?(\d+) items?/, (r) => ({ key: 'fieldErrors.tooFew', values: { min: num(r[1]) } })],
  [/^Too big: expected array to have <=?(\d+) items?/, (r) => ({ key: 'fieldErrors.tooMany', values: { max: num(r[1]) } })],
  [
    /^Too small: expected (?:number|int|bigint) to be >(=?)(-?[\d.]+)/,
    (r) => ({ key: r[1] ? 'fieldErrors.min' : 'fieldErrors.above', values: { min: num(r[2]) } }),
  ],
  [
    /^Too big: expected (?:number|int|bigint) to be <(=?)(-?[\d.]+)/,
    (r) => ({ key: r[1] ? 'fieldErrors.max' : 'fieldErrors.below', values: { max: num(r[2]) } }),
  ],
];

/** Validator messages without numbers: pattern → field message key, in the order they are tried. */
const PLAIN: [RegExp, string][] = [
  [/expected int\b|must be an integer/i, 'integer'],
  [/expected number|expected a number|not a number/i, 'number'],
  [/expected boolean/i, 'choice'],
  [/^Invalid UUID|uuid/i, 'reference'],
  [/e-?mail/i, 'email'],
  [/^Invalid option|expected one of|Invalid enum/i, 'choice'],
  [/date|time/i, 'date'],
  [/url/i, 'url'],
];

/**
 * A validator message (zod's English, as the server passes it on) as a translated field message:
 * `fieldErrors.<kind>` with its numbers. Anything not recognised is "not valid", never English.
 */
export function fieldErrorText(message: string): FieldText {
  const m = message.trim();
  if (/received undefined|^Required$|is required|must have required property/i.test(m)) return { key: 'fieldErrors.required' };
  for (const [pattern, make] of NUMBERED) {
    const r = pattern.exec(m);
    if (r) return make(r);
  }
  const plain = PLAIN.find(([pattern]) => pattern.test(m));
  return { key: `fieldErrors.${plain ? plain[1] : 'invalid'}` };
}
