import pg from 'pg';

/**
 * Measures data at realistic scale (issue 4): a WHO-5 well-being check-in every two weeks ("over the
 * last two weeks" is the instrument's own window) for the participants of the provider's processes
 * over the last 24 months, of which `answers` were answered (a response and its answered check-in
 * each); plus an organisation-wide well-being follow-up in the biggest client organisation, where
 * everyone is asked, so one client holds a large share of the answers. All bulk SQL; runs inside the
 * seed's transaction, after the supervision data (it reads the temp tables bench_orgs,
 * bench_org_people and bench_practitioners).
 *
 * For the answer load, `createAnswerLinks` then adds fresh single-use links (sent check-ins with
 * known tokens), one per request the load may send.
 */
export interface MeasuresScale {
  /** Stored answers (responses, each with its answered check-in) over the last 24 months. */
  answers: number;
}

export interface MeasuresSeed {
  /** The organisation with the organisation-wide follow-up, and how many of the answers are its. */
  organisationId: string;
  organisationName: string;
  organisationAnswers: number;
  /** A client contact of that organisation (no second factor: client-side roles sign in with a password). */
  clientContactEmail: string;
  /** The organisation-wide follow-up process: its participants and answers. */
  processId: string;
  processParticipants: number;
  processAnswers: number;
  /** Answers by WHO-5 band, for the report. */
  bands: Record<string, number>;
}

/** Biweekly check-ins over 24 months: 52 per process participant, answered or not. */
const slotsPerParticipant = 52;
const slotDays = 14;

type Step = <T>(name: string, work: () => Promise<T>) => Promise<T>;

/** WHO-5 bands (modules/measures/logic/instruments/who5.ts): score = 4 × the sum of five items 0–5. */
const bandOf = `case when a.score <= 28 then 'likely_depression' when a.score <= 49 then 'poor' else 'good' end`;
const severityOf = `case when a.score <= 28 then 'severe' when a.score <= 49 then 'moderate' else 'none' end`;

/** The server's hashToken (kernel/crypto.ts) in SQL: sha256, base64url without padding. */
const tokenHashSql = (text: string) => `translate(rtrim(encode(sha256(convert_to(${text}, 'UTF8')), 'base64'), '='), '+/', '-_')`;

