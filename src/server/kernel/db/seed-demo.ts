import type { Kysely } from 'kysely';
import { hashPassword } from '../auth/passwords.js';
import type { Database } from './schema.js';
import type { Role } from '../roles.js';

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
      hoiva: await trx.insertInto('organisations').values({ provider_id: provider.id, name: 'Hoivakoti Kaisla', business_id: '1234567-8' }).returning('id').executeTakeFirstOrThrow(),
      vakuutus: await trx.insertInto('organisations').values({ provider_id: provider.id, name: 'Vakuutus Aalto, asiakaspalvelu', business_id: '2345678-9' }).returning('id').executeTakeFirstOrThrow(),
    };
    await trx.insertInto('units').values([
      { provider_id: provider.id, organisation_id: orgs.hoiva.id, name: 'Night shift', parent_id: null },
      { provider_id: provider.id, organisation_id: orgs.vakuutus.id, name: 'Claims phone service', parent_id: null },
    ]).execute();
    for (const a of accounts) {
      const user = await trx
        .insertInto('users')
        .values({ email: a.email, name: a.name, password_hash: passwordHash, is_platform_admin: a.role === 'platform_admin', updated_at: new Date(), locale: null, time_zone: null, totp_secret: null, totp_pending_secret: null, totp_enabled_at: null, totp_last_step: null, disabled_at: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (a.role !== 'platform_admin') {
        await trx
          .insertInto('memberships')
          .values({ provider_id: provider.id, user_id: user.id, role: a.role, organisation_id: a.org ? orgs[a.org].id : null, unit_id: null })
          .execute();
      }
    }
  });
  return { created: true, accounts: list };
}
