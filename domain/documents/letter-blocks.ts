import { z } from 'zod';

/** One dunning level's wording; a client may phrase its reminders its own way. */
const DunningTextSchema = z.object({
  /** Title and subject start, e.g. "Zahlungserinnerung", "2. Mahnung". */
  title: z.string().min(1).max(80).optional(),
  /** The paragraph after the salutation. */
  text: z.string().min(1).max(2000).optional(),
});

/**
 * A client's configurable letter blocks (Client.letterBlocks). Every field is optional: what a
 * client leaves out, the centre's standard wording fills.
 */
export const LetterBlocksSchema = z.strictObject({
  /** Salutation line before the body; "{name}" is replaced by the recipient's name. */
  salutation: z.string().min(1).max(200).optional(),
  /** First paragraph of the invoice. */
  openingText: z.string().min(1).max(2000).optional(),
  /** Last paragraph of every patient letter (before the greeting). */
  closingText: z.string().min(1).max(2000).optional(),
  /** Greeting and signature, e.g. "Mit freundlichen Grüßen". */
  greeting: z.string().min(1).max(200).optional(),
  /** Payment hint under the invoice total (bank details are added by the layout). */
  paymentHint: z.string().min(1).max(1000).optional(),
  /** Extra footer lines (e.g. the practice's opening hours or tax number). */
  footerLines: z.array(z.string().min(1).max(200)).max(4).optional(),
  /** Dunning wording per level: key "1" is the payment reminder, "2".. the Mahnungen. */
  dunning: z.record(z.string().regex(/^[1-9]$/, 'a dunning level 1..9'), DunningTextSchema).optional(),
});

export type LetterBlocks = z.infer<typeof LetterBlocksSchema>;

/** Reads Client.letterBlocks; names the offending field when staff stored something invalid. */
export function parseLetterBlocks(raw: unknown, clientId: string): LetterBlocks {
  if (raw === null || raw === undefined) return {};
  const r = LetterBlocksSchema.safeParse(raw);
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`letter blocks of client ${clientId} are invalid: ${issues}`);
  }
  return r.data;
}
