import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorTitleKey, fieldErrorText } from './error-text';

/** The messages zod really gives, so a zod upgrade that rewords them fails here. */
function zodMessage(schema: z.ZodType, value: unknown): string {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a failure');
  return result.error.issues[0]?.message ?? '';
}

describe('validator messages become translated field messages', () => {
  it('maps the messages zod gives to field message keys with their numbers', () => {
    expect(fieldErrorText(zodMessage(z.string().uuid(), 'x'))).toEqual({ key: 'fieldErrors.reference' });
    expect(fieldErrorText(zodMessage(z.string().email(), 'x'))).toEqual({ key: 'fieldErrors.email' });
    expect(fieldErrorText(zodMessage(z.string().max(200), 'x'.repeat(201)))).toEqual({ key: 'fieldErrors.tooLong', values: { max: 200 } });
    expect(fieldErrorText(zodMessage(z.string().min(8), 'x'))).toEqual({ key: 'fieldErrors.tooShort', values: { min: 8 } });
    expect(fieldErrorText(zodMessage(z.string().min(1), ''))).toEqual({ key: 'fieldErrors.required' });
    expect(fieldErrorText(zodMessage(z.object({ a: z.string() }), {}))).toEqual({ key: 'fieldErrors.required' });
    expect(fieldErrorText(zodMessage(z.number().int(), 1.5))).toEqual({ key: 'fieldErrors.integer' });
    expect(fieldErrorText(zodMessage(z.number().min(1), 0))).toEqual({ key: 'fieldErrors.min', values: { min: 1 } });
    expect(fieldErrorText(zodMessage(z.number().max(10), 11))).toEqual({ key: 'fieldErrors.max', values: { max: 10 } });
    expect(fieldErrorText(zodMessage(z.number(), 'x'))).toEqual({ key: 'fieldErrors.number' });
    expect(fieldErrorText(zodMessage(z.enum(['a', 'b']), 'c'))).toEqual({ key: 'fieldErrors.choice' });
    expect(fieldErrorText(zodMessage(z.string().datetime(), 'x'))).toEqual({ key: 'fieldErrors.date' });
    expect(fieldErrorText(zodMessage(z.array(z.string()).max(2), ['a', 'b', 'c']))).toEqual({
      key: 'fieldErrors.tooMany',
      values: { max: 2 },
    });
  });

  it('never passes English text through', () => {
    expect(fieldErrorText('Ends before it starts')).toEqual({ key: 'fieldErrors.invalid' });
    expect(fieldErrorText('')).toEqual({ key: 'fieldErrors.invalid' });
  });
});

describe('error alert titles', () => {
  it('titles a wrong password as such, not "something went wrong"', () => {
    expect(errorTitleKey({ status: 401, code: 'invalid_credentials' })).toBe('errorTitles.invalid_credentials');
    expect(errorTitleKey({ status: 400, code: 'validation_failed' })).toBe('errorTitles.validation_failed');
    expect(errorTitleKey({ status: 500, code: 'internal' })).toBe('common.errorTitle');
    expect(errorTitleKey(new Error('x'))).toBe('common.errorTitle');
    expect(errorTitleKey(null)).toBe('common.errorTitle');
  });
});

describe('every message and title exists in fi, sv, nb and en', () => {
  it('has the keys the mapping can return', async () => {
    const keys = ['required', 'tooShort', 'tooLong', 'tooFew', 'tooMany', 'min', 'max', 'above', 'below', 'integer', 'number']
      .concat(['reference', 'email', 'choice', 'date', 'url', 'invalid'])
      .map((k) => `fieldErrors.${k}`)
      .concat(
        ['invalid_credentials', 'validation_failed', 'rate_limited', 'network_error', 'forbidden', 'not_found', 'conflict'].map(
          (c) => `errorTitles.${c}`,
        ),
      );
    for (const locale of ['fi', 'sv', 'nb', 'en']) {
      const messages = (await import(`../locales/${locale}.json`)).default as Record<string, Record<string, string>>;
      for (const key of keys) {
        const [group = '', name = ''] = key.split('.');
        expect(messages[group]?.[name], `${locale}: ${key}`).toBeTruthy();
      }
    }
  });
});
