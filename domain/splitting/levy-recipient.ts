import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import { z } from 'zod';

/** A levy recipient as staff enter it: IBAN and BIC checked by ibantools, the IBAN stored in electronic format. */
export const LevyRecipientInput = z
  .object({
    name: z.string().trim().min(1).max(140),
    iban: z
      .string()
      .transform((s) => electronicFormatIBAN(s) ?? s)
      .refine((s) => isValidIBAN(s), 'not a valid IBAN (country, length or check digits)'),
    bic: z
      .string()
      .trim()
      .toUpperCase()
      .refine((s) => isValidBIC(s), 'not a valid BIC')
      .optional(),
  })
  .strict();
export type LevyRecipientInput = z.infer<typeof LevyRecipientInput>;
