/**
 * Business IDs of the Nordic countries a provider works in, checked the way the registers issue
 * them, so that a typo is caught when it is typed rather than when an invoice bounces:
 * - FI Y-tunnus `1234567-1`: seven digits and a check digit, weights 7 9 10 5 8 4 2, modulus 11
 *   (a remainder of 1 is never issued);
 * - NO organisasjonsnummer `123456785`: nine digits, weights 3 2 7 6 5 4 3 2, modulus 11 (a check
 *   of 10 is never issued);
 * - SE organisationsnummer `556036-0793`: ten digits with a Luhn check digit (an optional `16`
 *   century prefix is dropped).
 * Other countries' IDs are kept as typed. Pure functions: the server validates, the web hints.
 */

export type BusinessIdCountry = 'FI' | 'SE' | 'NO';

export type BusinessIdCheck = { ok: true; value: string } | { ok: false };

const digitsOnly = (value: string) => value.replace(/[\s-]/g, '');

function weightedSum(digits: string, weights: readonly number[]): number {
  return weights.reduce((sum, w, i) => sum + w * Number(digits[i]), 0);
}

/** FI Y-tunnus, written back as `NNNNNNN-C`. */
export function checkYTunnus(value: string): BusinessIdCheck {
  const d = digitsOnly(value);
  if (!/^\d{8}$/.test(d) || !/^\d{7}[-\s]?\d$/.test(value.trim())) return { ok: false };
  const r = weightedSum(d, [7, 9, 10, 5, 8, 4, 2]) % 11;
  if (r === 1) return { ok: false };
  const check = r === 0 ? 0 : 11 - r;
  return check === Number(d[7]) ? { ok: true, value: `${d.slice(0, 7)}-${d[7]}` } : { ok: false };
}

/** NO organisasjonsnummer, written back as nine digits. */
export function checkOrganisasjonsnummer(value: string): BusinessIdCheck {
  const d = digitsOnly(value);
  if (!/^\d{9}$/.test(d)) return { ok: false };
  const r = weightedSum(d, [3, 2, 7, 6, 5, 4, 3, 2]) % 11;
  const check = r === 0 ? 0 : 11 - r;
  if (check === 10) return { ok: false };
  return check === Number(d[8]) ? { ok: true, value: d } : { ok: false };
}

/** Luhn (mod 10) over all digits, the last being the check digit. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

/** SE organisationsnummer, written back as `NNNNNN-NNNN`. */
export function checkOrganisationsnummer(value: string): BusinessIdCheck {
  let d = digitsOnly(value);
  if (/^16\d{10}$/.test(d)) d = d.slice(2);
  if (!/^\d{10}$/.test(d) || !luhnValid(d)) return { ok: false };
  return { ok: true, value: `${d.slice(0, 6)}-${d.slice(6)}` };
}

/** The business ID in its canonical form for the country, or `{ ok: false }` when it cannot be one. */
export function checkBusinessId(country: string, value: string): BusinessIdCheck {
  const trimmed = value.trim();
  if (!trimmed) return { ok: false };
  switch (country) {
    case 'FI':
      return checkYTunnus(trimmed);
    case 'NO':
      return checkOrganisasjonsnummer(trimmed);
    case 'SE':
      return checkOrganisationsnummer(trimmed);
    default:
      return { ok: true, value: trimmed };
  }
}

/** How the country's business ID is written, for a form's hint. */
export function businessIdPattern(country: string): string | null {
  return ({ FI: '1234567-1', NO: '123456789', SE: '123456-7890' } as Record<string, string>)[country] ?? null;
}
