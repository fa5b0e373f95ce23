import type { Kysely } from 'kysely';
import { runStatements } from '../../../kernel/db/statements.js';

// Issue 9, item 1: a provider enters the official translation it holds of a built-in instrument
// (our sources may not carry the licensed wording). Versioned per provider, instrument and
// language; a version is never changed, only withdrawn, so an answer can always show the words
// it was given in. Responses record the language the questionnaire was shown in and, when that
// was a provider's translation, its version.

/** The tenant tables this migration adds; each gets the tenant wall of 0010 (policy.test.ts). */
export const walledTables = ['instrument_translations'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table instrument_translations (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid not null references providers(id),
      instrument_key text not null,
      locale text not null check (locale in ('fi','sv','nb','en')),
      version integer not null check (version >= 1),
      texts jsonb not null,
      source text not null check (length(trim(source)) > 0),
      licence_note text not null default '',
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      withdrawn_at timestamptz,
      withdrawn_by uuid references users(id),
      unique (provider_id, instrument_key, locale, version)
    );

    alter table instrument_translations enable row level security;
    create policy tenant_wall on instrument_translations using ((select rinnalla_walled_provider()) is null or provider_id = (select rinnalla_walled_provider()));

    alter table responses add column form_locale text check (form_locale in ('fi','sv','nb','en'));
    alter table responses add column translation_version integer check (translation_version >= 1);
    `,
  );
}