export async function seedMeasuresData(
  client: pg.Client,
  input: { providerId: string; scale: MeasuresScale },
  step: Step,
): Promise<MeasuresSeed> {
  const { providerId, scale } = input;

  const programme = await step('measures: organisation-wide follow-up', async () => {
    // The biggest organisation (rank 1 has the most people) asks everyone, through one process.
    const { rows } = await client.query<{ id: string; organisation_id: string }>(
      `insert into processes (provider_id, organisation_id, service_id, kind, title, status, agreed_sessions, cadence,
                              session_minutes, place, location, video_link, price_cents, language, start_date, review_date,
                              created_by, created_at, updated_at)
       select $1, o.id, s.id, s.kind, left('Hyvinvointiseuranta / Well-being follow-up – ' || org.name, 200), 'active', 52,
              'biweekly', s.default_minutes, s.default_place, org.name, null, s.price_cents, 'fi',
              (now() - interval '25 months')::date, (now() + interval '1 year')::date, pr.id,
              now() - interval '25 months', now() - interval '1 day'
       from bench_orgs o
       join organisations org on org.id = o.id
       join services s on s.provider_id = $1 and s.kind = 'work_community'
       join bench_practitioners pr on pr.i = (select max(i) from bench_practitioners)
       where o.provider_id = $1 and o.rn = 1
       returning id, organisation_id`,
      [providerId],
    );
    const p = rows[0];
    if (!p) throw new Error('no organisation for the follow-up');
    await client.query(
      `insert into process_practitioners (provider_id, process_id, user_id, created_at)
       select $1, p.id, p.created_by, p.created_at from processes p where p.id = $2`,
      [providerId, p.id],
    );
    const { rowCount } = await client.query(
      `insert into process_participants (provider_id, process_id, person_id, created_at)
       select $1, $2, op.person_id, now() - interval '25 months' from bench_org_people op where op.organisation_id = $3`,
      [providerId, p.id, p.organisation_id],
    );
    const { rows: org } = await client.query<{ name: string }>('select name from organisations where id = $1', [p.organisation_id]);
    return { processId: p.id, organisationId: p.organisation_id, organisationName: org[0]?.name ?? '', participants: rowCount ?? 0 };
  });

  await step(`measures: ${scale.answers.toLocaleString('en-US')} WHO-5 answers (plan)`, async () => {
    const { rows } = await client.query<{ n: number }>('select count(*)::int n from process_participants where provider_id = $1', [
      providerId,
    ]);
    const slots = (rows[0]?.n ?? 0) * slotsPerParticipant;
    if (slots < scale.answers * 1.1)
      throw new Error(`only ${slots} check-in slots for ${scale.answers} answers: seed more processes or participants`);
    await client.query("set local work_mem = '256MB'");
    // Each person's usual well-being (items 0–5, mean about 2.9, sd 1.0), and answer-to-answer noise on each item.
    await client.query(
      `create temp table bench_answer_people on commit drop as
       select person_id, 2.9 + 1.0 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) as base
       from (select distinct person_id from process_participants where provider_id = $1) p`,
      [providerId],
    );
    await client.query('alter table bench_answer_people add primary key (person_id)');
    // Exactly `answers` of the biweekly slots, chosen at random (about two in three answered).
    const item = `least(5, greatest(0, round(s.base + 0.8 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()))))::int`;
    await client.query(
      `create temp table bench_answers on commit drop as
       select gen_random_uuid() as checkin_id, s.process_id, s.organisation_id, s.person_id, s.locale, s.at,
              s.at - random() * interval '3 days' as sent_at,
              ${item} i1, ${item} i2, ${item} i3, ${item} i4, ${item} i5
       from (
         select pp.process_id, pr.organisation_id, pp.person_id,
                case when pe.locale in ('fi', 'sv', 'nb', 'en') then pe.locale else 'fi' end as locale, b.base,
                now() - (k + random()) * interval '${slotDays} days' as at, random() as r
         from process_participants pp
         join processes pr on pr.id = pp.process_id
         join people pe on pe.id = pp.person_id
         join bench_answer_people b on b.person_id = pp.person_id
         cross join generate_series(0, ${slotsPerParticipant - 1}) k
         where pp.provider_id = $1
         order by r
         limit $2
       ) s`,
      [providerId, scale.answers],
    );
  });

  await step('measures: answered check-ins', () =>
    client.query(
      `insert into checkins (id, provider_id, process_id, organisation_id, person_id, instrument_key, instrument_version, locale,
                             status, due_at, sent_at, token_hash, expires_at, answered_at, created_at)
       select a.checkin_id, $1, a.process_id, a.organisation_id, a.person_id, 'who5', 1, a.locale,
              'answered', a.sent_at, a.sent_at, ${tokenHashSql('a.checkin_id::text')}, a.sent_at + interval '14 days', a.at,
              a.sent_at - interval '1 day'
       from bench_answers a order by a.sent_at`,
      [providerId],
    ),
  );

  await step('measures: responses (WHO-5, scored)', () =>
    client.query(
      `insert into responses (provider_id, process_id, organisation_id, person_id, checkin_id, instrument_key, instrument_version,
                              answers, score, band, severity, flags, guidance, submitted_at)
       select $1, a.process_id, a.organisation_id, a.person_id, a.checkin_id, 'who5', 1,
              jsonb_build_object('i1', a.i1, 'i2', a.i2, 'i3', a.i3, 'i4', a.i4, 'i5', a.i5),
              a.score, ${bandOf}, ${severityOf}, '[]'::jsonb, a.score <= 49, a.at
       from (select *, 4 * (i1 + i2 + i3 + i4 + i5) as score from bench_answers) a
       order by a.at`,
      [providerId],
    ),
  );

  const { rows: contact } = await client.query<{ email: string }>(
    `select u.email from memberships m join users u on u.id = m.user_id
     where m.provider_id = $1 and m.organisation_id = $2 and m.role = 'client_contact'
       and not exists (select 1 from memberships m2 where m2.user_id = m.user_id and m2.id <> m.id)
     order by u.email limit 1`,
    [providerId, programme.organisationId],
  );
  if (!contact[0]) throw new Error('no client contact in the follow-up organisation');
  const { rows: counts } = await client.query<{ org: number; process: number }>(
    `select (select count(*)::int from bench_answers where organisation_id = $1) org,
            (select count(*)::int from bench_answers where process_id = $2) process`,
    [programme.organisationId, programme.processId],
  );
  const { rows: bands } = await client.query<{ band: string; n: number }>(
    `select ${bandOf} band, count(*)::int n from (select 4 * (i1 + i2 + i3 + i4 + i5) score from bench_answers) a group by 1 order by 1`,
  );
  return {
    organisationId: programme.organisationId,
    organisationName: programme.organisationName,
    organisationAnswers: counts[0]?.org ?? 0,
    clientContactEmail: contact[0].email,
    processId: programme.processId,
    processParticipants: programme.participants,
    processAnswers: counts[0]?.process ?? 0,
    bands: Object.fromEntries(bands.map((b) => [b.band, b.n])),
  };
}

