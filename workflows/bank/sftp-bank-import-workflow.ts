import { executeChild, log, proxyActivities } from '@temporalio/workflow';
import type { BankActivities } from '../../activities/bank/bank-activities';
import { bankStatementWorkflowId } from '../../contracts/workflow-ids';
import { bankStatementWorkflow } from './bank-statement-workflow';
import type { BankImportSummary } from '../../contracts/bank/bank-import-result';
import type { SftpImportResult } from '../../contracts/bank/bank-import-result';

const sftp = proxyActivities<BankActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 },
});

/**
 * The daily import (Schedule `bank-statement-import`): every file in the bank's SFTP inbox is
 * stored, imported by its own bankStatementWorkflow and moved to the archive, quarantined ones
 * too. A crash between import and move books nothing twice: the next run finds the file's sha256
 * imported, gets the same summary and moves it then.
 */
export async function sftpBankImportWorkflow(): Promise<SftpImportResult[]> {
  const results: SftpImportResult[] = [];
  for (const name of await sftp.listBankInbox()) {
    try {
      const { fileId, sha256 } = await sftp.fetchBankFile(name);
      const summary = await executeChild(bankStatementWorkflow, { workflowId: bankStatementWorkflowId(sha256), args: [fileId] });
      const archivedTo = await sftp.archiveBankFile(name, fileId, summary.status);
      results.push({ name, summary, archivedTo });
    } catch (e) {
      log.warn('bank statement file not imported', { name, error: (e as Error).message });
      results.push({ name, error: (e as Error).message });
    }
  }
  return results;
}
