// The worker's workflow bundle: every workflow type claimflow runs.
export { claimWorkflow } from './claim';
export { billingFileWorkflow } from './billing-file';
export { bankStatementWorkflow } from './bank-statement';
export { sftpBankImportWorkflow } from './bank-sftp-import';
export { sendDocumentWorkflow, printRunWorkflow } from './send-document';
export { clientJournalRunWorkflow } from './client-journal-run';
