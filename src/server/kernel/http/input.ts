import type { FastifyInstance } from 'fastify';
import { badRequest, type FieldProblem } from '../errors.js';

/**
 * PostgreSQL cannot store a NUL character in text or jsonb, and an unpaired UTF-16 surrogate is
 * not Unicode at all: the driver either fails (a 500) or silently writes U+FFFD in its place.
 * Neither can be meant by a person typing, so both are refused before any route sees them.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding the NUL character is the point
const unstorable = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function problemOf(text: string): string | null {
  const m = unstorable.exec(text);
  if (!m) return null;
  return m[0] === '\u0000' ? 'contains a NUL character' : 'contains an unpaired surrogate (not valid Unicode)';
}

/** A key as it may be shown back in an error: unprintable characters escaped, long keys cut. */
function printableKey(key: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: escaping control characters is the point
  const escaped = key.replace(/[\u0000-\u001f\u007f]|[\ud800-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return escaped.length > 100 ? `${escaped.slice(0, 100)}…` : escaped;
}

/**
 * Pure: every string (values and object keys) in `value` that the database cannot store, with its
 * path written as the validation errors write theirs (`answers.comment`, `items.2.name`). Iterative,
 * so a deeply nested body cannot overflow the stack; stops after `limit` problems.
 */
export function unstorableText(value: unknown, root = '', limit = 20): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: [unknown, string][] = [[value, root]];
  const join = (base: string, key: string) => (base ? `${base}.${key}` : key);
  while (stack.length && problems.length < limit) {
    const [v, path] = stack.pop() as [unknown, string];
    if (typeof v === 'string') {
      const message = problemOf(v);
      if (message) problems.push({ path: path || root || 'body', message });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], join(path, String(i))]);
    } else if (v && typeof v === 'object' && !Buffer.isBuffer(v)) {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i] as [string, unknown];
        const keyProblem = problemOf(key);
        const childPath = join(path, printableKey(key));
        if (keyProblem) problems.push({ path: childPath, message: `name ${keyProblem}` });
        else stack.push([child, childPath]);
      }
    }
  }
  return problems;
}

/**
 * One guard for every route, present and future: path parameters, query and body are checked
 * before schema validation, so no handler and no SQL statement ever receives such text.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const problems = [...unstorableText(req.params), ...unstorableText(req.query), ...unstorableText(req.body)];
    if (problems.length) {
      throw badRequest(`Invalid input: ${problems.map((p) => p.path).join(', ')}`, problems);
    }
  });
}
