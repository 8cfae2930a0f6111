import { z } from 'zod';
import { LineMatch, Rate } from './split-rules';

/**
 * A client's levies (Abgaben) as stored (table LevyRule, JSON validated here): each takes a
 * percentage (`rate`) or a fixed amount (`fixedCents`) of the client's share of the lines it
 * matches and owes it to a levy recipient (table LevyRecipient). Format: docs/splitting-and-levies.md.
 */
export const LevyRuleSpec = z
  .object({
    label: z.string().min(1),
    recipientId: z.string().min(1),
    match: LineMatch,
    rate: Rate.optional(),
    fixedCents: z.number().int().positive().optional(),
  })
  .strict()
  .refine((l) => (l.rate === undefined) !== (l.fixedCents === undefined), 'exactly one of rate and fixedCents');
export type LevyRuleSpec = z.infer<typeof LevyRuleSpec>;

export const LevyRuleSpecs = z.array(LevyRuleSpec).max(20);
