import pg from 'pg';
import { hashPassword } from '../src/server/kernel/auth/passwords.js';
import { newTotpSecret } from '../src/server/kernel/auth/totp.js';
import { DataCipher } from '../src/server/kernel/crypto.js';
import { type MeasuresScale, type MeasuresSeed, measuresTables, seedMeasuresData } from './measures.js';
import { auditActions, firstNames, lastNames, mailDomains, organisationKinds, towns, unitNames, userAgents } from './names.js';
import { type SupervisionScale, type SupervisionSeed, seedSupervisionData, supervisionTables } from './supervision.js';

/** How much to seed. Everything is bulk SQL (insert … select from generate_series), never a row per statement. */
export interface Scale {
  name: 'full' | 'small';
  /** Client organisations of the provider under test (each gets 2–5 units). */
  organisations: number;
  /** Provider staff: `admins` provider admins, the rest practitioners. */
  staff: number;
  admins: number;
  /** Users with client-side memberships (participant mostly; client_contact, peer_supporter, job_seeker). */
  people: number;
  auditEvents: number;
  /** The other provider, there so every query has a tenant to leave out. */
  other: { organisations: number; staff: number; admins: number; people: number; auditEvents: number };
  /** Staff accounts that get a TOTP secret (the ones the load signs in with). */
  totpAdmins: number;
  /** Participant e-mails handed to the sign-in load. */
  signInAccounts: number;
  /** Processes, meetings and people of the supervision modules (see supervision.ts). */
  supervision: SupervisionScale;
  /** Stored WHO-5 answers of the measures module (see measures.ts). */
  measures: MeasuresScale;
}

export const scales: Record<Scale['name'], Scale> = {
  full: {
    name: 'full',
    organisations: 240,
    staff: 2000,
    admins: 20,
    people: 50_000,
    auditEvents: 190_000,
    other: { organisations: 20, staff: 100, admins: 2, people: 2_500, auditEvents: 10_000 },
    totpAdmins: 5,
    signInAccounts: 5_000,
    supervision: { processes: 5_000, loadPractitioners: 5 },
    measures: { answers: 1_000_000 },
  },
  small: {
    name: 'small',
    organisations: 24,
    staff: 200,
    admins: 5,
    people: 5_000,
    auditEvents: 19_000,
    other: { organisations: 2, staff: 10, admins: 1, people: 250, auditEvents: 1_000 },
    totpAdmins: 5,
    signInAccounts: 500,
    supervision: { processes: 500, loadPractitioners: 5 },
    measures: { answers: 100_000 },
  },
};

export const benchPassword = 'rinnalla-bench-password-2026';

export interface StaffAccount {
  id: string;
  email: string;
  totpSecret: string;
}

export interface SeedResult {
  providerId: string;
  otherProviderId: string;
  admins: StaffAccount[];
  /** The busy practitioner and the planner load's practitioners (all with TOTP), and what they work on. */
  supervision: Omit<SupervisionSeed, 'busyUserId' | 'planners'> & {
    busy: StaffAccount;
    planners: (StaffAccount & { processId: string })[];
  };
  /** The stored answers: the organisation and process with the most, and a client contact there. */
  measures: MeasuresSeed;
  participantEmails: string[];
  /** Lower-case name prefixes that match members (for the member search). */
  searchPrefixes: string[];
  counts: Record<string, number>;
  seconds: number;
  steps: { step: string; seconds: number }[];
}

const provider = {
  main: {
    name: 'Tukipolku Oy',
    slug: 'tukipolku',
    country: 'FI',
    locale: 'fi',
    zone: 'Europe/Helsinki',
    locales: ['fi', 'fi', 'fi', 'fi', 'sv', 'sv', 'en'],
  },
  other: { name: 'Støttespor AS', slug: 'stottespor', country: 'NO', locale: 'nb', zone: 'Europe/Oslo', locales: ['nb', 'nb', 'nb', 'en'] },
};

const zoneOf: Record<string, string> = { fi: 'Europe/Helsinki', sv: 'Europe/Stockholm', nb: 'Europe/Oslo', en: 'Europe/Helsinki' };

