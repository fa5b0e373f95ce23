import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const keys = (o: Record<string, unknown>, p = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${p}${k}.`) : [`${p}${k}`]));
const load = (l: string) => keys(JSON.parse(readFileSync(path.join(import.meta.dirname, 'locales', `${l}.json`), 'utf8'))).sort();

describe('measures locales', () => {
  it('has the same keys in Finnish, Swedish, Norwegian Bokmål and English', () => {
    const en = load('en');
    for (const l of ['fi', 'sv', 'nb']) expect(load(l)).toEqual(en);
  });
});
