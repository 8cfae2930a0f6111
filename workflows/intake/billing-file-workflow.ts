import { patched, proxyActivities } from '@temporalio/workflow';
import type { IntakeActivities } from '../../activities/intake/intake-activities';
import type { BillingFileResult } from '../../contracts/intake/billing-file-result';

const intake = proxyActivities<IntakeActivities>({
  // Parsing and persisting a large file takes a while; the activity heartbeats per chunk.
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Histories from before claims were started while the file was persisted (START_PAGE_SIZE paging). */
const PIPELINED_STARTS_PATCH = 'billing-file-starts-claims-while-persisting';
const START_PAGE_SIZE = 500;

/**
 * One billing file: validate and persist its records (each answered in the receipt), start a
 * claim workflow per accepted record, then send the client its receipt (Eingangsbestätigung).
 */
export async function billingFileWorkflow(input: { submissionId: string }): Promise<BillingFileResult> {
  if (patched(PIPELINED_STARTS_PATCH)) {
    const result = await intake.ingestAndStartClaims(input.submissionId);
    await intake.sendReceipt(input.submissionId);
    return result;
  }
  const counts = await intake.processSubmission(input.submissionId);
  let started = 0;
  let after: string | undefined;
  for (;;) {
    const page = await intake.startClaimWorkflows(input.submissionId, after ?? null, START_PAGE_SIZE);
    started += page.count;
    if (!page.lastClaimId) break;
    after = page.lastClaimId;
  }
  await intake.sendReceipt(input.submissionId);
  return { ...counts, started };
}
