/** Looks like an IBAN (country, check digits, 10–30 alphanumerics); banks also put old account numbers where IBANs go. */
export function isIbanShaped(value: string | undefined): value is string {
  return !!value && /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(value);
}

/** IBAN check: move the first four characters to the end, letters to numbers, mod 97 must be 1. */
export function isValidIban(compact: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  let remainder = 0;
  for (const ch of compact.slice(4) + compact.slice(0, 4)) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : ch;
    for (const d of value) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1;
}

/** Without spaces, upper case (an IBAN as typed or printed: "de89 3704 …"). */
export function normalizeIban(iban: string): string {
  return /[\sa-z]/.test(iban) ? iban.replace(/\s+/g, '').toUpperCase() : iban;
}

/** A line's payer IBAN as the bank wrote it and normalised: stored IBANs may equal either. */
export function ibanSpellings(iban: string | undefined): string[] {
  return iban ? [iban, normalizeIban(iban)] : [];
}
