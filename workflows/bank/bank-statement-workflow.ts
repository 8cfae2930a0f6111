import { proxyActivities } from '@temporalio/workflow';
import type { RetryPolicy } from '@temporalio/common';
import type { BankActivities } from '../../activities/bank/bank-activities';
import type { BankImportSummary } from '../../contracts/bank/bank-import-result';

const retry: RetryPolicy = { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1 minute' };

/** One transaction books the whole file (10,000 lines take a while); no heartbeat inside it. */
const importer = proxyActivities<BankActivities>({ startToCloseTimeout: '15 minutes', retry });
const signaller = proxyActivities<BankActivities>({ startToCloseTimeout: '30 minutes', heartbeatTimeout: '1 minute', retry });

/**
 * One bank statement file (workflow id `bank-file-<sha256>`): import and book it atomically, then
 * tell each affected claim workflow. A crash between the two repeats only what is harmless: the
 * import finds the file booked and returns its summary; signals carry the booked payment's id,
 * which a claim workflow takes once.
 */
export async function bankStatementWorkflow(fileId: string): Promise<BankImportSummary> {
  const summary = await importer.importBankFile(fileId);
  if (summary.status === 'IMPORTED') await signaller.signalBankFile(fileId);
  return summary;
}
