import { proxyActivities } from '@temporalio/workflow';
import type { PayoutRunActivities } from '../../activities/money/payout-run-activities';
import type { PayoutRunResult } from '../../contracts/money/payout-run-result';

const act = proxyActivities<PayoutRunActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/**
 * An approved payout run's execution: the SEPA file (built once, stored), the transfers' postings
 * (once per line), the upload to the bank (once), each client's payout journal (once per line),
 * then the run is executed. Every step is idempotent, so a crash or a restarted worker anywhere
 * resumes without paying anyone twice; retries do not give up: a run half executed is finished.
 */
export async function payoutRunWorkflow(runId: string): Promise<PayoutRunResult> {
  await act.writePayoutRunSepaFile(runId);
  await act.bookPayoutRunTransfers(runId);
  await act.uploadPayoutRunSepaFile(runId);
  await act.sendPayoutRunJournals(runId);
  return act.finishPayoutRun(runId);
}

/** The Schedule `payout-runs`: prepares a run for staff to approve (null: nothing owed). */
export async function payoutRunPreparationWorkflow(): Promise<string | null> {
  return act.preparePayoutRun();
}
