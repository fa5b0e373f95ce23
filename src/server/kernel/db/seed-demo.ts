import type { Kysely } from 'kysely';
import { hashPassword } from '../auth/passwords.js';
import type { Config } from '../config.js';
import { DataCipher } from '../crypto.js';
import type { Role } from '../roles.js';
import { seedDemoHistory } from './demo-history.js';
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
 * A fictional provider with one account per role, so a newcomer can see every home, and a year of
 * its history (demo-history.ts), so the management views have something to show. Idempotent; all
 * or nothing (one transaction). `now` dates the history (the wall clock unless a test sets it).
 */
export async function seedDemo(
  db: Kysely<Database>,
  config: Config,
  opts: { now?: Date } = {},
): Promise<{ created: boolean; accounts: DemoAccount[] }> {
  const list = accounts.map(({ email, role }) => ({ email, role }));
  const existing = await db.selectFrom('providers').select('id').where('slug', '=', 'tukiranta-demo').executeTakeFirst();
  if (existing) return { created: false, accounts: list };
  const passwordHash = await hashPassword(demoPassword);
  await db.transaction().execute(async (trx) => {
    // Written as rows: the provider, its organisations, units, accounts and memberships are made by
    // the platform admin and by accepted invitations (kernel), not by a module's use case.
    const provider = await trx
      .insertInto('providers')
      .values({
        name: 'Tukiranta (demo)',
        slug: 'tukiranta-demo',
        country: 'FI',
        default_locale: 'fi',
        time_zone: 'Europe/Helsinki',
        business_id: '1618033-3',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const orgs = {
      hoiva: await trx
        .insertInto('organisations')
        .values({ provider_id: provider.id, name: 'Hoivakoti Kaisla', business_id: '1234567-1' })
        .returning('id')
        .executeTakeFirstOrThrow(),
      vakuutus: await trx
        .insertInto('organisations')
        .values({ provider_id: provider.id, name: 'Vakuutus Aalto, asiakaspalvelu', business_id: '2345678-0' })
        .returning('id')
        .executeTakeFirstOrThrow(),
    };
    const [nightShift] = await trx
      .insertInto('units')
      .values([
        { provider_id: provider.id, organisation_id: orgs.hoiva.id, name: 'Night shift', parent_id: null },
        { provider_id: provider.id, organisation_id: orgs.vakuutus.id, name: 'Claims phone service', parent_id: null },
      ])
      .returning('id')
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
    // The demo employee's person record carries her account: the link an accepted invitation makes
    // (kernel tenancy), which no use case of the modules writes.
    const employee = await trx
      .insertInto('people')
      .values({
        provider_id: provider.id,
        organisation_id: orgs.hoiva.id,
        unit_id: nightShift!.id,
        user_id: userIds['employee@demo.rinnalla.test']!,
        name: 'Emma Employee',
        email: 'employee@demo.rinnalla.test',
        phone: null,
        locale: 'fi',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await seedDemoHistory(
      trx,
      { cipher: new DataCipher(config.dataKey), config },
      {
        providerId: provider.id,
        organisations: { careHome: orgs.hoiva.id, insurer: orgs.vakuutus.id },
        nightShiftUnitId: nightShift!.id,
        users: userIds,
        employeePersonId: employee.id,
      },
      opts.now ?? new Date(),
    );
  });
  return { created: true, accounts: list };
}
