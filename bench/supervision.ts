import type pg from 'pg';
import { firstNames, lastNames } from './names.js';

/**
 * Supervision data at realistic scale (issue 3): the provider's service catalogue, people of the
 * client organisations, ordinary monthly processes with two years of held meetings and three months
 * of planned ones, and one very busy practitioner with five years of weekly sessions on 20 processes,
 * one of them a crisis. All bulk SQL; runs inside the seed's transaction, after the users and
 * memberships (it reads the seed's temp tables bench_people and bench_orgs).
 */
export interface SupervisionScale {
  /** Ordinary monthly processes of the main provider, spread over its organisations and practitioners. */
  processes: number;
  /** Ordinary practitioners the planner load signs in as (TOTP, weekday hours, a monthly process each). */
  loadPractitioners: number;
}

export interface SupervisionSeed {
  busyUserId: string;
  /** How many meetings the busy practitioner has (all five years). */
  busyMeetings: number;
  /** The busy practitioner's crisis process (kind crisis_group, cadence crisis). */
  crisisProcessId: string;
  /** Monday 00:00 Europe/Helsinki of every week of the busy practitioner's five years and the Monday after, as ISO instants. */
  weeks: string[];
  /** The whole months (Europe/Helsinki) of those five years: the first of each and the first of the next. */
  months: { from: string; to: string }[];
  /** Ordinary practitioners and one monthly process of each, for the planner load. */
  planners: { userId: string; processId: string }[];
}

export const supervisionZone = 'Europe/Helsinki';
/** Ordinary processes: a meeting a month from this many months back to this many ahead (the current month included). */
const monthsBack = 24;
const monthsAhead = 3;
/** The busy practitioner: weekly sessions from this many weeks back to this many ahead (261 weeks, 5 years). */
const busyWeeksBack = 248;
const busyWeeksAhead = 12;
/** The busy practitioner's crisis began this many weeks ago (Tuesday); its meetings are the Friday 14:00 slot since. */
const crisisWeeksAgo = 2;
/** The busy practitioner's 20 weekly slots: Monday–Friday at these local minutes, 60 minutes each (a free 11:00–12:30 stays). */
const busySlotMinutes = [8 * 60 + 30, 10 * 60, 12 * 60 + 30, 14 * 60];

type Step = <T>(name: string, work: () => Promise<T>) => Promise<T>;

const services = [
  { kind: 'individual', name: 'Yksilötyönohjaus / Individual supervision', minutes: 60, cadence: 'monthly', place: 'office', price: 14000 },
  { kind: 'group', name: 'Ryhmätyönohjaus / Group supervision', minutes: 90, cadence: 'monthly', place: 'on_site', price: 26000 },
  {
    kind: 'work_community',
    name: 'Työyhteisön työnohjaus / Work-community supervision',
    minutes: 120,
    cadence: 'monthly',
    place: 'on_site',
    price: 38000,
  },
  { kind: 'leader', name: 'Esihenkilöiden työnohjaus / Leader supervision', minutes: 90, cadence: 'monthly', place: 'video', price: 18000 },
  {
    kind: 'crisis_individual',
    name: 'Kriisityönohjaus, yksilö / Crisis supervision, individual',
    minutes: 60,
    cadence: 'crisis',
    place: 'office',
    price: 16000,
  },
  {
    kind: 'crisis_group',
    name: 'Kriisityönohjaus, ryhmä / Crisis supervision, group',
    minutes: 90,
    cadence: 'crisis',
    place: 'on_site',
    price: 32000,
  },
] as const;

