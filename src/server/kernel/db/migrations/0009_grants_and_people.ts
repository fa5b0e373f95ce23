import type { Kysely } from 'kysely';
import { runStatements } from '../statements.js';

// Reserved for: H5 people contact details, self-grants, role shape (findings 1, 3, 12). Replace this comment with why the change exists.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `select 1;`);
}
