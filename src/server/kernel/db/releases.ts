/**
 * The releases that databases in the field may be at, and the migrations each ended with. A
 * database holding data at the last release's schema is migrated to the latest by
 * db/upgrade.int.test.ts (fixture: db/fixtures/<release>.sql). Cutting a release: add it here with
 * its new migrations, and refresh the fixture (see the test's header).
 */
export interface Release {
  name: string;
  /** The migrations it added, in order: these names and their content never change again. */
  migrations: readonly string[];
}

export const releases: readonly Release[] = [
  {
    name: '0.1',
    migrations: [
      '0001_kernel',
      '0002_search_indexes',
      '0003_supervision',
      '0004_mail_attachments',
      '0005_measures',
      '0006_data_at_rest',
      '0007_auth_hardening',
      '0008_audit_chain',
      '0009_grants_and_people',
      '0010_row_level_security',
    ],
  },
];

/** The schema the last release left a database at: its last migration. */
export const lastRelease = releases.at(-1) as Release;
export const lastReleaseMigration = lastRelease.migrations.at(-1) as string;
