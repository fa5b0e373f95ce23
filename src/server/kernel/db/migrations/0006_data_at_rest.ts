import type { Kysely } from 'kysely';
import { runStatements } from '../statements.js';

// Issue 7, findings 2 and 10: what a copy of the database gives away, and mail sent twice.
// - Check-in drafts and request messages move to sealed columns. SQL has no key, so the plain
//   columns stay for rows written before this change: the server seals them at start
//   (kernel/db/seal-legacy.ts) and empties the plain column; reads accept either meanwhile.
// - No decryptable copy of a check-in token: the reminder mints a second token, of which only the
//   hash is kept beside the first (so the first link keeps working).
// - A delivered or given-up mail keeps its metadata only (its body held live links).
// - Delivery claims rows with a lease in a short transaction and sends outside it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table checkins add column draft_sealed text;
    alter table checkins add column reminder_token_hash text unique;
    alter table checkins drop column token_sealed;
    alter table requests add column message_sealed text;
    alter table mail_outbox alter column text_body drop not null;
    alter table mail_outbox add column claimed_until timestamptz;
    alter table mail_outbox add column claimed_by text;
    update mail_outbox set text_body = null, html_body = null, attachments = null where status in ('sent', 'failed');
    `,
  );
}
