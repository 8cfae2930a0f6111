/** What an executed payout run paid (the result of `payoutRunWorkflow`). */
export interface PayoutRunResult {
  runId: string;
  number: number;
  lineCount: number;
  totalCents: number;
  sepaMsgId: string;
  /** Path on the bank's SFTP server, or null when no upload is configured. */
  uploadedTo: string | null;
}