/**
 * Seeds a migrated, empty database at realistic scale. All users share one argon2id hash
 * (computed once); the few provider admins the load signs in with get an encrypted TOTP secret.
 */
export async function seed(url: string, scale: Scale, dataKey: Buffer, log: (line: string) => void = () => {}): Promise<SeedResult> {
  const started = performance.now();
  const steps: SeedResult['steps'] = [];
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const out = await work();
    const seconds = (performance.now() - t) / 1000;
    steps.push({ step: name, seconds });
    log(`  ${name.padEnd(44)} ${seconds.toFixed(2)} s`);
    return out;
  };
  try {
    const passwordHash = await step('argon2id hash (once, shared by all users)', () => hashPassword(benchPassword));
    await client.query('set synchronous_commit = off');
    // Reproducible choices of names, roles and organisations from run to run.
    await client.query('select setseed(0.4242)');
    await client.query('begin');

    const { rows: providers } = await step('providers', () =>
      client.query<{ id: string; slug: string }>(
        `insert into providers (name, slug, country, default_locale, time_zone)
         values ($1, $2, $3, $4, $5), ($6, $7, $8, $9, $10) returning id, slug`,
        [
          ...[provider.main.name, provider.main.slug, provider.main.country, provider.main.locale, provider.main.zone],
          ...[provider.other.name, provider.other.slug, provider.other.country, provider.other.locale, provider.other.zone],
        ],
      ),
    );
    const providerId = providers.find((p) => p.slug === provider.main.slug)!.id;
    const otherProviderId = providers.find((p) => p.slug === provider.other.slug)!.id;
    const tenants = [
      { id: providerId, spec: provider.main, size: scale, offset: 0 },
      { id: otherProviderId, spec: provider.other, size: scale.other, offset: 15 },
    ];

    await step('organisations', async () => {
      for (const t of tenants) {
        await client.query(
          `insert into organisations (provider_id, name, business_id, created_at)
           select $1,
                  p.towns[1 + (g + $3) % cardinality(p.towns)] || ' ' || p.kinds[1 + ((g + $3) / cardinality(p.towns)) % cardinality(p.kinds)]
                    || case when g >= cardinality(p.towns) * cardinality(p.kinds) then ' ' || (g + 1) else '' end,
                  lpad(((g * 7919) % 8999999 + 1000000)::text, 7, '0') || '-' || (g % 10),
                  now() - random() * interval '3 years'
           from generate_series(0, $2 - 1) g, (select $4::text[] towns, $5::text[] kinds) p`,
          [t.id, t.size.organisations, t.offset, towns, organisationKinds],
        );
      }
    });

    await step('units (2–5 per organisation)', () =>
      client.query(
        `insert into units (provider_id, organisation_id, name, created_at)
         select o.provider_id, o.id, p.names[1 + ((hashtext(o.id::text) & 2147483647) + k) % cardinality(p.names)],
                o.created_at + k * interval '1 day'
         from organisations o
         cross join lateral generate_series(1, 2 + (hashtext(o.id::text) & 2147483647) % 4) k
         cross join (select $1::text[] names) p`,
        [unitNames],
      ),
    );

    await step('people (temporary plan of users)', async () => {
      await client.query(
        `create temp table bench_people (
           n bigint generated always as identity,
           provider_id uuid not null,
           id uuid not null default gen_random_uuid(),
           rank int not null,
           first_name text not null,
           last_name text not null,
           domain text not null,
           role text not null,
           org_no int,
           locale text not null,
           created_at timestamptz not null
         ) on commit drop`,
      );
      for (const t of tenants) {
        const common = [t.id, firstNames, lastNames, t.spec.locales];
        // Staff: provider admins first, then practitioners; mail at the provider's own domain.
        await client.query(
          `insert into bench_people (provider_id, rank, first_name, last_name, domain, role, org_no, locale, created_at)
           select $1, g,
                  p.fns[1 + floor(random() * cardinality(p.fns))::int],
                  p.lns[1 + floor(random() * cardinality(p.lns))::int],
                  $6,
                  case when g <= $7 then 'provider_admin' else 'practitioner' end,
                  null,
                  p.locales[1 + floor(random() * cardinality(p.locales))::int],
                  now() - random() * interval '3 years'
           from generate_series(1, $5) g, (select $2::text[] fns, $3::text[] lns, $4::text[] locales) p`,
          [...common, t.size.staff, `${t.spec.slug}.example.com`, t.size.admins],
        );
        // People of the client organisations; bigger organisations are rarer than small ones.
        await client.query(
          `insert into bench_people (provider_id, rank, first_name, last_name, domain, role, org_no, locale, created_at)
           select $1, g,
                  p.fns[1 + floor(random() * cardinality(p.fns))::int],
                  p.lns[1 + floor(random() * cardinality(p.lns))::int],
                  p.domains[1 + floor(random() * cardinality(p.domains))::int],
                  case when r < 0.85 then 'participant' when r < 0.92 then 'client_contact' when r < 0.96 then 'peer_supporter' else 'job_seeker' end,
                  1 + floor($7 * power(random(), 1.6))::int,
                  p.locales[1 + floor(random() * cardinality(p.locales))::int],
                  now() - random() * interval '2 years'
           from (select g, random() r from generate_series(1, $5) g offset 0) s,
                (select $2::text[] fns, $3::text[] lns, $4::text[] locales, $6::text[] domains) p`,
          [...common, t.size.people, mailDomains, t.size.organisations],
        );
      }
    });

    await step('users', () =>
      client.query(
        `insert into users (id, email, name, password_hash, locale, time_zone, created_at, updated_at)
         select id,
                lower(translate(first_name || '.' || last_name, 'ÄÖÅØÆÉÜäöåøæéü', 'AOAOAEUaoaoaeu')) || '.' || n || '@' || domain,
                first_name || ' ' || last_name, $1, locale, ($2::jsonb) ->> locale, created_at, created_at
         from bench_people`,
        [passwordHash, JSON.stringify(zoneOf)],
      ),
    );

    await step('memberships', async () => {
      await client.query(
        `create temp table bench_orgs on commit drop as
         select o.id, o.provider_id, row_number() over (partition by o.provider_id order by o.created_at, o.id) rn,
                (select count(*) from units u where u.organisation_id = o.id) unit_count
         from organisations o`,
      );
      await client.query(
        `create temp table bench_units on commit drop as
         select id, organisation_id, row_number() over (partition by organisation_id order by created_at, id) k from units`,
      );
      // Seven in ten client-side members belong to a unit of their organisation.
      await client.query(
        `insert into memberships (provider_id, user_id, role, organisation_id, unit_id, created_at)
         select p.provider_id, p.id, p.role, o.id, u.id, p.created_at
         from bench_people p
         left join bench_orgs o on o.provider_id = p.provider_id and o.rn = p.org_no
         left join bench_units u on u.organisation_id = o.id and u.k = 1 + p.n % o.unit_count and p.n % 10 < 7`,
      );
      // About one participant in twenty is also a job seeker in the same organisation.
      await client.query(
        `insert into memberships (provider_id, user_id, role, organisation_id, unit_id, created_at)
         select provider_id, user_id, 'job_seeker', organisation_id, null, created_at + interval '30 days'
         from memberships where role = 'participant' and (hashtext(user_id::text) & 1023) < 51`,
      );
    });

    await step('audit events (over the last year)', async () => {
      for (const t of tenants) {
        await client.query(
          `insert into audit_events (provider_id, at, actor_user_id, action, entity_type, entity_id, ip, user_agent, request_id, details)
           select $1, a.at, a.actor, a.action,
                  case split_part(a.action, '.', 1) when 'auth' then 'user' when 'profile' then 'user' else split_part(a.action, '.', 1) end,
                  case when split_part(a.action, '.', 1) in ('auth', 'profile') then a.actor::text else gen_random_uuid()::text end,
                  '10.' || (a.g % 250) || '.' || ((a.g / 250) % 250) || '.' || (1 + a.g % 199),
                  a.ua, gen_random_uuid()::text,
                  case when a.action = 'member.update' then jsonb_build_object('role', 'participant') end
           from (
             select g, now() - random() * interval '365 days' as at,
                    i.ids[1 + floor(random() * cardinality(i.ids))::int] as actor,
                    p.actions[1 + floor(random() * cardinality(p.actions))::int] as action,
                    p.uas[1 + floor(random() * cardinality(p.uas))::int] as ua
             from generate_series(1, $2) g,
                  (select array_agg(id) ids from bench_people where provider_id = $1) i,
                  (select $3::text[] actions, $4::text[] uas) p
             offset 0
           ) a`,
          [t.id, t.size.auditEvents, auditActions, userAgents],
        );
      }
    });

    const cipher = new DataCipher(dataKey);
    /** Gives these users an encrypted TOTP secret (enabled), as enrolment does; returns their accounts. */
    const withTotp = async (ids: string[]): Promise<StaffAccount[]> => {
      const { rows } = await client.query<{ id: string; email: string }>('select id, email from users where id = any($1::uuid[])', [ids]);
      const byId = new Map(rows.map((r) => [r.id, r.email]));
      const accounts = ids.map((id) => ({ id, email: byId.get(id) ?? '', totpSecret: newTotpSecret() }));
      await client.query(
        `update users u set totp_secret = v.secret, totp_enabled_at = now()
         from unnest($1::uuid[], $2::text[]) v(id, secret) where u.id = v.id`,
        [accounts.map((a) => a.id), accounts.map((a) => cipher.encrypt(a.totpSecret, `totp:${a.id}`))],
      );
      return accounts;
    };

    const admins = await step(`TOTP for ${scale.totpAdmins} provider admins`, async () => {
      const { rows } = await client.query<{ id: string }>(
        `select p.id from bench_people p
         where p.provider_id = $1 and p.role = 'provider_admin' order by p.rank limit $2`,
        [providerId, scale.totpAdmins],
      );
      return withTotp(rows.map((r) => r.id));
    });

    const work = await seedSupervisionData(client, { providerId, scale: scale.supervision }, step);
    const practitioners = await step(`TOTP for the busy + ${work.planners.length} load practitioners`, () =>
      withTotp([work.busyUserId, ...work.planners.map((p) => p.userId)]),
    );
    const { busyUserId: _busy, planners: _planners, ...calendar } = work;
    const supervision: SeedResult['supervision'] = {
      ...calendar,
      busy: practitioners[0]!,
      planners: work.planners.map((p, i) => ({ ...practitioners[i + 1]!, processId: p.processId })),
    };

    const measures = await seedMeasuresData(client, { providerId, scale: scale.measures }, step);

    await client.query('commit');
    await step('vacuum analyze', () => client.query('vacuum analyze'));

    const { rows: participants } = await client.query<{ email: string }>(
      `select u.email from memberships m join users u on u.id = m.user_id
       where m.provider_id = $1 and m.role = 'participant' order by md5(u.id::text) limit $2`,
      [providerId, scale.signInAccounts],
    );
    // Prefixes people type: the first two to four letters of a first or last name.
    const prefixes = new Set<string>();
    for (const name of [...firstNames, ...lastNames]) {
      const lower = name.toLowerCase();
      for (const n of [2, 3, 4]) if (lower.length > n) prefixes.add(lower.slice(0, n));
    }
    const counts: Record<string, number> = {};
    for (const table of [
      'providers',
      'organisations',
      'units',
      'users',
      'memberships',
      'audit_events',
      'sessions',
      ...supervisionTables,
      ...measuresTables,
    ]) {
      const { rows } = await client.query<{ n: string }>(`select count(*) n from ${table}`);
      counts[table] = Number(rows[0]?.n ?? 0);
    }
    const { rows: byRole } = await client.query<{ role: string; n: string }>(
      'select role, count(*) n from memberships where provider_id = $1 group by role order by role',
      [providerId],
    );
    for (const r of byRole) counts[`memberships.${r.role}`] = Number(r.n);
    return {
      providerId,
      otherProviderId,
      admins,
      supervision,
      measures,
      participantEmails: participants.map((p) => p.email),
      searchPrefixes: [...prefixes],
      counts,
      seconds: (performance.now() - started) / 1000,
      steps,
    };
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
}
