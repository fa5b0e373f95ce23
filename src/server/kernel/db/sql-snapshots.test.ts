/**
 * Every hot or access-shaping query is kept as generated SQL in `queries.sql` beside this file, so a
 * change to a query (or to the conditions the repository adds) shows up in review.
 * Update with `npx vitest run --project unit -u` and read the diff.
 */
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import { modules } from '../../modules/index.js';
import type { Caller } from '../access/caller.js';
import { Repository } from '../access/repository.js';
import type { SnapshotContext } from '../module.js';
import type { Database } from './schema.js';

const db = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

const caller = (grants: Caller['grants']): Caller => ({
  userId: 'user-1',
  sessionId: 'session-1',
  providerId: 'provider-1',
  grants,
  isPlatformAdmin: false,
  fullySignedIn: true,
  ip: null,
  userAgent: null,
  requestId: null,
});
const on: SnapshotContext = { db, repo: (grants, extra) => new Repository(db, { ...caller(grants), ...extra }) };

/** Each manifest's snapshots (`snapshots`), the kernel's first, in the module list's order. */
const queries = Object.fromEntries(
  (await Promise.all(modules.map(async (m) => Object.entries((await m.snapshots?.()) ?? {})))).flat().map(([name, q]) => [name, q(on)]),
);

describe('SQL snapshots', () => {
  it('match queries.sql', async () => {
    const text = Object.entries(queries)
      .map(([name, q]) => {
        const compiled = q.compile();
        return `-- ${name}\n${compiled.sql};\n-- parameters: ${JSON.stringify(compiled.parameters)}\n`;
      })
      .join('\n');
    await expect(text).toMatchFileSnapshot('./queries.sql');
  });
});
