/**
 * Issue 9: the audit log showed raw event keys. Every action the server writes must have a label in
 * each of the web's languages; this reads the server's source for the actions it writes (literal
 * `action: '…'`, the audit helpers' action argument, and the repository's default
 * `<entity>.create/update/delete` for each table written through it) and fails on one without.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../../..');
const serverDir = path.join(root, 'src/server');
const locales = ['fi', 'sv', 'nb', 'en'] as const;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'testing' ? [] : sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.includes('.test.') ? [full] : [];
  });
}

/** The repository's singular entity names, by table (the default action is `<name>.<verb>`). */
function entityNames(): Map<string, string> {
  const source = readFileSync(path.join(serverDir, 'kernel/access/repository.ts'), 'utf8');
  const block = /const entityNames[^{]*\{([\s\S]*?)\n\};/.exec(source)?.[1] ?? '';
  return new Map([...block.matchAll(/(\w+): '(\w+)'/g)].map((m) => [m[1] as string, m[2] as string]));
}

function writtenActions(): Map<string, string> {
  const names = entityNames();
  const verbs: Record<string, string> = { insert: 'create', update: 'update', delete: 'delete' };
  const found = new Map<string, string>();
  for (const file of sourceFiles(serverDir)) {
    const source = readFileSync(file, 'utf8');
    const where = path.relative(root, file);
    const add = (action: string) => {
      if (!found.has(action)) found.set(action, where);
    };
    for (const m of source.matchAll(/\baction:\s*'([a-z_]+(?:\.[a-z_]+)+)'/g)) add(m[1] as string);
    for (const m of source.matchAll(/\b(?:auditForUser|audit)\([^()]*?'([a-z_]+(?:\.[a-z_]+)+)'/g)) add(m[1] as string);
    for (const m of source.matchAll(/\.(insert|update|delete)\(\s*'([a-z_]+)'/g)) {
      const entity = names.get(m[2] as string);
      if (entity) add(`${entity}.${verbs[m[1] as string]}`);
    }
  }
  return found;
}

function label(messages: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((o, part) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[part] : undefined), messages);
}

describe('audit action labels', () => {
  const actions = writtenActions();

  it('finds the actions the server writes', () => {
    // A sanity floor: a broken scan must not pass by finding nothing.
    expect(actions.size).toBeGreaterThan(50);
    expect([...actions.keys()]).toEqual(
      expect.arrayContaining(['auth.sign_in', 'alert.referral_note.read', 'person.create', 'meeting.cancel']),
    );
  });

  for (const locale of locales) {
    it(`has a label in ${locale} for every action the server writes`, () => {
      const messages = JSON.parse(readFileSync(path.join(root, 'src/web/locales', `${locale}.json`), 'utf8')).auditActions;
      const missing = [...actions]
        .filter(([action]) => {
          const text = label(messages, action);
          return typeof text !== 'string' || text.trim() === '' || text === action;
        })
        .map(([action, file]) => `${action} (${file})`);
      expect(missing).toEqual([]);
    });
  }
});
