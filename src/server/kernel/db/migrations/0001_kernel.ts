import type { Kysely } from 'kysely';
import { runStatements } from '../statements.js';

// Tenant-scoped tables lead their indexes with provider_id (ARCHITECTURE.md: ready to be
// distributed by tenant). Identifiers are UUIDs so rows can move between databases intact.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table providers (
      id uuid primary key default gen_random_uuid(),
      name text not null check (length(name) between 1 and 200),
      slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
      country text not null check (country in ('FI','SE','NO')),
      default_locale text not null default 'fi' check (default_locale in ('fi','sv','nb','en')),
      time_zone text not null default 'Europe/Helsinki',
      created_at timestamptz not null default now()
    );

    create table users (
      id uuid primary key default gen_random_uuid(),
      email text not null check (position('@' in email) > 1),
      name text not null default '',
      password_hash text,
      locale text check (locale in ('fi','sv','nb','en')),
      time_zone text,
      totp_secret text,
      totp_pending_secret text,
      totp_enabled_at timestamptz,
      totp_last_step bigint,
      is_platform_admin boolean not null default false,
      disabled_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index users_email_key on users (lower(email));
    create index users_name_trgm on users (lower(name) text_pattern_ops);

    create table organisations (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid not null references providers(id),
      name text not null check (length(name) between 1 and 200),
      business_id text,
      created_at timestamptz not null default now()
    );
    create index organisations_provider on organisations (provider_id, lower(name));
    create unique index organisations_business_id on organisations (provider_id, business_id) where business_id is not null;

    create table units (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid not null references providers(id),
      organisation_id uuid not null references organisations(id),
      parent_id uuid references units(id),
      name text not null check (length(name) between 1 and 200),
      created_at timestamptz not null default now()
    );
    create index units_provider on units (provider_id, organisation_id);

    create table memberships (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid not null references providers(id),
      user_id uuid not null references users(id),
      role text not null check (role in ('provider_admin','practitioner','client_contact','participant','peer_supporter','job_seeker','municipal_expert')),
      organisation_id uuid references organisations(id),
      unit_id uuid references units(id),
      created_at timestamptz not null default now(),
      check (role not in ('client_contact','participant','peer_supporter','job_seeker') or organisation_id is not null)
    );
    create unique index memberships_unique on memberships (provider_id, user_id, role, coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid));
    create index memberships_provider_role on memberships (provider_id, role, created_at);
    create index memberships_provider_org on memberships (provider_id, organisation_id);
    create index memberships_user on memberships (user_id);

    create table invitations (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid not null references providers(id),
      email text not null,
      role text not null,
      organisation_id uuid references organisations(id),
      unit_id uuid references units(id),
      token_hash text not null unique,
      invited_by uuid references users(id),
      expires_at timestamptz not null,
      accepted_at timestamptz,
      revoked_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index invitations_provider on invitations (provider_id, created_at desc);

    create table sessions (
      id uuid primary key default gen_random_uuid(),
      token_hash text not null unique,
      user_id uuid not null references users(id),
      provider_id uuid references providers(id),
      mfa_verified_at timestamptz,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ip text,
      user_agent text
    );
    create index sessions_user on sessions (user_id);
    create index sessions_expiry on sessions (expires_at);

    create table password_resets (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id),
      token_hash text not null unique,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    );

    create table recovery_codes (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id),
      code_hash text not null,
      used_at timestamptz
    );
    create index recovery_codes_user on recovery_codes (user_id);

    create table sign_in_failures (
      id uuid primary key default gen_random_uuid(),
      email text not null,
      ip text,
      at timestamptz not null default now()
    );
    create index sign_in_failures_email on sign_in_failures (email, at desc);

    create table audit_events (
      id bigint generated always as identity primary key,
      provider_id uuid references providers(id),
      at timestamptz not null default now(),
      actor_user_id uuid references users(id),
      action text not null,
      entity_type text,
      entity_id text,
      ip text,
      user_agent text,
      request_id text,
      details jsonb
    );
    create index audit_events_provider_at on audit_events (provider_id, at desc, id desc);
    create index audit_events_provider_action on audit_events (provider_id, action, at desc);

    -- The trail people rely on is append-only: no role of the application can rewrite it.
    create function audit_events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_events is append-only' using errcode = '42501';
    end $$;
    create trigger audit_events_no_update before update or delete on audit_events
      for each row execute function audit_events_append_only();

    create table mail_outbox (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid references providers(id),
      to_address text not null,
      subject text not null,
      text_body text not null,
      html_body text,
      status text not null default 'pending' check (status in ('pending','sent','stored','failed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null default now(),
      last_error text,
      sent_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index mail_outbox_due on mail_outbox (status, next_attempt_at);
    create index mail_outbox_created on mail_outbox (created_at desc);
  `,
  );
}
