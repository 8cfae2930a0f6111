// The worker's workflow bundle: every workflow type claimflow runs.
export { claimWorkflow } from './claims/claim-workflow';
export { billingFileWorkflow } from './intake/billing-file-workflow';
export { bankStatementWorkflow } from './bank/bank-statement-workflow';
export { sftpBankImportWorkflow } from './bank/sftp-bank-import-workflow';
export { sendDocumentWorkflow, printRunWorkflow } from './documents/send-document-workflow';
export { clientJournalRunWorkflow } from './documents/client-journal-run-workflow';
export { lawyerFeedbackWorkflow } from './collection/lawyer-feedback-workflow';
export { payoutRunWorkflow, payoutRunPreparationWorkflow } from './money/payout-run-workflow';
export { limitationSweepWorkflow } from './claims/limitation-sweep-workflow';
export { auditSealWorkflow } from './audit/audit-seal-workflow';
export { backupWorkflow } from './operations/backup-workflow';
export { factorRunWorkflow } from './factoring/factor-run-workflow';
export { retentionSweepWorkflow } from './persons/retention-sweep-workflow';
