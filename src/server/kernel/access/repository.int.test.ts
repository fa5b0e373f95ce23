import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDb } from '../../testing/database.js';
import { seedWorld, type World } from '../../testing/harness.js';
import { type SupervisionWorld, seedSupervision } from '../../testing/supervision.js';
import { DataCipher } from '../crypto.js';
import type { Database } from '../db/schema.js';
import { HttpError } from '../errors.js';
import type { Caller } from './caller.js';
import { kernelDbOf, maskableColumns, Repository } from './repository.js';

const cipher = new DataCipher(Buffer.alloc(32, 7));

let db: TestDb;
let world: World;
let sup: SupervisionWorld;

const staff = (userId: string, providerId: string, role: 'practitioner' | 'provider_admin'): Caller => ({
  userId,
  sessionId: null,
  providerId,
  grants: [{ role, organisationId: null, unitId: null }],
  isPlatformAdmin: false,
  fullySignedIn: true,
  ip: null,
  userAgent: null,
  requestId: null,
});

beforeAll(async () => {
  db = await freshDatabase();
  world = await seedWorld(db, cipher);
  sup = await seedSupervision(db, world, cipher);
});
afterAll(async () => {
  await db?.close();
});

const refusal = async (work: Promise<unknown>): Promise<number> => {
  try {
    await work;
  } catch (err) {
    if (err instanceof HttpError) return err.statusCode;
    throw err;
  }
  return 200;
};

const goal = () => db.kysely.selectFrom('goals').selectAll().where('id', '=', sup.goalId).executeTakeFirstOrThrow();

describe('Repository.update', () => {
  it('refuses to move a row out of the caller scope (another process), and keeps the row as it was', async () => {
    const repo = new Repository(db.kysely, staff(world.users.practitioner.id, world.providerId, 'practitioner'));
    const before = await goal();
    const status = await refusal(repo.update('goals', sup.goalId, { process_id: sup.otherProcessId, title: 'Moved away' }));
    expect([403, 404]).toContain(status);
    expect(await goal()).toEqual(before);
  });

  it('refuses to re-parent a row to another provider or to change its id, even for a provider admin', async () => {
    const admin = new Repository(db.kysely, staff(world.users.provider_admin.id, world.providerId, 'provider_admin'));
    const before = (await db.kysely.selectFrom('services').selectAll().where('id', '=', sup.serviceId).executeTakeFirstOrThrow()) as object;
    // biome-ignore lint/suspicious/noExplicitAny: the point is a patch the types would also refuse
    expect(await refusal(admin.update('services', sup.serviceId, { provider_id: world.otherProviderId } as any))).toBe(403);
    // biome-ignore lint/suspicious/noExplicitAny: see above
    expect(await refusal(admin.update('services', sup.serviceId, { id: '00000000-0000-0000-0000-000000000001' } as any))).toBe(403);
    expect(await db.kysely.selectFrom('services').selectAll().where('id', '=', sup.serviceId).executeTakeFirstOrThrow()).toEqual(before);
  });

  it('still updates within scope', async () => {
    const repo = new Repository(db.kysely, staff(world.users.practitioner.id, world.providerId, 'practitioner'));
    const row = await repo.update('goals', sup.goalId, { title: 'Calmer handovers, revised' });
    expect(row.title).toBe('Calmer handovers, revised');
  });
});

describe('Repository.insert', () => {
  it('refuses a caller-chosen provider_id, and lets a fresh id through (ciphertexts are bound to it) but never a taken one', async () => {
    const admin = new Repository(db.kysely, staff(world.users.provider_admin.id, world.providerId, 'provider_admin'));
    const values = {
      kind: 'group',
      names: JSON.stringify({ en: 'Chosen id' }),
      vat_rate_bp: 2550,
      default_minutes: 60,
      default_cadence: 'monthly',
      default_place: 'on_site',
      price_cents: 0,
    } as const;
    // biome-ignore lint/suspicious/noExplicitAny: the point is a row the types would also refuse
    expect(await refusal(admin.insert('services', { ...values, provider_id: world.otherProviderId } as any))).toBe(403);
    const foreign = await db.kysely.selectFrom('services').select('id').where('provider_id', '=', world.otherProviderId).execute();
    expect(foreign).toEqual([]);
    const fresh = '00000000-0000-4000-8000-000000000002';
    expect((await admin.insert('services', { ...values, id: fresh })).id).toBe(fresh);
    await expect(admin.insert('services', { ...values, id: sup.serviceId })).rejects.toMatchObject({ code: '23505' });
  });
});

/**
 * The database's own wall (migration 0010). It binds for a role that is neither superuser nor the
 * tables' owner: on PostgreSQL the test's app connection is such a role already (testing/database.ts);
 * PGlite runs as its superuser, so there the repository takes on `embeddedWallRole` for each walled
 * transaction (kernel/db/tenant-wall.ts); only the unwalled kernel check below needs a probe role.
 */