export async function seedSupervisionData(
  client: pg.Client,
  input: { providerId: string; scale: SupervisionScale },
  step: Step,
): Promise<SupervisionSeed> {
  const { providerId, scale } = input;
  const zone = supervisionZone;

  await step('services (catalogue of the main provider)', () =>
    client.query(
      `insert into services (provider_id, kind, names, vat_rate_bp, default_minutes, default_cadence, default_place, price_cents, created_at)
       select $1, s.kind, jsonb_build_object('fi', s.name), 2550, s.minutes, s.cadence, s.place, s.price, now() - interval '3 years'
       from jsonb_to_recordset($2::jsonb) s(kind text, name text, minutes int, cadence text, place text, price int)`,
      [providerId, JSON.stringify(services)],
    ),
  );

  await step('people (participants + 8 per organisation)', async () => {
    // The participants with accounts, in their own organisation and unit.
    await client.query(
      `insert into people (provider_id, organisation_id, unit_id, user_id, name, email, locale, created_at)
       select m.provider_id, m.organisation_id, m.unit_id, u.id, u.name, u.email,
              case when u.locale in ('fi', 'sv', 'nb', 'en') then u.locale else 'fi' end, m.created_at
       from memberships m join users u on u.id = m.user_id
       where m.provider_id = $1 and m.role = 'participant' and m.organisation_id is not null`,
      [providerId],
    );
    // Colleagues who attend supervision without an account (people.user_id null), some without e-mail.
    await client.query(
      `insert into people (provider_id, organisation_id, user_id, name, email, locale, created_at)
       select o.provider_id, o.id, null, f.name,
              case when k % 3 = 0 then null else 'person.' || k || '.' || replace(o.id::text, '-', '') || '@example.org' end,
              'fi', o.created_at + interval '2 days'
       from organisations o
       cross join generate_series(1, 8) k
       cross join lateral (
         select p.fns[1 + (hashtext(o.id::text || k) & 2147483647) % cardinality(p.fns)] || ' '
                || p.lns[1 + (hashtext(k || o.id::text) & 2147483647) % cardinality(p.lns)] as name
         from (select $2::text[] fns, $3::text[] lns) p
       ) f
       where o.provider_id = $1`,
      [providerId, firstNames, lastNames],
    );
    await client.query(
      `create temp table bench_org_people on commit drop as
       select id as person_id, organisation_id,
              row_number() over (partition by organisation_id order by md5(id::text)) - 1 as k,
              count(*) over (partition by organisation_id) as cnt
       from people where provider_id = $1`,
      [providerId],
    );
    await client.query('create index on bench_org_people (organisation_id, k)');
    await client.query('analyze bench_org_people');
  });

  const plan = await step('processes (monthly + the busy practitioner)', async () => {
    await client.query(
      `create temp table bench_processes (
         id uuid primary key default gen_random_uuid(),
         n int not null,
         busy_idx int,
         organisation_id uuid not null,
         practitioner_id uuid not null,
         kind text not null,
         cadence text not null,
         session_minutes int not null,
         participants int not null,
         first_person int not null,
         day_offset int not null,
         weekday int not null,
         start_minute int not null
       ) on commit drop`,
    );
    // Practitioners of the main provider in rank order: the first is the busy one, the next
    // loadPractitioners are the planner load's, and every one but the busy one gets ordinary processes.
    await client.query(
      `create temp table bench_practitioners on commit drop as
       select id, row_number() over (order by rank) - 1 as i from bench_people
       where provider_id = $1 and role = 'practitioner'`,
      [providerId],
    );
    const { rows: counts } = await client.query<{ practitioners: number; orgs: number }>(
      `select (select count(*)::int from bench_practitioners) practitioners,
              (select count(*)::int from bench_orgs where provider_id = $1) orgs`,
      [providerId],
    );
    const practitioners = counts[0]!.practitioners;
    const orgs = counts[0]!.orgs;
    if (practitioners < 2 + scale.loadPractitioners) throw new Error(`need at least ${2 + scale.loadPractitioners} practitioners`);
    // Ordinary processes: round-robin over organisations and over the practitioners but the busy one;
    // group supervision is the commonest, then work community, individual and leader supervision.
    await client.query(
      `insert into bench_processes (n, organisation_id, practitioner_id, kind, cadence, session_minutes, participants, first_person, day_offset, weekday, start_minute)
       select g, o.id, pr.id, s.kind, 'monthly', s.default_minutes, 3 + (g * 7) % 6,
              (hashtext(g::text) & 2147483647) % 1000000, g % 28, 1 + (g / 3) % 5, 8 * 60 + 30 * ((g * 5) % 13)
       from generate_series(1, $2) g
       join bench_orgs o on o.provider_id = $1 and o.rn = 1 + (g - 1) % $3
       join bench_practitioners pr on pr.i = 1 + (g - 1) % ($4 - 1)
       join services s on s.provider_id = $1
        and s.kind = case when g % 20 < 8 then 'group' when g % 20 < 13 then 'work_community' when g % 20 < 17 then 'individual' else 'leader' end`,
      [providerId, scale.processes, orgs, practitioners],
    );
    // The busy practitioner: 19 weekly processes and one crisis process (index 19), all in different organisations.
    await client.query(
      `insert into bench_processes (n, busy_idx, organisation_id, practitioner_id, kind, cadence, session_minutes, participants, first_person, day_offset, weekday, start_minute)
       select 1000000 + b, b, o.id, pr.id,
              case when b = 19 then 'crisis_group' else (array['group', 'individual', 'work_community', 'leader'])[1 + b % 4] end,
              case when b = 19 then 'crisis' else 'weekly' end,
              case when b = 19 then 90 else 60 end,
              3 + b % 6, (hashtext('busy' || b) & 2147483647) % 1000000, 0, 1, 0
       from generate_series(0, 19) b
       join bench_orgs o on o.provider_id = $1 and o.rn = 1 + (b * 11) % $2
       join bench_practitioners pr on pr.i = 0`,
      [providerId, orgs],
    );
    await client.query('analyze bench_processes');
    await client.query(
      `insert into processes (id, provider_id, organisation_id, service_id, kind, title, status, agreed_sessions, cadence,
                              session_minutes, place, location, video_link, price_cents, language, start_date, review_date,
                              crisis_event_at, created_by, created_at, updated_at)
       select bp.id, $1, bp.organisation_id, s.id, bp.kind,
              left(split_part(s.names->>'fi', ' / ', 2) || ' – ' || o.name, 200),
              'active',
              case when bp.cadence = 'crisis' then 6 when bp.busy_idx is null then 30 else 300 end,
              bp.cadence, bp.session_minutes, s.default_place,
              case when s.default_place = 'video' then null else o.name || ', neuvotteluhuone ' || (1 + bp.n % 4) end,
              case when s.default_place = 'video' then 'https://video.example.com/' || md5(bp.id::text) end,
              s.price_cents, 'fi', t.started::date, (t.started + interval '3 years')::date,
              case when bp.cadence = 'crisis' then t.crisis end,
              bp.practitioner_id, case when bp.cadence = 'crisis' then t.crisis else t.started - interval '14 days' end,
              now() - interval '1 day'
       from bench_processes bp
       join services s on s.provider_id = $1 and s.kind = bp.kind
       join organisations o on o.id = bp.organisation_id
       cross join lateral (
         select case when bp.cadence = 'crisis' then w.monday - $3::int * interval '1 week' + interval '1 day'
                     when bp.busy_idx is not null then w.monday - $2::int * interval '1 week'
                     else date_trunc('month', now() at time zone $4) - $5::int * interval '1 month' end as started,
                (w.monday - $3::int * interval '1 week' + interval '1 day 10 hours') at time zone $4 as crisis
         from (select date_trunc('week', now() at time zone $4) as monday) w
       ) t`,
      [providerId, busyWeeksBack, crisisWeeksAgo, zone, monthsBack],
    );
    await client.query(
      `insert into process_practitioners (provider_id, process_id, user_id, created_at)
       select $1, bp.id, bp.practitioner_id, p.created_at
       from bench_processes bp join processes p on p.id = bp.id`,
      [providerId],
    );
    await client.query(
      `insert into process_participants (provider_id, process_id, person_id, created_at)
       select $1, bp.id, op.person_id, p.created_at
       from bench_processes bp
       join processes p on p.id = bp.id
       cross join lateral (select max(cnt) cnt from bench_org_people c where c.organisation_id = bp.organisation_id) c
       cross join lateral generate_series(0, least(bp.participants, c.cnt) - 1) j
       join bench_org_people op on op.organisation_id = bp.organisation_id and op.k = (bp.first_person + j) % c.cnt`,
      [providerId],
    );
    const { rows } = await client.query<{ busy: string; crisis: string }>(
      `select (select practitioner_id::text from bench_processes where busy_idx = 19) busy,
              (select id::text from bench_processes where busy_idx = 19) crisis`,
    );
    return rows[0]!;
  });

  await step('meetings', async () => {
    const meetingColumns = `provider_id, process_id, organisation_id, starts_at, ends_at, time_zone, place, location, video_link,
      status, cancelled_at, cancel_reason, cancelled_by_role, late_cancellation, price_cents, reminder_sent_at, created_by, created_at`;
    // Past meetings were held (about 3 % cancelled, half of those late, so they are invoiced);
    // future ones are planned. A planned meeting within a day already had its reminder.
    const meetingValues = `$1, p.id, p.organisation_id, x.starts_at, x.starts_at + x.minutes * interval '1 minute', $2, p.place, p.location, p.video_link,
      x.status,
      case when x.status = 'cancelled' then x.starts_at - interval '2 days' * x.r * 30 end,
      case when x.status = 'cancelled' then 'Sairastuminen / illness' end,
      case when x.status = 'cancelled' then (array['client', 'provider', 'client'])[1 + floor(x.r * 100)::int % 3] end,
      x.status = 'cancelled' and x.r * 60 < 1,
      p.price_cents,
      case when x.starts_at < now() + interval '1 day' then x.starts_at - interval '1 day' end,
      p.created_by, least(x.starts_at - interval '20 days', now())`;
    // Ordinary processes: monthly at a fixed time on a fixed weekday, the one nearest to the same day
    // of each month (the planner's own monthly rule), so the weekdays are evenly loaded.
    await client.query(
      `insert into meetings (${meetingColumns})
       select ${meetingValues}
       from bench_processes bp
       join processes p on p.id = bp.id
       cross join generate_series(-$3::int, $4::int) m
       cross join lateral (
         select date_trunc('month', now() at time zone $2) + m * interval '1 month' + bp.day_offset * interval '1 day' as day
       ) l
       cross join lateral (select (bp.weekday - extract(isodow from l.day)::int + 7) % 7 as ahead) a
       cross join lateral (
         select (l.day + (case when a.ahead <= 3 then a.ahead else a.ahead - 7 end) * interval '1 day'
                 + bp.start_minute * interval '1 minute') at time zone $2 as starts_at
       ) s
       cross join lateral (
         select s.starts_at, bp.session_minutes as minutes, r.r,
                case when s.starts_at >= now() then 'planned' when r.r < 0.03 then 'cancelled' else 'held' end as status
         from (select random() + 0 * m as r) r
       ) x
       where bp.busy_idx is null`,
      [providerId, zone, monthsBack, monthsAhead],
    );
    // The busy practitioner: 20 slots a week (Monday–Friday × 4) for five years, slot k for busy
    // process k; the Friday 14:00 slot is the crisis process's since the crisis, before it one of the others'.
    await client.query(
      `insert into meetings (${meetingColumns})
       select ${meetingValues}
       from generate_series(-$3::int, $4::int) w
       cross join generate_series(0, 19) k
       join bench_processes bp on bp.busy_idx = case when k < 19 then k when w >= -$5::int then 19 else ((w % 19) + 19) % 19 end
       join processes p on p.id = bp.id
       cross join lateral (
         select (date_trunc('week', now() at time zone $2) + w * interval '1 week' + (k / 4) * interval '1 day'
                 + ($6::int[])[1 + k % 4] * interval '1 minute') at time zone $2 as starts_at
       ) s
       cross join lateral (
         select s.starts_at, case when bp.busy_idx = 19 then 90 else 60 end as minutes, r.r,
                case when s.starts_at >= now() then 'planned' when r.r < 0.03 then 'cancelled' else 'held' end as status
         from (select random() + 0 * w + 0 * k as r) r
       ) x`,
      [providerId, zone, busyWeeksBack, busyWeeksAhead, crisisWeeksAgo, busySlotMinutes],
    );
  });

  await step('meeting practitioners (times copied)', () =>
    client.query(
      `insert into meeting_practitioners (provider_id, meeting_id, process_id, user_id, starts_at, ends_at)
       select m.provider_id, m.id, m.process_id, pp.user_id, m.starts_at, m.ends_at
       from meetings m join process_practitioners pp on pp.process_id = m.process_id
       where m.provider_id = $1`,
      [providerId],
    ),
  );

  await step('meeting attendance (every participant)', () =>
    client.query(
      `insert into meeting_attendance (provider_id, meeting_id, process_id, person_id, status)
       select m.provider_id, m.id, m.process_id, pp.person_id,
              case m.status when 'planned' then 'invited' when 'cancelled' then 'cancelled'
                            else case when random() < 0.12 then 'absent' else 'present' end end
       from meetings m join process_participants pp on pp.process_id = m.process_id
       where m.provider_id = $1`,
      [providerId],
    ),
  );

  const planners = await step('weekday hours (busy + load practitioners)', async () => {
    const { rows } = await client.query<{ user_id: string; process_id: string }>(
      `select distinct on (pr.i) pr.id::text user_id, bp.id::text process_id
       from bench_practitioners pr join bench_processes bp on bp.practitioner_id = pr.id and bp.busy_idx is null
       where pr.i between 1 and $1
       order by pr.i, bp.n`,
      [scale.loadPractitioners],
    );
    const users = [plan.busy, ...rows.map((r) => r.user_id)];
    await client.query(
      `insert into availability (provider_id, user_id, weekday, start_time, end_time, time_zone)
       select $1, u, d, '08:00', '16:00', $3 from unnest($2::uuid[]) u cross join generate_series(1, 5) d`,
      [providerId, users, zone],
    );
    return rows.map((r) => ({ userId: r.user_id, processId: r.process_id }));
  });

  const { rows: weekRows } = await client.query<{ monday: Date }>(
    `select (date_trunc('week', now() at time zone $1) + w * interval '1 week') at time zone $1 as monday
     from generate_series(-$2::int, $3::int + 1) w order by w`,
    [zone, busyWeeksBack, busyWeeksAhead],
  );
  const { rows: monthRows } = await client.query<{ from: Date; to: Date }>(
    `select (date_trunc('month', t.local) at time zone $1) as "from",
            ((date_trunc('month', t.local) + interval '1 month') at time zone $1) as "to"
     from (select distinct date_trunc('month', (date_trunc('week', now() at time zone $1) + w * interval '1 week')) local
           from generate_series(-$2::int, $3::int) w) t
     order by 1`,
    [zone, busyWeeksBack, busyWeeksAhead],
  );
  const { rows: busyRows } = await client.query<{ n: number }>(
    'select count(*)::int n from meeting_practitioners where provider_id = $1 and user_id = $2',
    [providerId, plan.busy],
  );
  return {
    busyUserId: plan.busy,
    busyMeetings: busyRows[0]?.n ?? 0,
    crisisProcessId: plan.crisis,
    weeks: weekRows.map((r) => r.monday.toISOString()),
    // Whole months only: the first and the last are partly outside the five years.
    months: monthRows.slice(1, -1).map((r) => ({ from: r.from.toISOString(), to: r.to.toISOString() })),
    planners,
  };
}

/** Row counts of the supervision tables, for the report. */
export const supervisionTables = [
  'services',
  'people',
  'processes',
  'process_practitioners',
  'process_participants',
  'meetings',
  'meeting_practitioners',
  'meeting_attendance',
  'availability',
];
