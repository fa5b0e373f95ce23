import type { Kysely } from 'kysely';
import { hashPassword } from '../auth/passwords.js';
import type { Role } from '../roles.js';
import type { Database } from './schema.js';

export const demoPassword = 'rinnalla-demo-2026';

export interface DemoAccount {
  email: string;
  role: Role | 'platform_admin';
}

const accounts: { email: string; name: string; role: Role | 'platform_admin'; org?: 'hoiva' | 'vakuutus' }[] = [
  { email: 'platform@demo.rinnalla.test', name: 'Pia Platform', role: 'platform_admin' },
  { email: 'admin@demo.rinnalla.test', name: 'Aino Admin', role: 'provider_admin' },
  { email: 'supervisor@demo.rinnalla.test', name: 'Sanna Supervisor', role: 'practitioner' },
  { email: 'hr@demo.rinnalla.test', name: 'Heikki HR', role: 'client_contact', org: 'hoiva' },
  { email: 'employee@demo.rinnalla.test', name: 'Emma Employee', role: 'participant', org: 'hoiva' },
  { email: 'peer@demo.rinnalla.test', name: 'Pekka Peer', role: 'peer_supporter', org: 'vakuutus' },
  { email: 'jobseeker@demo.rinnalla.test', name: 'Jari Jobseeker', role: 'job_seeker', org: 'vakuutus' },
  { email: 'expert@demo.rinnalla.test', name: 'Maija Municipal', role: 'municipal_expert' },
];

/**
 * The supervision side of the demo: a service catalogue, the supervisor's weekday hours, people of
 * the care home (the demo employee among them) and an active monthly group supervision.
 */
