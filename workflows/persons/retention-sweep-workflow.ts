import { proxyActivities } from '@temporalio/workflow';
import type { PersonActivities } from '../../activities/persons/person-activities';
import type { RetentionSweepResult } from '../../contracts/persons/retention-sweep-result';

const act = proxyActivities<PersonActivities>({
  startToCloseTimeout: '1 hour',
  retry: { initialInterval: '10s', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 5 },
});

/**
 * The daily retention sweep (Schedule `retention-sweep`): persons past the retention of their
 * data are anonymised, documents past theirs erased; each step is in the audit trail.
 */
export async function retentionSweepWorkflow(): Promise<RetentionSweepResult> {
  return act.sweepRetention();
}
