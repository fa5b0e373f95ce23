import type { Kysely } from 'kysely';
import { runStatements } from '../statements.js';

// Measures and follow-up (issue 4): provider settings, custom questionnaires, check-in plans tied
// to a process, check-ins sent by single-use link, scored responses and the alerts they raise.
// Built-in instruments are versioned data in code (modules/measures/logic/instruments); a
// response keeps the key and version it was answered with.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table measure_settings (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid not null unique references providers(id),
      pcptsd5_cutoff integer not null default 3 check (pcptsd5_cutoff between 3 and 4),
      tsq_licence_confirmed_at timestamptz,
      tsq_licence_confirmed_by uuid references users(id),
      escalation_minutes integer not null default 60 check (escalation_minutes between 5 and 1440),
      link_valid_days integer not null default 14 check (link_valid_days between 1 and 60),
      reminder_after_hours integer not null default 72 check (reminder_after_hours between 1 and 720),
      guidance jsonb,
      sick_day_cost_cents integer check (sick_day_cost_cents >= 0),
      updated_at timestamptz not null default now()
    );

    create table custom_instruments (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid not null references providers(id),
      key text not null check (key ~ '^custom_[a-z0-9_]{1,40}$'),
      version integer not null check (version >= 1),
      definition jsonb not null,
      active boolean not null default true,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      unique (provider_id, key, version)
    );

    create table checkin_plans (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid not null references providers(id),
      process_id uuid not null references processes(id),
      instrument_key text not null,
      trigger text not null check (trigger in ('before_first','each_meeting','every_nth','offset_days','at_end')),
      every_n integer check (every_n between 2 and 50),
      offset_days integer check (offset_days between 0 and 730),
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      check ((trigger = 'every_nth') = (every_n is not null)),
      check ((trigger = 'offset_days') = (offset_days is not null))
    );
    create index checkin_plans_process on checkin_plans (provider_id, process_id);

    create table checkins (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid not null references providers(id),
      process_id uuid not null references processes(id),
      organisation_id uuid not null references organisations(id),
      person_id uuid not null references people(id),
      plan_id uuid references checkin_plans(id) on delete set null,
      anchor text,
      instrument_key text not null,
      instrument_version integer not null,
      locale text not null check (locale in ('fi','sv','nb','en')),
      status text not null default 'scheduled' check (status in ('scheduled','sent','answered','cancelled')),
      due_at timestamptz not null,
      sent_at timestamptz,
      token_hash text unique,
      token_sealed text,
      expires_at timestamptz,
      reminded_at timestamptz,
      draft jsonb,
      draft_saved_at timestamptz,
      answered_at timestamptz,
      sent_by uuid references users(id),
      created_at timestamptz not null default now()
    );
    create unique index checkins_plan_anchor on checkins (plan_id, person_id, anchor) where plan_id is not null;
    create index checkins_process on checkins (provider_id, process_id, due_at);
    create index checkins_due on checkins (due_at) where status = 'scheduled';
    create index checkins_unanswered on checkins (sent_at) where status = 'sent' and reminded_at is null;

    create table responses (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid not null references providers(id),
      process_id uuid not null references processes(id),
      organisation_id uuid not null references organisations(id),
      person_id uuid not null references people(id),
      checkin_id uuid not null unique references checkins(id),
      instrument_key text not null,
      instrument_version integer not null,
      answers jsonb not null,
      free_text_sealed text,
      score double precision not null,
      band text not null,
      severity text not null,
      flags jsonb not null default '[]',
      guidance boolean not null default false,
      submitted_at timestamptz not null default now()
    );
    create index responses_person on responses (provider_id, person_id, instrument_key, submitted_at);
    create index responses_org on responses (provider_id, organisation_id, instrument_key, submitted_at);
    create index responses_process on responses (provider_id, process_id, instrument_key, submitted_at);

    create table measure_alerts (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid not null references providers(id),
      process_id uuid not null references processes(id),
      person_id uuid not null references people(id),
      checkin_id uuid not null references checkins(id),
      response_id uuid not null references responses(id),
      instrument_key text not null,
      reasons jsonb not null,
      level text not null check (level in ('normal','urgent')),
      status text not null default 'open' check (status in ('open','acknowledged','closed')),
      created_at timestamptz not null default now(),
      acknowledged_at timestamptz,
      acknowledged_by uuid references users(id),
      contacted_at timestamptz,
      contacted_by uuid references users(id),
      referral_at timestamptz,
      referral_by uuid references users(id),
      referral_note_sealed text,
      closed_at timestamptz,
      closed_by uuid references users(id),
      outcome text check (outcome in ('referred','support_offered','no_action_needed','could_not_reach','other')),
      escalated_at timestamptz
    );
    create index measure_alerts_process on measure_alerts (provider_id, process_id, status);
    create index measure_alerts_escalation on measure_alerts (created_at) where level = 'urgent' and status = 'open' and escalated_at is null;
    `,
  );
}
