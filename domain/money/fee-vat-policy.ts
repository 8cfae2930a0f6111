import { z } from 'zod';

/**
 * VAT on the centre's Inkasso fees (§ 1 UStG: the collection service is a taxable supply unless
 * exempt): the rate and whether the fees are liable at all. Per client, as its own policy section
 * overrides the system's (a client abroad, an exempt arrangement).
 */
export const FeeVatPolicySchema = z.object({
  /** Whether the client's Inkasso fees bear VAT; false: its run invoice states the fees without VAT. */
  feesLiable: z.boolean(),
  /** The VAT rate on the fees, a decimal share such as "0.19". */
  rate: z.string().regex(/^0(\.\d{1,4})?$/, 'a decimal rate below 1 such as "0.19"'),
});

export type FeeVatPolicy = z.infer<typeof FeeVatPolicySchema>;

/** The standard rate (§ 12 (1) UStG). */
export const DEFAULT_FEE_VAT_POLICY: FeeVatPolicy = { feesLiable: true, rate: '0.19' };

/** The rate the fees bear: the policy's rate, or none when they are not liable. */
export function feeVatRate(vat: FeeVatPolicy): string {
  return vat.feesLiable ? vat.rate : '0';
}
