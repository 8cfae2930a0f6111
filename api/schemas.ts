import { z } from 'zod';
import { WRITE_OFF_REASONS } from '../domain/collection/write-off-reason';
import { isValidIban, normalizeIban } from '../domain/bank/iban';
import { isValidBic, normalizeBic } from '../domain/bank/bic';

/** Request shapes of the REST API; the OpenAPI document is generated from them. */

/** An IBAN as typed or printed ("de89 3704 …"), checked by ibantools and kept in electronic form. */
export const ibanField = z.string().transform(normalizeIban).refine(isValidIban, 'an IBAN with valid check digits');

/** A BIC (8 or 11 characters), checked by ibantools, upper case. */
export const bicField = z.string().transform(normalizeBic).refine(isValidBic, 'a valid BIC (8 or 11 characters: bank, country, location, branch)');

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
    .max(120)
    .describe('the plan (up to ten years of monthly installments); the amounts must add up to the open amount'),
});

export const DisputeBody = z
  .object({
    open: z.boolean().describe('true opens a dispute (dunning pauses), false resolves it'),
    reason: z.string().min(1).max(500),
    lost: z.boolean().optional().describe('with open false: the patient was right, the claim is cancelled (recourse: lost_dispute)'),
  })
  .refine((b) => !(b.open && b.lost), { message: 'only a resolved dispute (open: false) can be lost', path: ['lost'] });

/** A staff request's id (header Idempotency-Key): the same id again repeats nothing. */
export const RequestIdHeader = z.string().trim().min(1).max(200);

const creditLines = z.array(z.object({ lineNo: z.number().int().positive(), amountCents: z.number().int().positive().optional().describe('part of the line; the whole rest of it when absent') })).min(1);
export const CreditNoteBody = z.union([
  z.object({ reason: z.string().trim().min(1).max(500), lines: creditLines }).strict(),
  z.object({ reason: z.string().trim().min(1).max(500), amountCents: z.number().int().positive() }).strict(),
]);

export const RedeliveryBody = z.object({
  address: z.object({
    street: z.string().trim().min(1).max(200),
    postalCode: z.string().trim().min(1).max(20),
    city: z.string().trim().min(1).max(100),
    country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166 alpha-2').default('DE'),
  }),
  reason: z.string().trim().min(1).max(500).describe('printed in the cover text, e.g. "an Ihre neue Anschrift"'),
});

export const CancellationBody = z.object({ reason: z.string().min(1).max(500) });

export const WriteOffBody = z.object({
  reason: z.enum(WRITE_OFF_REASONS).describe("why: the lawyer's reasons, or staff's own (uneconomic, time_barred, other)"),
  note: z.string().trim().min(1).max(500).describe('what staff found, for the audit trail'),
});

export const ReopenBody = z.object({
  reason: z.string().trim().min(1).max(200).describe('why the claim is pursued again (the debtor was found, the client asks for it …)'),
  note: z.string().trim().max(500).optional().describe('what staff found, for the audit trail'),
});

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day yyyy-mm-dd');

export const CollectionDecisionBody = z
  .object({
    decision: z.enum(['pursue', 'return', 'wait']).describe('pursue: hand to the lawyer; return: back to the client; wait: ask again (or pursue, per policy) on `until`'),
    until: isoDate.optional().describe('wait: the date (or date-time) to wait until'),
    reason: z.string().min(1).max(500).optional(),
  })
  .refine((b) => (b.decision === 'wait') === (b.until !== undefined), { path: ['until'], message: 'required for wait, and only for wait' });

export const NegotiationBody = z
  .object({
    from: isoDay.describe('the day negotiations with the debtor began (§ 203 BGB)'),
    until: isoDay.optional().describe('the day they ended; absent while they last'),
  });

export const LimitationRiskQuery = z.object({
  withinDays: z.coerce.number().int().min(0).max(3650).describe('limitation dates up to this many days from today (and past ones)'),
  sort: z.enum(['date', '-date']).default('date').describe('date: earliest first; -date: latest first'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  after: z.string().regex(/^\d{4}-\d{2}-\d{2}\|.+$/, 'the cursor `next` of the previous page').optional(),
});

export const ClaimListQuery = z.object({
  stage: z.enum(['INTAKE', 'SPLITTING', 'PURCHASE', 'STATEMENT', 'WAITING', 'REMINDER', 'COLLECTION_REQUEST', 'COLLECTION', 'PAYOUT', 'CLOSED']).optional(),
  clientId: z.string().optional(),
  submissionId: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  after: z.string().optional().describe('cursor: the last claim id of the previous page'),
});

export const UploadQuery = z.object({
  fileName: z.string().min(1).max(255).regex(/^[^/\\]+$/, 'a file name without folders'),
});
