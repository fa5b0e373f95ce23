import type { Kysely } from 'kysely';
import { runStatements } from '../statements.js';

// Measured by `npm run bench` (50,000 people): the member search scanned every user because only
// the name had a prefix index; a contains-search on surnames needs trigrams.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create extension if not exists pg_trgm;
    drop index if exists users_name_trgm;
    create index users_name_prefix on users (lower(name) text_pattern_ops);
    create index users_email_prefix on users (lower(email) text_pattern_ops);
    create index users_search_trgm on users using gin ((lower(name) || ' ' || lower(email)) gin_trgm_ops);
    create index users_name_order on users (name, id);
    `,
  );
}
