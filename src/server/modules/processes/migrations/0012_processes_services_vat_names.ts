import type { Kysely } from 'kysely';
import { runStatements } from '../../../kernel/db/statements.js';

// Services get a name per language (agreements print in the process's language, pages in the
// reader's) and a VAT treatment (taxable at a rate, or exempt on a legal ground). Today's single
// name becomes the name in the provider's default language, where it was written. Existing
// services become taxable at the standard rate of the provider's country: VAT applies unless a
// ground for exemption is chosen, so that is the safe reading of a price nobody marked exempt
// (the provider changes it per service in the catalogue).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table services add column names jsonb;
    update services s set names = jsonb_build_object(p.default_locale, s.name) from providers p where p.id = s.provider_id;
    alter table services alter column names set not null;
    alter table services add constraint services_names_object check (jsonb_typeof(names) = 'object' and names <> '{}'::jsonb);
    alter table services drop column name;
    alter table services add column vat_treatment text not null default 'taxable';
    alter table services add column vat_rate_bp int4;
    alter table services add column vat_exempt_ground text;
    update services s set vat_rate_bp = case p.country when 'FI' then 2550 else 2500 end from providers p where p.id = s.provider_id;
    alter table services add constraint services_vat check (
      (vat_treatment = 'taxable' and vat_rate_bp is not null and vat_rate_bp between 0 and 10000 and vat_exempt_ground is null)
      or (vat_treatment = 'exempt' and vat_rate_bp is null and vat_exempt_ground is not null)
    );
    `,
  );
}