describe('row-level security behind the repository', () => {
  const probeRole = 'rinnalla_wall_probe';
  let bypasses = false;
  beforeAll(async () => {
    const { rows } = await sql<{ bypasses: boolean }>`
      select r.rolsuper or r.rolbypassrls or pg_has_role(current_user, c.relowner, 'usage') as bypasses
      from pg_roles r, pg_class c where r.rolname = current_user and c.oid = 'organisations'::regclass`.execute(db.kysely);
    bypasses = rows[0]?.bypasses ?? true;
    if (!bypasses) return;
    // Roles are cluster-wide on PostgreSQL, and other test files may create this one concurrently.
    await sql
      .raw(`do $$ begin create role ${probeRole} nologin; exception when duplicate_object or unique_violation then null; end $$`)
      .execute(db.kysely);
    await sql.raw(`grant select, insert on organisations, people to ${probeRole}`).execute(db.kysely);
  });
  const asProbe = async (k: Kysely<Database>) => {
    if (bypasses) await sql.raw(`set local role ${probeRole}`).execute(k);
  };
  const adminA = () => new Repository(db.kysely, staff(world.users.provider_admin.id, world.providerId, 'provider_admin'));

  it("lets a query without any WHERE clause see only the caller's provider", async () => {
    const { organisations, people } = await adminA().transaction(async (r) => {
      const k = kernelDbOf(r);
      return {
        organisations: await k.selectFrom('organisations').select(['id', 'provider_id']).execute(),
        people: await k.selectFrom('people').select('provider_id').execute(),
      };
    });
    expect(organisations.map((o) => o.id)).toContain(world.organisationId);
    expect(organisations.map((o) => o.id)).not.toContain(world.foreignOrganisationId);
    expect(new Set([...organisations, ...people].map((o) => o.provider_id))).toEqual(new Set([world.providerId]));
  });

  it("refuses to write a row into another provider through the repository's connection", async () => {
    const err = await adminA()
      .transaction(async (r) => {
        const k = kernelDbOf(r);
        await k.insertInto('organisations').values({ provider_id: world.otherProviderId, name: 'Planted', business_id: null }).execute();
      })
      .then(
        () => null,
        (e: unknown) => e as { code?: string },
      );
    expect(err?.code).toBe('42501');
    expect(await db.kysely.selectFrom('organisations').select('id').where('name', '=', 'Planted').execute()).toEqual([]);
  });

  it('runs the repository as a role the policies bind, on both engines (PGlite: a role taken on per transaction)', async () => {
    const bypass = sql<{ bypasses: boolean }>`
      select r.rolsuper or r.rolbypassrls or pg_has_role(current_user, c.relowner, 'usage') as bypasses
      from pg_roles r, pg_class c where r.rolname = current_user and c.oid = 'organisations'::regclass`;
    const walled = await adminA().transaction(async (r) => bypass.execute(kernelDbOf(r)));
    expect(walled.rows[0]?.bypasses).toBe(false);
    const outside = await bypass.execute(kernelDbOf(adminA()));
    expect(outside.rows[0]?.bypasses).toBe(false);
  });

  it('sets the wall for reads outside a transaction too, and only for them', async () => {
    const setting = sql<{ v: string | null }>`select current_setting('rinnalla.provider_id', true) as v`;
    const walled = await setting.execute(kernelDbOf(adminA()));
    expect(walled.rows[0]?.v).toBe(world.providerId);
    const kernel = await setting.execute(db.kysely);
    expect(kernel.rows[0]?.v ?? '').toBe('');
  });

  it('leaves kernel work that crosses providers unwalled (the setting is unset)', async () => {
    const rows = await db.kysely.transaction().execute(async (k) => {
      await asProbe(k);
      return k.selectFrom('organisations').select('provider_id').execute();
    });
    expect(new Set(rows.map((r) => r.provider_id))).toEqual(new Set([world.providerId, world.otherProviderId]));
  });
});

describe('read masks', () => {
  const contact = (): Caller => ({
    ...staff(world.users.client_contact.id, world.providerId, 'practitioner'),
    grants: [{ role: 'client_contact', organisationId: world.organisationId, unitId: null }],
  });

  it('reads a hidden column as null on every query, joins and whole-row selects included, and leaves others alone', async () => {
    await db.owner.updateTable('meetings').set({ cancel_reason: 'Burnout, on sick leave' }).where('id', '=', sup.meetingId).execute();
    try {
      const asContact = new Repository(db.kysely, contact());
      const whole = await asContact
        .select('meetings')
        .selectAll('meetings')
        .where('meetings.id', '=', sup.meetingId)
        .executeTakeFirstOrThrow();
      expect(whole.cancel_reason).toBeNull();
      expect(whole.location).toBe('Care Home Alpha, meeting room 2');
      const joined = await asContact
        .select('meetings')
        .innerJoin('processes', 'processes.id', 'meetings.process_id')
        .where('meetings.cancel_reason', 'is not', null)
        .select(['meetings.id', 'meetings.cancel_reason', 'processes.title'])
        .execute();
      expect(joined).toEqual([]);
      const admin = new Repository(db.kysely, staff(world.users.provider_admin.id, world.providerId, 'provider_admin'));
      const seen = await admin
        .select('meetings')
        .select('meetings.cancel_reason')
        .where('meetings.id', '=', sup.meetingId)
        .executeTakeFirstOrThrow();
      expect(seen.cancel_reason).toBe('Burnout, on sick leave');
    } finally {
      await db.owner.updateTable('meetings').set({ cancel_reason: null }).where('id', '=', sup.meetingId).execute();
    }
  });

  it('lists every column of each masked table, as the database has them', async () => {
    for (const [table, columns] of Object.entries(maskableColumns)) {
      const { rows } = await sql<{ column_name: string }>`
        select column_name from information_schema.columns
        where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(db.kysely);
      expect([...(columns ?? [])].sort(), table).toEqual(rows.map((r) => r.column_name).sort());
    }
  });
});
