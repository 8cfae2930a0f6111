import { applyRate } from '../decimal-rate';
import { feeVatRate, type FeeVatPolicy } from './fee-vat-policy';

/** One claim's Inkasso fees not invoiced yet, with what was collected for the client. */
export interface FeeItem {
  claimId: string;
  collectedCents: number;
  feeCents: number;
}

export interface RunInvoiceAmounts {
  netCents: number;
  vatRate: string;
  vatCents: number;
}

/**
 * The amounts of a client's invoice over the fees a run line's claims bore: net = the fees, VAT
 * at the policy's rate on the net sum (rounded half up once, not per claim), none when the fees
 * are not liable. The VAT is what the client's line is reduced by.
 */
export function runInvoiceAmounts(items: FeeItem[], vat: FeeVatPolicy): RunInvoiceAmounts {
  const netCents = items.reduce((s, i) => s + i.feeCents, 0);
  const vatRate = feeVatRate(vat);
  return { netCents, vatRate, vatCents: applyRate(netCents, vatRate) };
}

/** The invoice's number in its own series: `MR-<year>-<seq, 6 digits>`. */
export function runInvoiceNumber(issuedAt: Date, seq: number): string {
  return `MR-${issuedAt.getUTCFullYear()}-${String(seq).padStart(6, '0')}`;
}
