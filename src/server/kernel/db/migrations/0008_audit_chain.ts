import { type Kysely, sql } from 'kysely';
import { runStatements } from '../statements.js';

// Issue 7, finding 4: the trail must show when a row was removed or altered, even by someone who
// got past the grants (on PGlite there are no roles, so there the chain is the only protection).
// Each provider's events, and the platform's events with no provider, form one chain: an event's
// hash covers the previous event's hash and its own canonical content, and audit_chain_heads keeps
// the last sequence number and hash of each chain, so a removed tail is found too.
//
// The chain is built by a trigger, not by the application, so no code path can append around it.
// The trigger locks its chain's head row, which serialises concurrent appends to one chain (two
// providers never wait for each other). It runs as the tables' owner (security definer), so the
// app's role may read the heads but never write them (grants: db/roles.ts).
//
// The serialisation is a jsonb array of the columns (jsonb text is normalised, so it is the same on
// both engines and after a backup round trip); `at` is taken as epoch microseconds so the session's
// time zone cannot change it. The verifier (audit/chain.ts) recomputes it with the same function.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Pinned with pg_temp last: otherwise a session's temporary table named audit_chain_heads would
  // stand in for the real one inside the owner's trigger.
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const searchPath = `set search_path = "${rows[0]!.schema.replace(/"/g, '""')}", pg_temp`;
  await runStatements(
    db,
    `
    alter table audit_events add column chain_seq bigint;
    alter table audit_events add column prev_hash text;
    alter table audit_events add column hash text;

    create table audit_chain_heads (
      id text primary key,
      seq bigint not null,
      hash text not null
    );

    create function audit_event_hash(e audit_events) returns text language sql stable
    ${searchPath} as $$
      select encode(sha256(convert_to(coalesce(e.prev_hash, '') || jsonb_build_array(
        e.id, e.provider_id, e.chain_seq, (extract(epoch from e.at) * 1000000)::bigint, e.actor_user_id, e.action,
        e.entity_type, e.entity_id, e.ip, e.user_agent, e.request_id, e.details
      )::text, 'UTF8')), 'hex')
    $$;

    create function audit_events_chain() returns trigger language plpgsql security definer
    ${searchPath} as $$
    declare
      chain text := coalesce(new.provider_id::text, 'platform');
      head audit_chain_heads%rowtype;
    begin
      insert into audit_chain_heads (id, seq, hash) values (chain, 0, '') on conflict (id) do nothing;
      select * into head from audit_chain_heads where id = chain for update;
      new.chain_seq := head.seq + 1;
      new.prev_hash := head.hash;
      new.hash := audit_event_hash(new);
      update audit_chain_heads set seq = new.chain_seq, hash = new.hash where id = chain;
      return new;
    end $$;

    -- Events recorded before the chain existed are chained in the order they were written.
    alter table audit_events disable trigger audit_events_no_update;
    do $$
    declare
      r audit_events%rowtype;
      chain text;
      head audit_chain_heads%rowtype;
    begin
      for r in select * from audit_events order by id loop
        chain := coalesce(r.provider_id::text, 'platform');
        insert into audit_chain_heads (id, seq, hash) values (chain, 0, '') on conflict (id) do nothing;
        select * into head from audit_chain_heads where id = chain;
        r.chain_seq := head.seq + 1;
        r.prev_hash := head.hash;
        r.hash := audit_event_hash(r);
        update audit_events set chain_seq = r.chain_seq, prev_hash = r.prev_hash, hash = r.hash where id = r.id;
        update audit_chain_heads set seq = r.chain_seq, hash = r.hash where id = chain;
      end loop;
    end $$;
    alter table audit_events enable trigger audit_events_no_update;

    alter table audit_events alter column chain_seq set not null;
    alter table audit_events alter column prev_hash set not null;
    alter table audit_events alter column hash set not null;
    create unique index audit_events_chain on audit_events ((coalesce(provider_id::text, 'platform')), chain_seq);

    create trigger audit_events_chain before insert on audit_events
      for each row execute function audit_events_chain();
    `,
  );
}
