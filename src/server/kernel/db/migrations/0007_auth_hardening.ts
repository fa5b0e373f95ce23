import type { Kysely } from 'kysely';
import { runStatements } from '../statements.js';

// Reserved for: H1 sign-in hardening (findings 5, 6, 7, 11). Replace this comment with why the change exists.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `select 1;`);
}