async function seedDemoSupervision(trx: Kysely<Database>, providerId: string, organisationId: string, userIds: Record<string, string>) {
  const services = await trx
    .insertInto('services')
    .values([
      {
        provider_id: providerId,
        kind: 'individual',
        name: 'Yksilötyönohjaus / Individual supervision',
        default_minutes: 60,
        default_cadence: 'monthly',
        default_place: 'office',
        price_cents: 14000,
      },
      {
        provider_id: providerId,
        kind: 'group',
        name: 'Ryhmätyönohjaus / Group supervision',
        default_minutes: 90,
        default_cadence: 'monthly',
        default_place: 'on_site',
        price_cents: 26000,
      },
      {
        provider_id: providerId,
        kind: 'work_community',
        name: 'Työyhteisön työnohjaus / Work-community supervision',
        default_minutes: 120,
        default_cadence: 'monthly',
        default_place: 'on_site',
        price_cents: 38000,
      },
      {
        provider_id: providerId,
        kind: 'leader',
        name: 'Esihenkilöiden työnohjaus / Leader supervision',
        default_minutes: 90,
        default_cadence: 'monthly',
        default_place: 'video',
        price_cents: 18000,
      },
      {
        provider_id: providerId,
        kind: 'crisis_individual',
        name: 'Kriisityönohjaus, yksilö / Crisis supervision, individual',
        default_minutes: 60,
        default_cadence: 'crisis',
        default_place: 'office',
        price_cents: 16000,
      },
      {
        provider_id: providerId,
        kind: 'crisis_group',
        name: 'Kriisityönohjaus, ryhmä / Crisis supervision, group',
        default_minutes: 90,
        default_cadence: 'crisis',
        default_place: 'on_site',
        price_cents: 32000,
      },
    ])
    .returning(['id', 'kind'])
    .execute();
  const supervisor = userIds['supervisor@demo.rinnalla.test']!;
  await trx
    .insertInto('availability')
    .values(
      [1, 2, 3, 4, 5].map((weekday) => ({
        provider_id: providerId,
        user_id: supervisor,
        weekday,
        start_time: '08:30',
        end_time: '16:00',
        time_zone: 'Europe/Helsinki',
      })),
    )
    .execute();
  const people = await trx
    .insertInto('people')
    .values([
      {
        provider_id: providerId,
        organisation_id: organisationId,
        unit_id: null,
        user_id: userIds['employee@demo.rinnalla.test']!,
        name: 'Emma Employee',
        email: 'employee@demo.rinnalla.test',
        phone: null,
        locale: 'fi',
      },
      {
        provider_id: providerId,
        organisation_id: organisationId,
        unit_id: null,
        user_id: null,
        name: 'Noora Nurse',
        email: 'noora@demo.rinnalla.test',
        phone: null,
        locale: 'fi',
      },
      {
        provider_id: providerId,
        organisation_id: organisationId,
        unit_id: null,
        user_id: null,
        name: 'Sven Sjöskötare',
        email: 'sven@demo.rinnalla.test',
        phone: null,
        locale: 'sv',
      },
      {
        provider_id: providerId,
        organisation_id: organisationId,
        unit_id: null,
        user_id: null,
        name: 'Liisa Lähihoitaja',
        email: 'liisa@demo.rinnalla.test',
        phone: null,
        locale: 'fi',
      },
    ])
    .returning('id')
    .execute();
  const group = services.find((x) => x.kind === 'group')!;
  const process = await trx
    .insertInto('processes')
    .values({
      provider_id: providerId,
      organisation_id: organisationId,
      service_id: group.id,
      kind: 'group',
      title: 'Yövuoron ryhmätyönohjaus / Night shift group supervision',
      status: 'active',
      agreed_sessions: 10,
      cadence: 'monthly',
      session_minutes: 90,
      place: 'on_site',
      location: 'Hoivakoti Kaisla, neuvotteluhuone',
      video_link: null,
      price_cents: 26000,
      language: 'fi',
      start_date: '2026-09-01',
      review_date: '2027-03-01',
      crisis_event_at: null,
      continued_from_id: null,
      request_id: null,
      created_by: supervisor,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.insertInto('process_practitioners').values({ provider_id: providerId, process_id: process.id, user_id: supervisor }).execute();
  await trx
    .insertInto('process_participants')
    .values(people.map((p) => ({ provider_id: providerId, process_id: process.id, person_id: p.id })))
    .execute();
  await trx
    .insertInto('process_status_changes')
    .values({
      provider_id: providerId,
      process_id: process.id,
      from_status: null,
      to_status: 'active',
      reason: null,
      changed_by: supervisor,
    })
    .execute();
  // One held meeting last month and the next two ahead, at 13:00 Helsinki time (11:00 UTC in winter).
  const day = 86400_000;
  const at = (offsetDays: number) => {
    const d = new Date(Date.now() + offsetDays * day);
    d.setUTCHours(11, 0, 0, 0);
    return d;
  };
  for (const [offset, status] of [
    [-28, 'held'],
    [7, 'planned'],
    [35, 'planned'],
  ] as const) {
    const startsAt = at(offset);
    const endsAt = new Date(startsAt.getTime() + 90 * 60_000);
    const meeting = await trx
      .insertInto('meetings')
      .values({
        provider_id: providerId,
        process_id: process.id,
        organisation_id: organisationId,
        starts_at: startsAt,
        ends_at: endsAt,
        time_zone: 'Europe/Helsinki',
        place: 'on_site',
        location: 'Hoivakoti Kaisla, neuvotteluhuone',
        video_link: null,
        status,
        cancelled_at: null,
        cancel_reason: null,
        cancelled_by_role: null,
        price_cents: 26000,
        reminder_sent_at: status === 'held' ? startsAt : null,
        created_by: supervisor,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('meeting_practitioners')
      .values({
        provider_id: providerId,
        meeting_id: meeting.id,
        process_id: process.id,
        user_id: supervisor,
        starts_at: startsAt,
        ends_at: endsAt,
      })
      .execute();
    await trx
      .insertInto('meeting_attendance')
      .values(
        people.map((p) => ({
          provider_id: providerId,
          meeting_id: meeting.id,
          process_id: process.id,
          person_id: p.id,
          status: status === 'held' ? ('present' as const) : ('invited' as const),
        })),
      )
      .execute();
  }
  await trx
    .insertInto('goals')
    .values([
      { provider_id: providerId, process_id: process.id, title: 'Rauhallisemmat vuoronvaihdot / Calmer shift handovers', closed_at: null },
      { provider_id: providerId, process_id: process.id, title: 'Työssä jaksaminen / Coping at work', closed_at: null },
    ])
    .execute();
}

/** A fictional provider with one account per role, so a newcomer can see every home. Idempotent. */
export async function seedDemo(db: Kysely<Database>): Promise<{ created: boolean; accounts: DemoAccount[] }> {
  const list = accounts.map(({ email, role }) => ({ email, role }));
  const existing = await db.selectFrom('providers').select('id').where('slug', '=', 'tukiranta-demo').executeTakeFirst();
  if (existing) return { created: false, accounts: list };
  const passwordHash = await hashPassword(demoPassword);
  await db.transaction().execute(async (trx) => {
    const provider = await trx
      .insertInto('providers')
      .values({ name: 'Tukiranta (demo)', slug: 'tukiranta-demo', country: 'FI', default_locale: 'fi', time_zone: 'Europe/Helsinki' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const orgs = {
      hoiva: await trx
        .insertInto('organisations')
        .values({ provider_id: provider.id, name: 'Hoivakoti Kaisla', business_id: '1234567-8' })
        .returning('id')
        .executeTakeFirstOrThrow(),
      vakuutus: await trx
        .insertInto('organisations')
        .values({ provider_id: provider.id, name: 'Vakuutus Aalto, asiakaspalvelu', business_id: '2345678-9' })
        .returning('id')
        .executeTakeFirstOrThrow(),
    };
    await trx
      .insertInto('units')
      .values([
        { provider_id: provider.id, organisation_id: orgs.hoiva.id, name: 'Night shift', parent_id: null },
        { provider_id: provider.id, organisation_id: orgs.vakuutus.id, name: 'Claims phone service', parent_id: null },
      ])
      .execute();
    const userIds: Record<string, string> = {};
    for (const a of accounts) {
      const user = await trx
        .insertInto('users')
        .values({
          email: a.email,
          name: a.name,
          password_hash: passwordHash,
          is_platform_admin: a.role === 'platform_admin',
          updated_at: new Date(),
          locale: null,
          time_zone: null,
          totp_secret: null,
          totp_pending_secret: null,
          totp_enabled_at: null,
          totp_last_step: null,
          disabled_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      userIds[a.email] = user.id;
      if (a.role !== 'platform_admin') {
        await trx
          .insertInto('memberships')
          .values({
            provider_id: provider.id,
            user_id: user.id,
            role: a.role,
            organisation_id: a.org ? orgs[a.org].id : null,
            unit_id: null,
            on_call: a.role === 'practitioner',
          })
          .execute();
      }
    }
    await seedDemoSupervision(trx, provider.id, orgs.hoiva.id, userIds);
  });
  return { created: true, accounts: list };
}
