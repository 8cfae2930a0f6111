import { z } from 'zod';

/** Request shapes of the payout run routes (OpenAPI generated from them). */

export const PreparePayoutRunBody = z
  .object({
    clientIds: z.array(z.string().min(1).max(40)).min(1).max(10_000).optional().describe('only these clients (default: every client with released payables)'),
  })
  .strict();

export const PayoutRunListQuery = z.object({
  take: z.coerce.number().int().min(1).max(500).default(50).describe('the most recent runs, at most this many'),
});
