import { patched } from '@temporalio/workflow';
import { db } from './claim-activity-proxies';
import type { ClaimRun } from './claim-run';

/** Histories from before the workflow watched the limitation date. */
const LIMITATION_PATCH = 'limitation-watch';

/**
 * Reads the claim's limitation date when it may have moved (a new run, a reminder sent, a halt
 * recorded): the dunning wait ends at the escalation day, whatever the reminders planned.
 */
export async function watchLimitation(run: ClaimRun): Promise<void> {
  if (!run.limitationStale || !patched(LIMITATION_PATCH)) return;
  run.limitationStale = false;
  run.s.limitation = await db.claimLimitation(run.claimId);
}

/** The escalation day has come: the claim must go to the client's decision or the lawyer now. */
export function limitationNear(run: ClaimRun): boolean {
  const at = run.s.limitation?.escalateAt;
  return at != null && Date.now() >= at;
}
