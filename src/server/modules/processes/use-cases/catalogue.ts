import { type ServiceNames, type ServiceVat, vatDefaultsOf } from '../../../../shared/processes.js';
import type { Cadence, Place, ServiceKind } from '../../../kernel/db/schema.js';
import type { ServiceContext } from '../../../kernel/service-context.js';
import { currencyOfCountry } from '../logic.js';
import { provider } from './checks.js';

// The provider's service catalogue: what it offers, at which terms and price, named in each
// language the provider writes, taxed or exempt as the provider decides per service.

type Ctx = Pick<ServiceContext, 'repo'>;

export type { ServiceNames, ServiceVat };

export interface ServiceInput {
  kind: ServiceKind;
  /** At least one language (the route's schema refuses none). */
  names: ServiceNames;
  defaultMinutes: number;
  defaultCadence: Cadence;
  defaultPlace: Place;
  /** Net of VAT. */
  priceCents: number;
  currency?: 'EUR' | 'SEK' | 'NOK' | undefined;
  /** Without it: taxable at the standard rate of the provider's country. */
  vat?: ServiceVat | undefined;
  active?: boolean | undefined;
}

/** Only the languages given a name: an emptied language is dropped, not kept as ''. */
function namesJson(names: ServiceNames): string {
  return JSON.stringify(Object.fromEntries(Object.entries(names).filter(([, v]) => typeof v === 'string' && v.trim())));
}

/** The VAT columns; the rate in hundredths of a percent, so 25.5 % is an exact integer. */
function vatColumns(vat: ServiceVat) {
  return vat.treatment === 'taxable'
    ? { vat_treatment: 'taxable' as const, vat_rate_bp: Math.round(vat.ratePercent * 100), vat_exempt_ground: null }
    : { vat_treatment: 'exempt' as const, vat_rate_bp: null, vat_exempt_ground: vat.ground };
}

export async function createService(ctx: Ctx, input: ServiceInput) {
  const country = (await provider(ctx)).country;
  const currency = input.currency ?? currencyOfCountry(country);
  const vat = input.vat ?? { treatment: 'taxable', ratePercent: vatDefaultsOf(country).ratePercent };
  return ctx.repo.insert('services', {
    kind: input.kind,
    names: namesJson(input.names),
    default_minutes: input.defaultMinutes,
    default_cadence: input.defaultCadence,
    default_place: input.defaultPlace,
    price_cents: input.priceCents,
    currency,
    ...vatColumns(vat),
    active: input.active ?? true,
  });
}

export async function updateService(ctx: Ctx, id: string, input: Partial<ServiceInput>) {
  const patch = {
    ...(input.kind !== undefined ? { kind: input.kind } : {}),
    // The names are replaced as a whole: the form sends every language, a removed one goes.
    ...(input.names !== undefined ? { names: namesJson(input.names) } : {}),
    ...(input.defaultMinutes !== undefined ? { default_minutes: input.defaultMinutes } : {}),
    ...(input.defaultCadence !== undefined ? { default_cadence: input.defaultCadence } : {}),
    ...(input.defaultPlace !== undefined ? { default_place: input.defaultPlace } : {}),
    ...(input.priceCents !== undefined ? { price_cents: input.priceCents } : {}),
    ...(input.currency !== undefined ? { currency: input.currency } : {}),
    ...(input.vat !== undefined ? vatColumns(input.vat) : {}),
    ...(input.active !== undefined ? { active: input.active } : {}),
  };
  // Existing processes and booked meetings keep the price they were agreed at. VAT is not a term
  // agreed with the client but the tax on the supply: the basis applies the service's current one.
  return ctx.repo.update('services', id, patch);
}

/** A service row's VAT as the contract states it. */
export function serviceVatOf(row: {
  vat_treatment: 'taxable' | 'exempt';
  vat_rate_bp: number | null;
  vat_exempt_ground: string | null;
}): ServiceVat {
  return row.vat_treatment === 'exempt'
    ? { treatment: 'exempt', ground: row.vat_exempt_ground ?? '' }
    : { treatment: 'taxable', ratePercent: (row.vat_rate_bp ?? 0) / 100 };
}
