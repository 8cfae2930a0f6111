import { proxyActivities, sleep } from '@temporalio/workflow';
import type { DocumentActivities } from '../../activities/documents/document-activities';
import type { DeliveryOutcome } from '../../contracts/documents/delivery-outcome';

const io = proxyActivities<DocumentActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * Sends one archived document (id `send-document-<documentId>`). Email and post are one step; a
 * fax is followed here: each attempt's job is polled until final, a failed attempt is retried
 * after the policy's interval, and after the last failed attempt the letter goes by post.
 */
export async function sendDocumentWorkflow(documentId: string): Promise<DeliveryOutcome> {
  const outcome = await io.dispatchDocument(documentId);
  if (outcome !== 'FAXING') return outcome;
  const policy = await io.faxPolicy(documentId);
  let reason = '';
  for (let attempt = 1; attempt <= policy.maxAttempts; attempt++) {
    await io.submitFax(documentId, attempt);
    let job = await io.faxStatus(documentId, attempt);
    while (job.status !== 'DELIVERED' && job.status !== 'FAILED') {
      await sleep(policy.pollMs);
      job = await io.faxStatus(documentId, attempt);
    }
    if (job.status === 'DELIVERED') return 'SENT';
    reason = job.reason ?? 'no reason given';
    if (attempt < policy.maxAttempts) await sleep(policy.retryMs);
  }
  await io.faxFailed(documentId, `fax failed ${policy.maxAttempts} times, last: ${reason}`);
  return 'QUEUED_FOR_PRINT';
}

/** One print run: the letters waiting for post become one batch in the print drop folder. */
export async function printRunWorkflow(clientIds?: string[]): Promise<number> {
  const batch = await io.runPrintBatch(clientIds);
  return batch?.documentCount ?? 0;
}
