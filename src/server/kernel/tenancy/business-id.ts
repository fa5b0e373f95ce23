import { checkBusinessId } from '../../../shared/business-id.js';
import { unprocessable } from '../errors.js';

/**
 * A business ID as the country's register writes it, or a 422 naming the field: a provider's own
 * (on the invoicing basis) and its clients' (organisations) are checked by the provider's country.
 */
export function checkedBusinessId(country: string, value: string, path: string): string {
  const checked = checkBusinessId(country, value);
  if (!checked.ok)
    throw unprocessable('invalid_business_id', `Not a valid business ID for ${country}`, [
      { path, message: `not a valid business ID for ${country}` },
    ]);
  return checked.value;
}
