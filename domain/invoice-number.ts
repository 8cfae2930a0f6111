/**
 * Invoice numbers: a prefix, an 8-digit sequence number and two check digits (ISO 7064 MOD 97-10,
 * the scheme of IBANs), e.g. "RE0000100008". Two check digits catch every single-digit error and
 * every swap of neighbouring digits, which lets the bank-statement matcher trust a number it
 * recovered from noisy remittance text.
 */

export const INVOICE_PREFIX = 'RE';
const SEQUENCE_DIGITS = 8;

/** The two check digits for a string of decimal digits. */
export function mod97CheckDigits(digits: string): string {
  if (!/^\d+$/.test(digits)) throw new Error(`check digits need decimal digits, got "${digits}"`);
  let remainder = 0;
  for (const ch of digits + '00') remainder = (remainder * 10 + Number(ch)) % 97;
  return String(98 - remainder).padStart(2, '0');
}

export function formatInvoiceNumber(sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 0 || sequence >= 10 ** SEQUENCE_DIGITS) {
    throw new Error(`invoice sequence ${sequence} is out of range 0..${10 ** SEQUENCE_DIGITS - 1}`);
  }
  const body = String(sequence).padStart(SEQUENCE_DIGITS, '0');
  return `${INVOICE_PREFIX}${body}${mod97CheckDigits(body)}`;
}

/** True when `candidate` is a well-formed invoice number whose check digits are right. */
export function isValidInvoiceNumber(candidate: string): boolean {
  const m = new RegExp(`^${INVOICE_PREFIX}(\\d{${SEQUENCE_DIGITS}})(\\d{2})$`).exec(candidate);
  return m !== null && mod97CheckDigits(m[1]) === m[2];
}
