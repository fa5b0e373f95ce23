import { describe, expect, it } from 'vitest';
import { unstorableText } from './input.js';

describe('unstorableText', () => {
  it('finds NUL and unpaired surrogates in values and keys, with their paths', () => {
    const found = unstorableText({ a: 'ok', b: ['x', 'y\u0000'], c: { 'k\ud800': 1 }, d: { e: '\udc00' } });
    expect(found.map((p) => p.path).sort()).toEqual(['b.1', 'c.k\\ud800', 'd.e']);
    expect(found.find((p) => p.path === 'b.1')?.message).toContain('NUL');
  });

  it('accepts proper surrogate pairs, other control characters and non-strings', () => {
    expect(unstorableText({ emoji: '\ud83d\ude4f', tab: 'a\tb', n: 1, z: null, t: true })).toEqual([]);
  });

  it('names a top-level string as the body and survives deep nesting', () => {
    expect(unstorableText('\u0000')).toEqual([{ path: 'body', message: expect.stringContaining('NUL') }]);
    let deep: unknown = '\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unstorableText(deep)).toHaveLength(1);
  });

  it('stops after a bounded number of problems', () => {
    expect(unstorableText(Array.from({ length: 1000 }, () => '\u0000'))).toHaveLength(20);
  });
});
