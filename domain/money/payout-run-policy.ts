import { z } from 'zod';
import { isValidBIC, isValidIBAN } from 'ibantools';

/** The centre's own account the payout transfers are debited from (SEPA Dbtr/DbtrAcct/DbtrAgt). */
export const DebtorAccountSchema = z.object({
  name: z.string().min(1).max(70),
  iban: z.string().refine(isValidIBAN, 'a valid IBAN (electronic format, no spaces)'),
  bic: z.string().refine(isValidBIC, 'a valid BIC'),
});

export type DebtorAccount = z.infer<typeof DebtorAccountSchema>;

/** Payout runs (system-wide policy data). */
export const PayoutRunPolicySchema = z.object({
  /** Cron expression (UTC) of the Schedule that prepares a run (the preview staff approve). */
  scheduleCron: z.string().min(1),
  /** The transfers' requested execution date: this many days after the run is prepared. */
  executionAfterDays: z.number().int().min(0).max(30),
  /** The account the transfers are paid from. */
  debtor: DebtorAccountSchema,
  /** Folder on the bank's SFTP server the SEPA file is uploaded to; null: no upload (download through REST). */
  sftpFolder: z.string().min(1).nullable(),
});

export type PayoutRunPolicy = z.infer<typeof PayoutRunPolicySchema>;

/**
 * Twice a month, on the 1st and the 15th at 06:00 UTC. The debtor is a sample account for local
 * runs, like the sample centre (infra/centre.ts): an installation sets its own in the system policy.
 */
export const DEFAULT_PAYOUT_RUN_POLICY: PayoutRunPolicy = {
  scheduleCron: '0 6 1,15 * *',
  executionAfterDays: 1,
  debtor: { name: 'Privatärztliche Verrechnungsstelle Musterstadt', iban: 'DE53200400600200400600', bic: 'COBADEHHXXX' },
  sftpFolder: 'sepa/outbox',
};
