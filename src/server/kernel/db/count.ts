import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { Database } from './schema.js';

/**
 * Counting stops here: a page must not scan a whole provider (or an ever-growing audit trail) to
 * say how many pages there are; beyond it the UI says "10,000+".
 */
export const countCap = 10_000;

/** How many rows `query` matches, counted up to `countCap + 1` (its own select list is replaced). */
// biome-ignore lint/suspicious/noExplicitAny: any filtered query of any table
export function countUpTo(db: Kysely<Database>, query: SelectQueryBuilder<Database, any, object>) {
  const capped = query
    .clearSelect()
    .select(sql<number>`1`.as('one'))
    .limit(countCap + 1);
  return db.selectFrom(capped.as('matches')).select((eb) => eb.fn.countAll<number>().as('n'));
}

/** The total a paged answer reports, and whether there are more than it says. */
export function cappedTotal(counted: { n: number | string } | undefined): { total: number; totalCapped: boolean } {
  const n = Number(counted?.n ?? 0);
  return { total: Math.min(n, countCap), totalCapped: n > countCap };
}
