import { isValidIban } from '../bank/iban';

/**
 * Removes from remittance text (any case) what looks like a number but is none of ours: IBANs,
 * dates, amounts and phone numbers. Their digits could otherwise form a check-digit-valid
 * 10-digit window by chance (1 in 97), which is how false references are born. Each removed span
 * becomes a hard break so neighbouring digits are never glued across it.
 */

const BREAK = ' | ';

/** Country code, 2 check digits, 11-30 characters, optionally grouped by 4 (paper form). */
const IBAN_SHAPE = /\b([A-Z]{2})(\d{2})((?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?)\b/gi;
const DATES = /\b\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/g;
/** German and plain decimal amounts ("1.234,56", "120,50", "120.50 EUR"). */
const AMOUNTS = /\b\d{1,3}(?:\.\d{3})+,\d{2}\b|\b\d+,\d{2}\b|\b\d+\.\d{2}\s?(?:EUR|€)/gi;
/**
 * "Tel. 030 1234567", "Fax: (0221) 12 34 56-7", or an international number after a space ("SVWZ+…"
 * is no phone): area code and subscriber number only, so digits that follow stay readable.
 */
const PHONES = /(?:\b(?:TEL(?:EFON)?|FAX|MOBIL|HANDY)\.?:?\s*(?:\+\d{2}\s?)?|(?:^|\s)\+\d{2}\s?)\(?0?\d{2,5}\)?[\s/-]?\d{2,8}(?:-\d{1,4})?\b/gi;

export function scrubRemittance(text: string): string {
  return text
    .replace(IBAN_SHAPE, (whole, country: string, check: string, rest: string) =>
      // "RE00 0010 0008" has an IBAN's shape; no IBAN starts with RE (Réunion uses FR).
      country.toUpperCase() !== 'RE' && isValidIban((country + check + rest.replace(/ /g, '')).toUpperCase()) ? BREAK : whole,
    )
    .replace(PHONES, BREAK)
    .replace(DATES, BREAK)
    .replace(AMOUNTS, BREAK);
}
