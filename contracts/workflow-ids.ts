/**
 * Every workflow id format, defined once. An id is the workflow's identity on the server: starting
 * the same id twice is refused, which is what makes each start idempotent.
 */

/** One workflow per claim for its whole life. */
export const claimWorkflowId = (claimId: string) => `claim-${claimId}`;

/** One workflow per uploaded billing file (submission). */
export const billingFileWorkflowId = (submissionId: string) => `billing-file-${submissionId}`;

/** One workflow per bank statement file content: the same file uploaded twice is one import. */
export const bankStatementWorkflowId = (sha256: string) => `bank-file-${sha256}`;

/** One send per archived document (staff re-sends, fax jobs). */
export const sendDocumentWorkflowId = (documentId: string) => `send-document-${documentId}`;

/** One execution per payout run: executing it again joins (or finds done) the same workflow. */
export const payoutRunWorkflowId = (runId: string) => `payout-run-${runId}`;
/** A run to the refinancing factors staff started, by its key: the same key again is the same run. */
export const factorRunWorkflowId = (runKey: string) => `refinancing-factor-${runKey}`;

/** Scheduled runs: one id per Schedule, so runs never overlap. */
export const SCHEDULED_WORKFLOW_IDS = {
  bankImport: 'bank-sftp-import',
  printRun: 'print-run',
  journalRun: 'client-journals-monthly',
  lawyerFeedback: 'lawyer-feedback-import',
  payoutRunPreparation: 'payout-run-preparation',
  limitationSweep: 'limitation-sweep',
  auditSeal: 'audit-seal',
  factorRun: 'refinancing-factor',
  retentionSweep: 'retention-sweep',
  backup: 'nightly-backup',
} as const;
