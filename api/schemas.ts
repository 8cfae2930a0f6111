import { z } from 'zod';

/** Request shapes of the REST API; the OpenAPI document is generated from them. */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T.*)?$/, 'an ISO 8601 date (yyyy-mm-dd) or date-time');
const cents = z.number().int().positive();

export const PaymentBody = z.object({
  amountCents: cents.describe('amount received, in euro cents'),
  receivedAt: isoDate.optional().describe('value date; defaults to now'),
  reference: z.string().max(200).optional().describe('remittance text or receipt number'),
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
