import { z } from 'zod';

/** How far one statement file may go before it is rejected (guards against broken and hostile files). */
export const BankFileLimitsSchema = z.object({
  /** Element nesting depth of CAMT/OFX (real statements stay below 20). */
  maxNestingDepth: z.number().int().min(8).max(1000),
  /** A file not read within this many milliseconds is rejected, and the files beside it go on. */
  parseDeadlineMs: z.number().int().min(100),
  /** A ZIP delivery: at most this many entries and this many bytes unpacked in all. */
  zipMaxEntries: z.number().int().min(1),
  zipMaxUncompressedBytes: z.number().int().min(1024),
});

export type BankFileLimits = z.infer<typeof BankFileLimitsSchema>;

export const DEFAULT_BANK_FILE_LIMITS: BankFileLimits = {
  maxNestingDepth: 64,
  parseDeadlineMs: 30_000,
  zipMaxEntries: 500,
  zipMaxUncompressedBytes: 200 * 1024 * 1024,
};

/** The scheduled bank-statement import (system-wide policy data). */
export const BankImportPolicySchema = z.object({
  /** Cron expression (UTC) of the daily SFTP import Schedule. */
  scheduleCron: z.string().min(1),
  /** Folder on the bank's SFTP server where new statement files appear. */
  inboxFolder: z.string().min(1),
  /** Folder on the same server where imported (or quarantined) files are moved. */
  archiveFolder: z.string().min(1),
  fileLimits: BankFileLimitsSchema.default(DEFAULT_BANK_FILE_LIMITS),
});

export type BankImportPolicy = z.infer<typeof BankImportPolicySchema>;

export const DEFAULT_BANK_IMPORT_POLICY: BankImportPolicy = {
  scheduleCron: '30 6 * * *',
  inboxFolder: '/statements/inbox',
  archiveFolder: '/statements/archive',
  fileLimits: DEFAULT_BANK_FILE_LIMITS,
};
