import { z } from 'zod';

/**
 * Default and default interest (§§ 286, 288 BGB) as policy data. These are calendar days, not
 * durations: interest follows a claim's dates, not the short durations tests and the demo run on.
 */
export const InterestPolicySchema = z.object({
  /** Whether default interest is charged at all (a client may waive it). */
  charge: z.boolean(),
  /**
   * When a consumer's default begins: with the receipt of the first reminder after the due date, or
   * also `daysAfterReceipt` after the invoice's receipt when the invoice carries the notice § 286 (3)
   * BGB requires (the invoice then prints it). Businesses are in default after those days anyway.
   */
  defaultRule: z.enum(['first_reminder', 'notice_30_days']),
  daysAfterReceipt: z.number().int().min(1).max(365),
  /** Letters count as received this many days after they are sent (Zugang). */
  deliveryDays: z.number().int().min(0).max(14),
  /** Percentage points over the base rate: consumers (§ 288 (1)) and businesses (§ 288 (2)). */
  consumerMarginPercent: z.string().regex(/^\d{1,2}(\.\d{1,2})?$/),
  businessMarginPercent: z.string().regex(/^\d{1,2}(\.\d{1,2})?$/),
  /** Day count: ACT_365 (every year 365 days) or ACT_ACT (the calendar year's days). */
  dayCount: z.enum(['ACT_365', 'ACT_ACT']),
  /** The lump sum a business in default owes (§ 288 (5) BGB: 40 EUR); 0 where the centre does not claim it. */
  businessLumpSumCents: z.number().int().nonnegative(),
});

export type InterestPolicy = z.infer<typeof InterestPolicySchema>;

export const DEFAULT_INTEREST_POLICY: InterestPolicy = {
  charge: true,
  defaultRule: 'first_reminder',
  daysAfterReceipt: 30,
  deliveryDays: 3,
  consumerMarginPercent: '5',
  businessMarginPercent: '9',
  dayCount: 'ACT_365',
  businessLumpSumCents: 4000,
};
