import { expect, it } from 'vitest';
import { type Locale, locales } from '../kernel/i18n/i18n.js';

/** Every leaf of a nested text object as `path → text`. */
function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') return out.set(prefix, value);
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    for (const [p, v] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(p, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** One test per language: the same keys and placeholders as English, and no empty text. */
export function itHasTheSameTextsInEveryLanguage(texts: Record<Locale, unknown>): void {
  const reference = leaves(texts.en);
  for (const locale of locales) {
    it(`${locale} has the same keys and placeholders as en, none empty`, () => {
      const mine = leaves(texts[locale]);
      expect([...mine.keys()].sort()).toEqual([...reference.keys()].sort());
      for (const [path, text] of mine) {
        expect(text.trim(), `${locale}.${path}`).not.toBe('');
        expect(placeholders(text), `${locale}.${path}`).toEqual(placeholders(reference.get(path) ?? ''));
      }
    });
  }
}
