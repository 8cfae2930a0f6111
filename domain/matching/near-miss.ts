import { INVOICE_PREFIX } from '../invoice-number';
import { isValidDigits } from './invoice-references';

/**
 * Valid invoice numbers one typing error away from a number with wrong check digits: one digit
 * changed, or two neighbours swapped. The check digits catch exactly these errors, so the
 * candidates are only ever suggestions for staff: which one the payer meant, the text cannot say.
 */
export interface NearMiss {
  number: string;
  /** What differs, e.g. "digit 5: 3→8" or "digits 4-5 swapped". */
  correction: string;
}

export function nearMisses(digits: string): NearMiss[] {
  const out: NearMiss[] = [];
  for (let pos = 0; pos < digits.length; pos++) {
    for (let d = 0; d <= 9; d++) {
      const ch = String(d);
      if (ch === digits[pos]) continue;
      const changed = digits.slice(0, pos) + ch + digits.slice(pos + 1);
      if (isValidDigits(changed)) out.push({ number: INVOICE_PREFIX + changed, correction: `digit ${pos + 1}: ${digits[pos]}→${ch}` });
    }
  }
  for (let pos = 0; pos + 1 < digits.length; pos++) {
    if (digits[pos] === digits[pos + 1]) continue;
    const swapped = digits.slice(0, pos) + digits[pos + 1] + digits[pos] + digits.slice(pos + 2);
    if (isValidDigits(swapped)) out.push({ number: INVOICE_PREFIX + swapped, correction: `digits ${pos + 1}-${pos + 2} swapped` });
  }
  return out;
}
