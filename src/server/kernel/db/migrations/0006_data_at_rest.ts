import type { Kysely } from 'kysely';
import { runStatements } from '../statements.js';

// Reserved for: H2 data at rest and mail (findings 2, 9, 10). Replace this comment with why the change exists.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `select 1;`);
}
