import type { Kysely } from 'kysely';
import { runStatements } from '../statements.js';

// Work supervision and crisis supervision (issue 3): intake, service catalogue, processes,
// scheduling and the work itself. Every table carries provider_id; tables below a process carry
// process_id so one access rule ("processes this caller may see") covers them all.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table providers add column first_contact_target_minutes integer not null default 240 check (first_contact_target_minutes > 0);
    alter table providers add column late_cancellation_hours integer not null default 24 check (late_cancellation_hours >= 0);
    alter table providers add column late_cancellation_charge_percent integer not null default 100 check (late_cancellation_charge_percent between 0 and 100);
    alter table providers add column participant_cancellation_hours integer not null default 24 check (participant_cancellation_hours >= 0);
    alter table memberships add column on_call boolean not null default false;

    create table people (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid not null references providers(id),
      organisation_id uuid not null references organisations(id),
      unit_id uuid references units(id),
      user_id uuid references users(id),
      name text not null check (length(name) between 1 and 200),
      email text,
      phone text,
      locale text check (locale in ('fi','sv','nb','en')),
      created_at timestamptz not null default now()
    );
    create index people_provider_org on people (provider_id, organisation_id, lower(name));
    create index people_user on people (user_id) where user_id is not null;
    create unique index people_org_email on people (provider_id, organisation_id, lower(email)) where email is not null;

    create table services (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid not null references providers(id),
      kind text not null check (kind in ('individual','group','work_community','leader','crisis_individual','crisis_group')),
      name text not null check (length(name) between 1 and 200),
      default_minutes integer not null check (default_minutes between 15 and 480),
      default_cadence text not null check (default_cadence in ('crisis','weekly','biweekly','monthly')),
      default_place text not null check (default_place in ('on_site','office','video')),
      price_cents integer not null check (price_cents >= 0),
      currency text not null default 'EUR' check (currency in ('EUR','SEK','NOK')),
      active boolean not null default true,
      created_at timestamptz not null default now()
    );
    create index services_provider on services (provider_id, active);

    create table processes (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid not null references providers(id),
      organisation_id uuid not null references organisations(id),
      service_id uuid not null references services(id),
      kind text not null check (kind in ('individual','group','work_community','leader','crisis_individual','crisis_group')),
      title text not null check (length(title) between 1 and 200),
      status text not null default 'proposed' check (status in ('proposed','agreed','active','paused','completed','cancelled')),
      agreed_sessions integer check (agreed_sessions between 1 and 500),
      cadence text not null check (cadence in ('crisis','weekly','biweekly','monthly')),
      session_minutes integer not null check (session_minutes between 15 and 480),
      place text not null check (place in ('on_site','office','video')),
      location text,
      video_link text,
      price_cents integer not null check (price_cents >= 0),
      currency text not null default 'EUR',
      language text not null default 'fi' check (language in ('fi','sv','nb','en')),
      start_date date,
      review_date date,
      crisis_event_at timestamptz,
      continued_from_id uuid references processes(id),
      request_id uuid,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index processes_provider_org on processes (provider_id, organisation_id, status);
    create index processes_provider_status on processes (provider_id, status, created_at desc);

    create table process_practitioners (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid not null references providers(id),
      process_id uuid not null references processes(id),
      user_id uuid not null references users(id),
      created_at timestamptz not null default now(),
      unique (process_id, user_id)
    );
    create index process_practitioners_user on process_practitioners (provider_id, user_id);

    create table process_participants (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid not null references providers(id),
      process_id uuid not null references processes(id),
      person_id uuid not null references people(id),
      created_at timestamptz not null default now(),
      unique (process_id, person_id)
    );
    create index process_participants_person on process_participants (provider_id, person_id);

    create table process_status_changes (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid not null references providers(id),
      process_id uuid not null references processes(id),
      from_status text,
      to_status text not null,
      reason text,
      changed_by uuid references users(id),
      at timestamptz not null default now()
    );
    create index process_status_changes_process on process_status_changes (provider_id, process_id, at);

    create table goals (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid not null references providers(id),
      process_id uuid not null references processes(id),
      title text not null check (length(title) between 1 and 300),
      position integer not null default 0,
      closed_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index goals_process on goals (provider_id, process_id, position);

    create table what_works (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid not null references providers(id),
      process_id uuid not null references processes(id),
      meeting_id uuid,
      text text not null check (length(text) between 1 and 1000),
      created_by uuid references users(id),
      created_at timestamptz not null default now()
    );
    create index what_works_process on what_works (provider_id, process_id, created_at);

    create table requests (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid not null references providers(id),
      source text not null check (source in ('public','portal')),
      kind text not null check (kind in ('crisis','service')),
      service_kind text check (service_kind in ('individual','group','work_community','leader','crisis_individual','crisis_group')),
      organisation_name text not null,
      organisation_id uuid references organisations(id),
      contact_name text not null,
      contact_phone text,
      contact_email text not null,
      event_type text check (event_type in ('accident','violence_or_threat','death','organisational_change','community_crisis','reputational_crisis','other')),
      event_at timestamptz,
      affected_count integer check (affected_count between 1 and 100000),
      location text,
      preferred_locale text not null default 'fi',
      message text,
      consent_at timestamptz not null,
      privacy_notice_version text not null,
      status text not null default 'new' check (status in ('new','contacted','triaged','declined')),
      first_contact_at timestamptz,
      first_contact_by uuid references users(id),
      first_contact_note text,
      triaged_at timestamptz,
      triaged_by uuid references users(id),
      process_id uuid references processes(id),
      decline_reason text,
      submitted_by uuid references users(id),
      created_at timestamptz not null default now()
    );
    create index requests_queue on requests (provider_id, status, kind, created_at);

    create table availability (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid not null references providers(id),
      user_id uuid not null references users(id),
      weekday integer not null check (weekday between 1 and 7),
      start_time time not null,
      end_time time not null,
      time_zone text not null,
      check (start_time < end_time)
    );
    create index availability_user on availability (provider_id, user_id);

    create table absences (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid not null references providers(id),
      user_id uuid not null references users(id),
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      note text,
      check (starts_at < ends_at)
    );
    create index absences_user on absences (provider_id, user_id, starts_at);

    create table meetings (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid not null references providers(id),
      process_id uuid not null references processes(id),
      organisation_id uuid not null references organisations(id),
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      time_zone text not null,
      place text not null check (place in ('on_site','office','video')),
      location text,
      video_link text,
      status text not null default 'planned' check (status in ('planned','held','cancelled')),
      cancelled_at timestamptz,
      cancel_reason text,
      cancelled_by_role text check (cancelled_by_role in ('provider','client','participant')),
      late_cancellation boolean not null default false,
      -- The price agreed when the meeting was booked: invoicing never changes with later price edits.
      price_cents integer not null check (price_cents >= 0),
      currency text not null default 'EUR',
      sequence integer not null default 0,
      reminder_sent_at timestamptz,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      check (starts_at < ends_at)
    );
    create index meetings_process on meetings (provider_id, process_id, starts_at);
    create index meetings_org_month on meetings (provider_id, organisation_id, starts_at);
    create index meetings_due_reminders on meetings (starts_at) where status = 'planned' and reminder_sent_at is null;

    create table meeting_practitioners (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid not null references providers(id),
      meeting_id uuid not null references meetings(id),
      process_id uuid not null references processes(id),
      user_id uuid not null references users(id),
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      unique (meeting_id, user_id)
    );
    -- The calendar week of a practitioner: one range scan on this index.
    create index meeting_practitioners_calendar on meeting_practitioners (provider_id, user_id, starts_at);

    create table meeting_attendance (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid not null references providers(id),
      meeting_id uuid not null references meetings(id),
      process_id uuid not null references processes(id),
      person_id uuid not null references people(id),
      status text not null default 'invited' check (status in ('invited','present','absent','cancelled')),
      unique (meeting_id, person_id)
    );
    create index meeting_attendance_person on meeting_attendance (provider_id, person_id);

    create table meeting_notes (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid not null references providers(id),
      meeting_id uuid not null references meetings(id),
      process_id uuid not null references processes(id),
      author_user_id uuid not null references users(id),
      ciphertext text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (meeting_id, author_user_id)
    );

    create table meeting_summaries (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid not null references providers(id),
      meeting_id uuid not null unique references meetings(id),
      process_id uuid not null references processes(id),
      text text not null check (length(text) between 1 and 10000),
      author_user_id uuid references users(id),
      updated_at timestamptz not null default now()
    );

    create table scaling_scores (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid not null references providers(id),
      meeting_id uuid not null references meetings(id),
      process_id uuid not null references processes(id),
      goal_id uuid not null references goals(id),
      person_id uuid references people(id),
      value integer not null check (value between 0 and 10),
      recorded_by uuid references users(id),
      created_at timestamptz not null default now()
    );
    create index scaling_scores_process on scaling_scores (provider_id, process_id, goal_id, created_at);
    create unique index scaling_scores_one on scaling_scores (meeting_id, goal_id, coalesce(person_id, '00000000-0000-0000-0000-000000000000'::uuid));

    create table calendar_feeds (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid not null references providers(id),
      user_id uuid not null references users(id),
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      revoked_at timestamptz
    );
    create index calendar_feeds_user on calendar_feeds (provider_id, user_id);
    `,
  );
}
