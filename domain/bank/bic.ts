import { isValidBIC } from 'ibantools';

/** A BIC (8 or 11 characters, its country known) as written, upper case and without spaces. */
export function normalizeBic(bic: string): string {
  return bic.replace(/\s+/g, '').toUpperCase();
}

/** A valid BIC: bank, ISO country, location (and branch) as ibantools checks them. */
export function isValidBic(bic: string): boolean {
  return isValidBIC(bic);
}
