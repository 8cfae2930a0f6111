import { proxyActivities } from '@temporalio/workflow';
import type { OperationsActivities } from '../../activities/operations/operations-activities';

const act = proxyActivities<OperationsActivities>({
  // A large database takes long; the heartbeat (progress) shows it is still writing.
  startToCloseTimeout: '6 hours',
  heartbeatTimeout: '5 minutes',
  retry: { initialInterval: '1 minute', backoffCoefficient: 2, maximumInterval: '30 minutes', maximumAttempts: 3 },
});

/** Writes the nightly backup archive and prunes the old ones (Schedule `nightly-backup`). */
export async function backupWorkflow(): Promise<{ archive: string; rows: number; bytes: number; pruned: string[] }> {
  return act.nightlyBackup();
}
