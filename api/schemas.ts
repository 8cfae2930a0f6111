import { z } from 'zod';

/** Request shapes of the REST API; the OpenAPI document is generated from them. */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T.*)?$/, 'an ISO 8601 date (yyyy-mm-dd) or date-time');
const cents = z.number().int().positive();

export const PaymentBody = z.object({
  amountCents: cents.describe('amount received, in euro cents'),
  receivedAt: isoDate.optional().describe('value date; defaults to now'),
  reference: z.string().max(200).optional().describe('remittance text or receipt number'),
  allocation: z
    .enum(['statutory', 'principal_first'])
    .optional()
    .describe('statutory (default): costs, interest, then principal (§ 367 (1) BGB); principal_first: the payer determined otherwise and the centre accepted the payment (§ 367 (2))'),
});

export const StatementQuery = z.object({
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day yyyy-mm-dd').optional().describe('the day of the statement (Stichtag); defaults to today'),
});

export const BaseRateBody = z.object({
  validFrom: z.string().regex(/^\d{4}-(01|07)-01$/, 'the first day of a half year, yyyy-01-01 or yyyy-07-01'),
  percent: z.string().regex(/^-?\d{1,2}(\.\d{1,2})?$/, 'percent a year as published, e.g. "1.27" or "-0.88"'),
  source: z.string().min(1).max(200).describe('where it was published, e.g. "Bundesbank, Bundesanzeiger of 28.06.2027"'),
});

export const DeferralBody = z.object({
  until: isoDate.describe('dunning pauses until this date'),
  reason: z.string().min(1).max(500),
});

export const InstallmentBody = z.object({
  installments: z
    .array(z.object({ dueDate: isoDate, amountCents: cents }))
    .min(2)
    .max(60)
    .describe('the plan; the amounts must add up to the open amount'),
});

export const DisputeBody = z.object({
  open: z.boolean().describe('true opens a dispute (dunning pauses), false resolves it'),
  reason: z.string().min(1).max(500),
});

export const CancellationBody = z.object({ reason: z.string().min(1).max(500) });

export const ClaimListQuery = z.object({
  stage: z.enum(['INTAKE', 'SPLITTING', 'PURCHASE', 'STATEMENT', 'WAITING', 'REMINDER', 'COLLECTION', 'PAYOUT', 'CLOSED']).optional(),
  clientId: z.string().optional(),
  submissionId: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  after: z.string().optional().describe('cursor: the last claim id of the previous page'),
});

export const UploadQuery = z.object({
  fileName: z.string().min(1).max(255).regex(/^[^/\\]+$/, 'a file name without folders'),
});
