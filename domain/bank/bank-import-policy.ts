import { z } from 'zod';

/** The scheduled bank-statement import (system-wide policy data). */
export const BankImportPolicySchema = z.object({
  /** Cron expression (UTC) of the daily SFTP import Schedule. */
  scheduleCron: z.string().min(1),
  /** Folder on the bank's SFTP server where new statement files appear. */
  inboxFolder: z.string().min(1),
  /** Folder on the same server where imported (or quarantined) files are moved. */
  archiveFolder: z.string().min(1),
});

export type BankImportPolicy = z.infer<typeof BankImportPolicySchema>;

export const DEFAULT_BANK_IMPORT_POLICY: BankImportPolicy = {
  scheduleCron: '30 6 * * *',
  inboxFolder: '/statements/inbox',
  archiveFolder: '/statements/archive',
};
