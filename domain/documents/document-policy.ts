import { z } from 'zod';

/** Client journals and the receipt of a billing file (kinds compare case-insensitively). */
const FAX_KINDS = ['receipt', 'receipt_confirmation', 'purchase_journal', 'outgoing_invoice_journal', 'client_invoice', 'payout_journal', 'collection_request', 'write_off_notice'];

/** Documents and channels (policy data: per client where a client overrides it). */
export const DocumentPolicySchema = z.object({
  /** How long an archived document is kept (German retention for business letters and invoices). */
  retentionYears: z.number().int().min(1).max(30),
  /** Fax: attempts before the channel counts as failed and the document falls back to post. */
  faxMaxAttempts: z.number().int().min(1).max(10),
  /** Fax: wait between attempts. */
  faxRetryInterval: z.string().min(1),
  /** Fax: how often a running job's status is asked for. */
  faxPollInterval: z.string().min(1).default('5s'),
  /** Document kinds that may go by fax (client and lawyer documents; patient letters never). */
  faxKinds: z.array(z.string().min(1)).default(FAX_KINDS),
  /** When the print run writes the letters queued for post into the print drop (system policy; cron, UTC). */
  printRunCron: z.string().min(1).default('0 15 * * 1-5'),
  /** When each client's journals for the previous calendar month go out (system policy; cron, UTC). */
  journalRunCron: z.string().min(1).default('0 5 1 * *'),
  /** Days an Inkasso client has to pay its client invoice. */
  clientInvoicePaymentDays: z.number().int().min(0).max(90).default(14),
});

export type DocumentPolicy = z.infer<typeof DocumentPolicySchema>;

export const DEFAULT_DOCUMENT_POLICY: DocumentPolicy = {
  retentionYears: 10,
  faxMaxAttempts: 3,
  faxRetryInterval: '10 minutes',
  faxPollInterval: '5s',
  faxKinds: FAX_KINDS,
  printRunCron: '0 15 * * 1-5',
  journalRunCron: '0 5 1 * *',
  clientInvoicePaymentDays: 14,
};
