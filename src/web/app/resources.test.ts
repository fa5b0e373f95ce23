import { describe, expect, it } from 'vitest';
import { namespaces, resources } from './resources';

const keys = (o: object, p = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${p}${k}.`) : [`${p}${k}`]));

describe('the web app strings', () => {
  for (const ns of namespaces) {
    it(`${ns}: the same keys in Finnish, Swedish, Norwegian Bokmål and English`, () => {
      const en = keys(resources.en[ns]).sort();
      for (const l of ['fi', 'sv', 'nb'] as const) expect(keys(resources[l][ns]).sort(), l).toEqual(en);
    });
  }
});
