import { isValidIBAN } from 'ibantools';

/** Looks like an IBAN (country, check digits, 10–30 alphanumerics); banks also put old account numbers where IBANs go. */
export function isIbanShaped(value: string | undefined): value is string {
  return !!value && /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(value);
}

/** A valid IBAN in electronic form: check digits and the country's length and format (ibantools). */
export function isValidIban(compact: string): boolean {
  return isValidIBAN(compact);
}

/** Without spaces, upper case (an IBAN as typed or printed: "de89 3704 …"). */
export function normalizeIban(iban: string): string {
  return /[\sa-z]/.test(iban) ? iban.replace(/\s+/g, '').toUpperCase() : iban;
}

/** A line's payer IBAN as the bank wrote it and normalised: stored IBANs may equal either. */
export function ibanSpellings(iban: string | undefined): string[] {
  return iban ? [iban, normalizeIban(iban)] : [];
}
