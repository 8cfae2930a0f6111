import { z } from 'zod';
import { LineMatch } from './split-rules';

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
    rate: z.string().regex(/^(0(\.\d{1,9})?|1(\.0{1,9})?)$/, 'a decimal rate between 0 and 1, e.g. "0.25"').optional(),
    fixedCents: z.number().int().positive().optional(),
  })
  .strict()
  .refine((l) => (l.rate === undefined) !== (l.fixedCents === undefined), 'exactly one of rate and fixedCents');
export type LevyRuleSpec = z.infer<typeof LevyRuleSpec>;

export const LevyRuleSpecs = z.array(LevyRuleSpec).max(20);
