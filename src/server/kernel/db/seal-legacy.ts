import type { Kysely } from 'kysely';
import type { DataCipher } from '../crypto.js';
import type { Database } from './schema.js';

/**
 * Seals check-in drafts and request messages written in plain text before they were sealed
 * (migration 0006), and empties the plain column. A migration cannot do it: SQL has no key. Run at
 * every start after the migrations; it finds nothing once done. Row by row under a lock skipped by
 * others, so two servers starting together neither block nor seal one row twice; readers accept the
 * plain column meanwhile (measures draftOf, intake messageOf, whose associated data these match).
 */
export async function sealLegacyPlaintext(
  db: Kysely<Database>,
  cipher: DataCipher,
  batch = 200,
): Promise<{ drafts: number; messages: number }> {
  let drafts = 0;
  let messages = 0;
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('checkins')
        .select(['id', 'draft'])
        .where('draft', 'is not', null)
        .limit(batch)
        .forUpdate()
        .skipLocked()
        .execute();
      for (const row of rows) {
        const text = typeof row.draft === 'string' ? row.draft : JSON.stringify(row.draft);
        await trx
          .updateTable('checkins')
          .set({ draft: null, draft_sealed: cipher.encrypt(text, `checkin-draft:${row.id}`) })
          .where('id', '=', row.id)
          .execute();
      }
      return rows.length;
    });
    drafts += done;
    if (done < batch) break;
  }
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('requests')
        .select(['id', 'provider_id', 'message'])
        .where('message', 'is not', null)
        .limit(batch)
        .forUpdate()
        .skipLocked()
        .execute();
      for (const row of rows) {
        await trx
          .updateTable('requests')
          .set({ message: null, message_sealed: cipher.encrypt(row.message as string, `request-message:${row.provider_id}`) })
          .where('id', '=', row.id)
          .execute();
      }
      return rows.length;
    });
    messages += done;
    if (done < batch) break;
  }
  return { drafts, messages };
}
