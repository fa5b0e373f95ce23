import type { Kysely } from 'kysely';
import { runStatements } from '../../../kernel/db/statements.js';

// Issue 9, item 5: the calendar feed tells its owner when a calendar app last read it, so "is my
// subscription still working?" has an answer without the secret address (kept only as a hash).
// Written by the feed itself at most once per feed per schedulingLimits.feedFetchRecordMinutes.

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table calendar_feeds add column last_fetched_at timestamptz;
    `,
  );
}
