import type { Cadence, Place, ServiceKind } from '../../../kernel/db/schema.js';
import type { ServiceContext } from '../../../kernel/service-context.js';
import { currencyOfCountry } from '../logic.js';
import { provider } from './checks.js';

// The provider's service catalogue: what it offers, at which terms and price.

type Ctx = Pick<ServiceContext, 'repo'>;

export interface ServiceInput {
  kind: ServiceKind;
  name: string;
  defaultMinutes: number;
  defaultCadence: Cadence;
  defaultPlace: Place;
  priceCents: number;
  currency?: 'EUR' | 'SEK' | 'NOK' | undefined;
  active?: boolean | undefined;
}

export async function createService(ctx: Ctx, input: ServiceInput) {
  const currency = input.currency ?? currencyOfCountry((await provider(ctx)).country);
  return ctx.repo.insert('services', {
    kind: input.kind,
    name: input.name,
    default_minutes: input.defaultMinutes,
    default_cadence: input.defaultCadence,
    default_place: input.defaultPlace,
    price_cents: input.priceCents,
    currency,
    active: input.active ?? true,
  });
}

export async function updateService(ctx: Ctx, id: string, input: Partial<ServiceInput>) {
  const patch = {
    ...(input.kind !== undefined ? { kind: input.kind } : {}),
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.defaultMinutes !== undefined ? { default_minutes: input.defaultMinutes } : {}),
    ...(input.defaultCadence !== undefined ? { default_cadence: input.defaultCadence } : {}),
    ...(input.defaultPlace !== undefined ? { default_place: input.defaultPlace } : {}),
    ...(input.priceCents !== undefined ? { price_cents: input.priceCents } : {}),
    ...(input.currency !== undefined ? { currency: input.currency } : {}),
    ...(input.active !== undefined ? { active: input.active } : {}),
  };
  // Existing processes and booked meetings keep the price they were agreed at.
  return ctx.repo.update('services', id, patch);
}
