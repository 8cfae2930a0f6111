import { proxyActivities } from '@temporalio/workflow';
import type { ClaimActivities } from '../../activities/claims/claim-activities';
import type { LimitationSweepResult } from '../../contracts/claims/limitation-sweep-result';

const act = proxyActivities<ClaimActivities>({
  startToCloseTimeout: '30 minutes',
  retry: { initialInterval: '10s', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 5 },
});

/**
 * The daily limitation sweep (Schedule `limitation-sweep`): no open claim passes its limitation
 * date unnoticed, whether or not its own workflow still runs. Its result, in the Temporal UI, names
 * the claims found past their date and those no workflow watches.
 */
export async function limitationSweepWorkflow(): Promise<LimitationSweepResult> {
  return act.sweepLimitation();
}
