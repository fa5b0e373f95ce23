import { describe, expect, it } from 'vitest';
import { splitLinks } from './linkify';

describe('splitLinks', () => {
  it('finds URLs and leaves trailing punctuation as text', () => {
    expect(splitLinks('Open http://localhost:3000/invitation?token=abc123. Thanks')).toEqual([
      { text: 'Open ' },
      { text: 'http://localhost:3000/invitation?token=abc123', href: 'http://localhost:3000/invitation?token=abc123' },
      { text: '. Thanks' },
    ]);
  });

  it('handles several links and lines', () => {
    const parts = splitLinks('a https://x.test/1\nb (https://x.test/2)');
    expect(parts.filter((p) => p.href).map((p) => p.href)).toEqual(['https://x.test/1', 'https://x.test/2']);
    expect(parts.map((p) => p.text).join('')).toBe('a https://x.test/1\nb (https://x.test/2)');
  });

  it('returns plain text unchanged', () => {
    expect(splitLinks('no links here')).toEqual([{ text: 'no links here' }]);
  });
});
