/**
 * Pure: which route patterns (Fastify style, `/api/processes/:id`, `/calendar/:token.ics`) a
 * request path matches, for the 405 answer and the test harness's contract check. Wildcard routes
 * (the static files, the docs' assets) match everything and are left out.
 */

interface Compiled {
  pattern: string;
  segments: (string | RegExp)[];
  /** Static segments first, as the router prefers them. */
  rank: number;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(pattern: string): Compiled | null {
  if (pattern.includes('*')) return null;
  const segments = pattern
    .replace(/(.)\/$/, '$1')
    .split('/')
    .map((seg) => {
      if (!seg.includes(':')) return seg;
      const parts = seg.split(/(:[A-Za-z0-9_]+)/).map((p) => (p.startsWith(':') ? '[^/]+' : escapeRegex(p)));
      return new RegExp(`^${parts.join('')}$`);
    });
  const rank = segments.reduce<number>((r, s, i) => r + (typeof s === 'string' ? 2 ** (32 - Math.min(i, 31)) : 0), 0);
  return { pattern, segments, rank };
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The path part of a URL, split into decoded segments, a trailing slash ignored (as the router does). */
export function pathSegments(url: string): string[] {
  const path = (url.split('?')[0] ?? '').replace(/(.)\/$/, '$1');
  return path.split('/').map(decode);
}

export class RouteMatcher {
  private readonly compiled: Compiled[];
  constructor(patterns: Iterable<string>) {
    this.compiled = [...new Set(patterns)].flatMap((p) => compile(p) ?? []).sort((a, b) => b.rank - a.rank);
  }

  /** Every pattern the URL's path matches, the most specific (static segments first) first. */
  match(url: string): string[] {
    const segs = pathSegments(url);
    return this.compiled
      .filter(
        (c) =>
          c.segments.length === segs.length && c.segments.every((s, i) => (typeof s === 'string' ? s === segs[i] : s.test(segs[i] ?? ''))),
      )
      .map((c) => c.pattern);
  }
}
