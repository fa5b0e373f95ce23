import type { Kysely } from 'kysely';
import { runStatements } from '../statements.js';

// Meeting invitations carry an .ics file; the outbox keeps it with the mail it belongs to.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `alter table mail_outbox add column attachments jsonb;`);
}
