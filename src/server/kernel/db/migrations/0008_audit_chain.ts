import type { Kysely } from 'kysely';
import { runStatements } from '../statements.js';

// Reserved for: H3 audit chain and database roles (finding 4). Replace this comment with why the change exists.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `select 1;`);
}
