import type { Kysely } from 'kysely';
import { runStatements } from '../statements.js';

// The provider's own business ID (Y-tunnus, organisasjonsnummer, organisationsnummer), printed on
// the invoicing basis beside the client's. Optional: a provider may fill it in later.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `alter table providers add column business_id text;`);
}
