// The return-on-investment scenario the seeds argue for: the cost of support set against the
// sick-leave days it would need to prevent to pay for itself. No trial proves that supervision
// cuts sick leave (INSTRUMENTS.md), so this is always presented as a scenario.

export type Country = 'FI' | 'SE' | 'NO';

/**
 * Employer's cost of one sick-leave day, editable estimates (INSTRUMENTS.md): Finland about
 * €350–370 (the middle); Norway about NOK 2,900 (2014). No Swedish figure is on record: the
 * provider enters one.
 */
export const defaultSickDayCost: Record<Country, { cents: number | null; currency: 'EUR' | 'SEK' | 'NOK'; source: string }> = {
  FI: { cents: 36_000, currency: 'EUR', source: 'Finland: about €350–370 per sick-leave day (employer cost estimate)' },
  NO: { cents: 290_000, currency: 'NOK', source: 'Norway: about NOK 2,900 per sick-leave day in extra costs (2014)' },
  SE: { cents: null, currency: 'SEK', source: 'No default: enter your own estimate' },
};

export interface RoiScenario {
  supportCostCents: number;
  sickDayCostCents: number;
  /** Sick-leave days the support would need to prevent to pay for itself (one decimal). */
  breakEvenDays: number;
}

export function roiScenario(supportCostCents: number, sickDayCostCents: number): RoiScenario {
  if (sickDayCostCents <= 0) throw new Error('a sick day must cost something');
  return { supportCostCents, sickDayCostCents, breakEvenDays: Math.ceil((supportCostCents / sickDayCostCents) * 10) / 10 };
}
