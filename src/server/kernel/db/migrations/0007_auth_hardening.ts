import type { Kysely } from 'kysely';
import { runStatements } from '../statements.js';

// Sign-in hardening (issue 7, findings 6 and 11). The old table held one row per failure and was
// read before the (slow) password check and written after it, so parallel guesses were all
// evaluated. One row per address, claimed with an atomic upsert before the check, cannot be raced,
// and being in the database it holds across app servers. The address is kept only as a keyed hash.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table sign_in_throttle (
      subject_hash text primary key,
      failures integer not null,
      last_attempt_at timestamptz not null
    );
    create index sign_in_throttle_last_attempt on sign_in_throttle (last_attempt_at);
    drop table sign_in_failures;
    `,
  );
}
