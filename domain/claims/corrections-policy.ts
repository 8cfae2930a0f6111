import { z } from 'zod';

/** Corrections of an invoice that is out (credit notes, re-delivery) as policy data. */
export const CorrectionsPolicySchema = z.object({
  /**
   * Re-delivery to a corrected address (Neuzustellung) sets a new due date a payment term from
   * the re-delivery: under § 12 GOÄ the fee falls due only once the payer has a proper invoice.
   */
  redeliveryResetsDueDate: z.boolean(),
});

export type CorrectionsPolicy = z.infer<typeof CorrectionsPolicySchema>;

export const DEFAULT_CORRECTIONS_POLICY: CorrectionsPolicy = { redeliveryResetsDueDate: true };
