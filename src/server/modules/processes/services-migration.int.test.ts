import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allMigrations, migrateToLatest } from '../../kernel/db/database.js';
import { freshDatabase, type TestDb } from '../../testing/database.js';

// 0012_processes_services_vat_names on services written before it: each single name becomes the
// name in its provider's default language, and the service is taxable at its country's standard
// rate until the provider says otherwise.

let db: TestDb;
beforeAll(async () => {
  // The schema just before this migration, whatever the other modules' numbers before it are.
  const before = Object.keys(allMigrations()).filter((name) => name < '0012_processes_services_vat_names');
  db = await freshDatabase({ upTo: before.at(-1)! });
  const provider = async (slug: string, country: string, locale: string) =>
    (
      await sql<{ id: string }>`insert into providers (name, slug, country, default_locale, time_zone)
        values (${slug}, ${slug}, ${country}, ${locale}, 'Europe/Helsinki') returning id`.execute(db.owner)
    ).rows[0]!.id;
  const service = (providerId: string, name: string) =>
    sql`insert into services (provider_id, kind, name, default_minutes, default_cadence, default_place, price_cents)
      values (${providerId}, 'group', ${name}, 90, 'monthly', 'on_site', 24000)`.execute(db.owner);
  await service(await provider('fi-provider', 'FI', 'fi'), 'Ryhmätyönohjaus');
  await service(await provider('se-provider', 'SE', 'sv'), 'Grupphandledning');
  await service(await provider('no-provider', 'NO', 'nb'), 'Gruppeveiledning');
  await migrateToLatest(db.owner);
});
afterAll(() => db.close());

describe('0012_processes_services_vat_names', () => {
  it("moves each name into its provider's default language and sets the country's standard VAT", async () => {
    const { rows } = await sql<{
      slug: string;
      names: unknown;
      vat_treatment: string;
      vat_rate_bp: number | null;
      vat_exempt_ground: string | null;
    }>`
      select p.slug, s.names, s.vat_treatment, s.vat_rate_bp, s.vat_exempt_ground
      from services s join providers p on p.id = s.provider_id order by p.slug`.execute(db.owner);
    expect(rows).toEqual([
      { slug: 'fi-provider', names: { fi: 'Ryhmätyönohjaus' }, vat_treatment: 'taxable', vat_rate_bp: 2550, vat_exempt_ground: null },
      { slug: 'no-provider', names: { nb: 'Gruppeveiledning' }, vat_treatment: 'taxable', vat_rate_bp: 2500, vat_exempt_ground: null },
      { slug: 'se-provider', names: { sv: 'Grupphandledning' }, vat_treatment: 'taxable', vat_rate_bp: 2500, vat_exempt_ground: null },
    ]);
  });

  it('refuses a service without names, or with VAT half set', async () => {
    const providerId = (await sql<{ id: string }>`select id from providers where slug = 'fi-provider'`.execute(db.owner)).rows[0]!.id;
    const insert = (names: string, treatment: string, bp: number | null, ground: string | null) =>
      sql`insert into services (provider_id, kind, names, default_minutes, default_cadence, default_place, price_cents, vat_treatment, vat_rate_bp, vat_exempt_ground)
        values (${providerId}, 'group', ${names}::jsonb, 90, 'monthly', 'on_site', 100, ${treatment}, ${bp}, ${ground})`.execute(db.owner);
    await expect(insert('{}', 'taxable', 2550, null)).rejects.toMatchObject({ code: '23514' });
    await expect(insert('{"fi":"X"}', 'taxable', null, null)).rejects.toMatchObject({ code: '23514' });
    await expect(insert('{"fi":"X"}', 'exempt', null, null)).rejects.toMatchObject({ code: '23514' });
    await expect(insert('{"fi":"X"}', 'exempt', 2550, 'AVL 34 §')).rejects.toMatchObject({ code: '23514' });
    await insert('{"fi":"X"}', 'exempt', null, 'AVL 34 §');
  });
});
