import { z } from 'zod';
import { ibanField } from '../schemas';
import { UNCOLLECTABLE_REASONS } from '../../domain/collection/lawyer-report';

/** Request shapes of the collection routes (OpenAPI generated from them). */

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date (yyyy-mm-dd)').refine((d) => !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().startsWith(d), 'a real calendar day');
const cents = z.number().int().positive().describe('euro cents');
const common = {
  claimId: z.string().min(1).max(40).describe('our invoice number'),
  date: day.describe('the day of the reported event'),
  lawyerRef: z.string().max(100).optional().describe("the lawyer's file reference"),
};

export const LawyerReportBody = z.discriminatedUnion('kind', [
  z.object({ ...common, kind: z.literal('acknowledged') }),
  z.object({ ...common, kind: z.literal('collected'), amountCents: cents }),
  z.object({
    ...common,
    kind: z.literal('installment_plan'),
    installments: z
      .array(z.object({ dueDate: day, amountCents: cents }))
      .min(1)
      .max(120)
      .refine((plan) => plan.every((p, i) => i === 0 || p.dueDate > plan[i - 1].dueDate), 'installments in date order'),
  }),
  z.object({ ...common, kind: z.literal('dunning_order') }),
  z.object({ ...common, kind: z.literal('title') }),
  z.object({ ...common, kind: z.literal('costs'), amountCents: cents }),
  z.object({ ...common, kind: z.literal('uncollectable'), reason: z.enum(UNCOLLECTABLE_REASONS) }),
  z.object({ ...common, kind: z.literal('returned'), note: z.string().max(500).optional() }),
]);

export const QuarantineQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  after: z.string().optional().describe('cursor: the last id of the previous page'),
  fileId: z.string().optional().describe('only the problems of this feedback file'),
});

export const sftpFolder = z.string().min(1).max(200).regex(/^\/[^\0]*$/, 'an absolute folder on the partners\' SFTP server, e.g. /lawyers/mueller/outbox').refine((f) => !f.split('/').includes('..'), 'no ".." in the folder');

export const LawyerBody = z.object({
  name: z.string().min(1).max(200),
  iban: ibanField.describe("the account the lawyer's transfers come from"),
  outboxFolder: sftpFolder.describe("where the lawyer's software puts its feedback files"),
  doneFolder: sftpFolder.describe('where read files are moved'),
});
