import { continueAsNew, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { JournalActivities } from '../../activities/documents/journal-activities';
import { previousMonth } from '../../domain/documents/journal-period';
import type { ClientJournalRunInput, ClientJournalRunResult } from '../../contracts/documents/client-journal-run';

const io = proxyActivities<JournalActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Clients per listing activity: no single activity or payload grows with the client base. */
const CLIENT_PAGE_SIZE = 200;

/**
 * The monthly statement run (Schedule `client-journals-monthly`): page through the clients and send
 * each its journals for the period, one activity per client. Each journal has its own idempotency
 * key, so a re-run or a retried activity sends nothing twice. A long run continues as new.
 */
export async function clientJournalRunWorkflow(input: ClientJournalRunInput = {}): Promise<ClientJournalRunResult> {
  // Workflow time is replay-safe: the period is fixed when the run starts.
  const period = input.period ?? previousMonth(new Date());
  let after = input.afterClientId ?? null;
  let journalsSent = input.sentSoFar ?? 0;
  do {
    const page = await io.listClientPage(after, CLIENT_PAGE_SIZE);
    for (const clientId of page.clientIds) journalsSent += (await io.sendClientJournals(clientId, period)).length;
    after = page.next;
    if (after && workflowInfo().continueAsNewSuggested) {
      return continueAsNew<typeof clientJournalRunWorkflow>({ period, afterClientId: after, sentSoFar: journalsSent });
    }
  } while (after);
  return { period, journalsSent };
}
