import type { BankLine } from './bank-line';
import { DIRECT_DEBIT_RETURN_GVC, gvcOfProprietaryCode, TRANSFER_RETURN_GVC } from './german-codes';

/**
 * How money moved, as the bank's transaction code says: a transfer the payer sent, or a direct
 * debit we collected. A return may only take back a payment of the kind it returns, so both the
 * return and the payment it names must be known from the file, never guessed from amounts.
 */
export type PaymentMethod = 'TRANSFER' | 'DIRECT_DEBIT';

/** What came back: a collection of ours (Rücklastschrift), a received transfer recalled, or a transfer of ours. */
export type ReturnKind = 'DIRECT_DEBIT_RETURN' | 'TRANSFER_RECALL' | 'OUR_TRANSFER_RETURNED';

/** ISO 20022 families (PMNT/<family>/<sub-family>) of transfers and direct debits, either side. */
const TRANSFER_FAMILIES = new Set(['RCDT', 'ICDT', 'RRCT', 'IRCT']);
const DIRECT_DEBIT_FAMILIES = new Set(['IDDT', 'RDDT']);
/** DK Geschäftsvorfallcodes (MT940 :86:, CAMT proprietary codes). */
const TRANSFER_GVC = new Set(['051', '052', '053', '054', '058', '116', '117', '118', '119', '151', '152', '153', '154', '166', '167', '168', '169', '191']);
const DIRECT_DEBIT_GVC = new Set(['004', '005', '171', '174', '192']);

/** The ISO family of a code written as "PMNT/RCDT/ESCT", or undefined for a proprietary code. */
function isoFamily(bankCode: string): string | undefined {
  return /^[A-Z]{4}\/([A-Z]{4})(?:\/|$)/.exec(bankCode)?.[1];
}

/** The method of a payment, from the code of the bank line it was booked from; undefined when the code does not say. */
export function paymentMethodOf(bankCode: string | undefined): PaymentMethod | undefined {
  if (!bankCode) return undefined;
  const family = isoFamily(bankCode);
  if (family) return TRANSFER_FAMILIES.has(family) ? 'TRANSFER' : DIRECT_DEBIT_FAMILIES.has(family) ? 'DIRECT_DEBIT' : undefined;
  const gvc = gvcOfProprietaryCode(bankCode);
  if (!gvc) return undefined;
  if (TRANSFER_GVC.has(gvc) || TRANSFER_RETURN_GVC.has(gvc)) return 'TRANSFER';
  if (DIRECT_DEBIT_GVC.has(gvc) || DIRECT_DEBIT_RETURN_GVC.has(gvc)) return 'DIRECT_DEBIT';
  return undefined;
}

/**
 * What a RETURN line gives back. Money coming back in can only be a transfer of ours; money going
 * out is a collection of ours or a payer's transfer, as the code says. Undefined when the file
 * does not say (no code, or one that names neither): such a return is for staff.
 */
export function returnKindOf(line: Pick<BankLine, 'amountCents' | 'bankCode'>): ReturnKind | undefined {
  if (line.amountCents > 0) return 'OUR_TRANSFER_RETURNED';
  const method = paymentMethodOf(line.bankCode);
  if (method === 'DIRECT_DEBIT') return 'DIRECT_DEBIT_RETURN';
  if (method === 'TRANSFER') return 'TRANSFER_RECALL';
  return undefined;
}
