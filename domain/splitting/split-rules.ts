import { z } from 'zod';
import { parseRate } from '../decimal-rate';

/** A decimal share between 0 and 1 ("0.40"), as the fee rates of the policy are written. */
export const Rate = z.string().refine((r) => {
  try {
    const { numerator, denominator } = parseRate(r);
    return numerator <= denominator;
  } catch {
    return false;
  }
}, 'a decimal rate between 0 and 1, e.g. "0.40"');

/** Which service lines a stage or a levy applies to: by GOÄ code, by GOÄ section, or every line. */
export const LineMatch = z.union([
  z.object({ codes: z.array(z.string().min(1)).min(1) }).strict(),
  z.object({ sections: z.array(z.string().regex(/^[A-P]$/, 'a GOÄ section letter A..P')).min(1) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type LineMatch = z.infer<typeof LineMatch>;

/** Who a stage's share goes to: a named client, or the client of the claim's treating doctor. */
export const ShareRecipient = z.union([z.object({ clientId: z.string().min(1) }).strict(), z.object({ treatingDoctor: z.literal(true) }).strict()]);
export type ShareRecipient = z.infer<typeof ShareRecipient>;

/**
 * A submitting client's split rules as stored (table SplitRule, JSON validated here): an ordered
 * list of stages. Each stage takes `rate` (a decimal, "1" when not given) of what is still
 * unassigned of the lines it matches and gives it to its recipient; whatever no stage took goes
 * to the treating doctor's client (the rest share). Format: docs/splitting-and-levies.md.
 */
export const SplitStage = z
  .object({
    /** Shown with each amount the stage produced ("Labor an Dr. Weber"). */
    label: z.string().min(1),
    match: LineMatch,
    rate: Rate.optional(),
    to: ShareRecipient,
  })
  .strict();
export type SplitStage = z.infer<typeof SplitStage>;

export const SplitStages = z.array(SplitStage).max(20);
export type SplitStages = z.infer<typeof SplitStages>;
