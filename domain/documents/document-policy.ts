import { z } from 'zod';

/** Documents and channels (policy data: per client where a client overrides it). */
export const DocumentPolicySchema = z.object({
  /** How long an archived document is kept (German retention for business letters and invoices). */
  retentionYears: z.number().int().min(1).max(30),
  /** Fax: attempts before the channel counts as failed and the document falls back to post. */
  faxMaxAttempts: z.number().int().min(1).max(10),
  /** Fax: wait between attempts. */
  faxRetryInterval: z.string().min(1),
});

export type DocumentPolicy = z.infer<typeof DocumentPolicySchema>;

export const DEFAULT_DOCUMENT_POLICY: DocumentPolicy = {
  retentionYears: 10,
  faxMaxAttempts: 3,
  faxRetryInterval: '10 minutes',
};
