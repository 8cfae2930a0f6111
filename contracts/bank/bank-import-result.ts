/** What an import did with a file: the answer to an upload and the SFTP import's record. */
export interface BankImportSummary {
  fileId: string;
  fileName: string;
  sha256: string;
  status: 'RECEIVED' | 'IMPORTED' | 'QUARANTINED';
  format: string | null;
  statements: number;
  lines: number;
  /** Lines known from an earlier (overlapping) statement: skipped. */
  duplicates: number;
  matched: number;
  queued: number;
  reversed: number;
  ignored: number;
  /** Why a quarantined file was rejected. */
  error?: { location: string; reason: string };
}

export interface SftpImportResult {
  name: string;
  summary?: BankImportSummary;
  archivedTo?: string;
  /** The import did not finish: the file stays in the inbox for the next run. */
  error?: string;
}
