import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { locales } from '../../../kernel/i18n/i18n.js';

// Safety text follows the provider's country (logic/guidance.ts), never a fixed number in a
// locale string: a Finnish provider's page in Norwegian once listed 112 and MIELI and then said "Ring 113".
const NUMBERS = /\b(112|113|110|1177|116 ?123|90101)\b/;

function leaves(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

describe('web measures locales', () => {
  for (const locale of locales) {
    it(`${locale} names no emergency or crisis number`, () => {
      const file = new URL(`../../../../web/modules/measures/locales/${locale}.json`, import.meta.url);
      for (const [path, text] of leaves(JSON.parse(readFileSync(file, 'utf8')))) expect(text, `${locale}.${path}`).not.toMatch(NUMBERS);
    });
  }
});
