import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';

/** The chain of the platform's own events, those with no provider (migration 0008). */
export const platformChain = 'platform';

export interface ChainBreak {
  /** A provider id, or `platform`. */
  chain: string;
  /** The sequence number where the chain breaks (for a removed tail: the head's). */
  seq: number;
  /** The event found there, if any. */
  eventId: string | null;
  /**
   * missing: events before this one were removed (a gap in the sequence or a previous hash that
   * does not match); altered: the event's content no longer matches its hash; truncated: the
   * chain ends before its recorded head.
   */
  problem: 'missing' | 'altered' | 'truncated';
  expected: string;
  found: string;
}

export interface ChainReport {
  chains: number;
  events: number;
  breaks: ChainBreak[];
}

export interface ChainRow {
  id: string;
  seq: number;
  prevHash: string;
  hash: string;
  /** The hash recomputed from the row as it is now. */
  recomputed: string;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * Walks one chain in sequence order and reports every place where it does not follow from the
 * one before it. Pure, so the rules can be read in one place; the rows come from `verifyAuditChains`.
 */
export function walkChain(chain: string, rows: ChainRow[], head: ChainHead | undefined): ChainBreak[] {
  const breaks: ChainBreak[] = [];
  let seq = 0;
  let hash = '';
  for (const row of rows) {
    if (row.seq !== seq + 1) {
      breaks.push({
        chain,
        seq: row.seq,
        eventId: row.id,
        problem: 'missing',
        expected: `sequence ${seq + 1}`,
        found: `sequence ${row.seq}`,
      });
    } else if (row.prevHash !== hash) {
      breaks.push({
        chain,
        seq: row.seq,
        eventId: row.id,
        problem: 'missing',
        expected: `previous hash ${hash || '(none)'}`,
        found: `previous hash ${row.prevHash || '(none)'}`,
      });
    }
    if (row.recomputed !== row.hash) {
      breaks.push({
        chain,
        seq: row.seq,
        eventId: row.id,
        problem: 'altered',
        expected: `hash ${row.recomputed}`,
        found: `hash ${row.hash}`,
      });
    }
    seq = row.seq;
    hash = row.hash;
  }
  if (!head) {
    if (rows.length)
      breaks.push({ chain, seq, eventId: null, problem: 'truncated', expected: `a chain head at sequence ${seq}`, found: 'no chain head' });
  } else if (head.seq !== seq || head.hash !== hash) {
    breaks.push({
      chain,
      seq: head.seq,
      eventId: null,
      problem: 'truncated',
      expected: `last event ${head.seq} with hash ${head.hash}`,
      found: `last event ${seq} with hash ${hash || '(none)'}`,
    });
  }
  return breaks;
}

const page = 5000;

interface PageRow {
  chain: string;
  id: string;
  seq: number;
  prev_hash: string;
  hash: string;
  recomputed: string;
}

/**
 * Recomputes every event's hash in the database (with the migration's own function, so the
 * serialisation is defined once) and walks each chain. Reads only, so the app's role may run it.
 */
export async function verifyAuditChains(db: Kysely<Database>): Promise<ChainReport> {
  const heads = new Map(
    (await sql<{ id: string; seq: number; hash: string }>`select id, seq, hash from audit_chain_heads`.execute(db)).rows.map((h) => [
      h.id,
      { seq: Number(h.seq), hash: h.hash },
    ]),
  );
  const chains = new Map<string, ChainRow[]>();
  let events = 0;
  const breaks: ChainBreak[] = [];
  const walked = new Set<string>();
  const finish = (chain: string) => {
    walked.add(chain);
    breaks.push(...walkChain(chain, chains.get(chain) ?? [], heads.get(chain)));
    chains.delete(chain);
  };
  // Keyset pages in chain order, so memory holds one page and the chain being walked.
  let after: { chain: string; seq: number } | null = null;
  let current: string | null = null;
  for (;;) {
    const rows: PageRow[] = (
      await sql<PageRow>`
      select coalesce(e.provider_id::text, ${sql.lit(platformChain)}) as chain, e.id::text as id, e.chain_seq as seq,
        e.prev_hash, e.hash, audit_event_hash(e) as recomputed
      from audit_events e
      where ${after === null ? sql`true` : sql`(coalesce(e.provider_id::text, ${sql.lit(platformChain)}), e.chain_seq) > (${after.chain}, ${after.seq})`}
      order by coalesce(e.provider_id::text, ${sql.lit(platformChain)}), e.chain_seq
      limit ${page}`.execute(db)
    ).rows;
    for (const r of rows) {
      if (r.chain !== current) {
        if (current !== null) finish(current);
        current = r.chain;
        chains.set(r.chain, []);
      }
      chains.get(r.chain)!.push({ id: r.id, seq: Number(r.seq), prevHash: r.prev_hash, hash: r.hash, recomputed: r.recomputed });
      events++;
    }
    if (rows.length < page) break;
    const last: PageRow = rows[rows.length - 1]!;
    after = { chain: last.chain, seq: Number(last.seq) };
  }
  if (current !== null) finish(current);
  // A chain whose every event was removed still has its head.
  for (const chain of heads.keys()) if (!walked.has(chain)) breaks.push(...walkChain(chain, [], heads.get(chain)));
  return { chains: new Set([...heads.keys(), ...walked]).size, events, breaks };
}
