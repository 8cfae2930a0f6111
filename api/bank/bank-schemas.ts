import { z } from 'zod';
import { ibanField } from '../schemas';

/** Request shapes of the bank-statement and unclear-payments routes (OpenAPI generated from them). */

const iban = ibanField;

const page = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  after: z.string().optional().describe('cursor: the last id of the previous page'),
};

export const BankFileListQuery = z.object({ ...page, status: z.enum(['RECEIVED', 'IMPORTED', 'QUARANTINED']).optional() });
export const BankFileLinesQuery = z.object({ ...page, status: z.enum(['MATCHED', 'UNCLEAR', 'RESOLVED', 'REVERSED', 'IGNORED']).optional() });
export const UnclearListQuery = z.object(page);

export const AssignBody = z.object({
  allocations: z
    .array(z.object({ claimId: z.string().min(1).max(40), amountCents: z.number().int().positive().describe('euro cents') }))
    .min(1)
    .max(50)
    .describe('split of the unallocated amount; must add up to it exactly (above a claim’s open amount becomes the payer’s credit)'),
});

export const RefundBody = z.object({ iban: iban.optional().describe('defaults to the IBAN the money came from') });

export const NotOursBody = z.object({ note: z.string().min(1).max(500).describe('why the movement is no claim payment') });