/** Row counts of the measures tables, for the report. */
export const measuresTables = ['checkins', 'responses', 'measure_alerts'];

/** The token of fresh link `i` (at least 20 characters, as the route requires). */
export const answerLinkToken = (prefix: string, i: number) => `${prefix}${String(i).padStart(9, '0')}`;

/**
 * Fresh single-use links for the answer load: `count` WHO-5 check-ins in status 'sent' (expiring in
 * 14 days), with the tokens `answerLinkToken(prefix, 0…count-1)`, spread over the participants of the
 * ordinary processes (each then has about three years of answers behind it for the change rule).
 */
export async function createAnswerLinks(url: string, providerId: string, prefix: string, count: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('set synchronous_commit = off');
    const { rowCount } = await client.query(
      `with pp as (
         select pp.process_id, pr.organisation_id, pp.person_id,
                case when pe.locale in ('fi', 'sv', 'nb', 'en') then pe.locale else 'fi' end as locale,
                row_number() over (order by md5(pp.process_id::text || pp.person_id::text)) - 1 as k
         from process_participants pp
         join processes pr on pr.id = pp.process_id and pr.cadence <> 'biweekly'
         join people pe on pe.id = pp.person_id
         where pp.provider_id = $1
       )
       insert into checkins (provider_id, process_id, organisation_id, person_id, instrument_key, instrument_version, locale,
                             status, due_at, sent_at, token_hash, expires_at, created_at)
       select $1, pp.process_id, pp.organisation_id, pp.person_id, 'who5', 1, pp.locale,
              'sent', now() - interval '1 day', now() - interval '1 day', ${tokenHashSql("$2 || lpad(g::text, 9, '0')")},
              now() + interval '14 days', now() - interval '2 days'
       from generate_series(0, $3 - 1) g
       join pp on pp.k = g % (select count(*) from pp)`,
      [providerId, prefix, count],
    );
    await client.query('analyze checkins');
    return rowCount ?? 0;
  } finally {
    await client.end();
  }
}

/** How many of the fresh links were answered (after the load). */
export async function answeredLinks(url: string, prefix: string, count: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int n from checkins
       where status = 'answered' and token_hash in (select ${tokenHashSql("$1 || lpad(g::text, 9, '0')")} from generate_series(0, $2 - 1) g)`,
      [prefix, count],
    );
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}
