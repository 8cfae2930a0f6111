import { z } from 'zod';

/**
 * Thresholds of the bank-statement matcher (system-wide policy data). A match is booked without a
 * human only when its confidence reaches autoBookMinConfidence; everything else goes to the
 * unclear-payments queue, because a wrong automatic booking is worse than none.
 */
export const MatchingPolicySchema = z.object({
  /** Confidence (0..1) from which a match is booked automatically. */
  autoBookMinConfidence: z.number().min(0).max(1),
  /** An overpayment up to this many cents is still booked automatically (the excess becomes payer credit). */
  autoBookMaxOverpaymentCents: z.number().int().nonnegative(),
});

export type MatchingPolicy = z.infer<typeof MatchingPolicySchema>;

export const DEFAULT_MATCHING_POLICY: MatchingPolicy = {
  autoBookMinConfidence: 0.9,
  autoBookMaxOverpaymentCents: 5000,
};
