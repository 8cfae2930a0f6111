import type { Services } from '../../services';
import type { PayoutRunResult } from '../../contracts/money/payout-run-result';

/** A payout run's execution and the Schedule's preparation: adapters over the payout run service. */
export function createPayoutRunActivities(services: Services) {
  const { payoutRuns } = services;
  const { execution } = payoutRuns;

  return {
    /** The Schedule's run: prepared for staff to approve; null when nothing is owed. */
    preparePayoutRun(): Promise<string | null> {
      return payoutRuns.prepareScheduled();
    },

    /** Builds and stores the run's SEPA file once. */
    writePayoutRunSepaFile(runId: string): Promise<{ msgId: string; sha256: string }> {
      return execution.writeSepaFile(runId);
    },

    /** Books each paid line's transfer once. */
    bookPayoutRunTransfers(runId: string): Promise<number> {
      return execution.bookTransfers(runId);
    },

    /** Uploads the file to the bank once (where an upload folder is configured). */
    uploadPayoutRunSepaFile(runId: string): Promise<string | null> {
      return execution.uploadSepaFile(runId);
    },

    /** Sends each paid client the payout journal of its line, once. */
    sendPayoutRunJournals(runId: string): Promise<number> {
      return execution.sendJournals(runId);
    },

    finishPayoutRun(runId: string): Promise<PayoutRunResult> {
      return execution.finish(runId);
    },
  };
}

export type PayoutRunActivities = ReturnType<typeof createPayoutRunActivities>;
