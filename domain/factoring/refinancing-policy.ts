import { z } from 'zod';
import { durationSchema } from '../duration-schema';

/**
 * Which purchased claims the centre sells on to its refinancing factor (per client: its factoring
 * contract may allow it or not), and how often the runs are (read from the system policy).
 */
export const RefinancingPolicySchema = z.object({
  /** Whether the client's purchased claims are sold on at all. */
  sell: z.boolean(),
  /** A purchased claim is sold from its purchase on, or only once it fell due. */
  sellAfter: z.enum(['purchase', 'due']),
  /** Claims whose open amount is below this are kept (cents). */
  minAmountCents: z.number().int().nonnegative(),
  /** How often the Schedule runs a sale to each active factor and reads the factors' answers. */
  runInterval: durationSchema,
});
export type RefinancingPolicy = z.infer<typeof RefinancingPolicySchema>;

export const DEFAULT_REFINANCING_POLICY: RefinancingPolicy = { sell: false, sellAfter: 'purchase', minAmountCents: 0, runInterval: '1 day' };
