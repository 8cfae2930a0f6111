import { z } from 'zod';

/** What a DATEV export's header names: the accountant's and the centre's numbers, the fiscal year, account length. */
export const DatevPolicySchema = z.object({
  /** Beraternummer of the centre's tax accountant (DATEV: 1001 to 9999999). */
  consultantNumber: z.number().int().min(1001).max(9_999_999),
  /** Mandantennummer of the centre at its accountant (1 to 99999). */
  clientNumber: z.number().int().min(1).max(99_999),
  /** Month (1-12) the centre's fiscal year (Wirtschaftsjahr) begins: a batch lies within one fiscal year. */
  fiscalYearStartMonth: z.number().int().min(1).max(12),
  /** Sachkontenlänge of the centre's DATEV books (4 to 8 digits). */
  accountLength: z.number().int().min(4).max(8),
});
export type DatevPolicy = z.infer<typeof DatevPolicySchema>;

/** Placeholder numbers (the lowest DATEV allows) until the centre enters its own; calendar fiscal year, four-digit accounts. */
export const DEFAULT_DATEV_POLICY: DatevPolicy = { consultantNumber: 1001, clientNumber: 1, fiscalYearStartMonth: 1, accountLength: 4 };
