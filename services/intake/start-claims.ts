import type { Client } from '@temporalio/client';
import { startClaimWorkflow } from '../../contracts/client/workflow-starts';
import type { TaskQueues } from '../../contracts/task-queues';
import type { PersistedClaim } from '../../persistence/intake/persist-chunk';

/** Workflow starts in flight at once against the Temporal frontend. */
const START_CONCURRENCY = 32;

/**
 * Starts the claims' workflows (an already running one counts as started); returns how many.
 * onBatch hears of each batch of starts done (the activity heartbeats).
 */
export async function startClaims(temporal: Client, queues: TaskQueues, claims: PersistedClaim[], onBatch: () => void): Promise<number> {
  for (let i = 0; i < claims.length; i += START_CONCURRENCY) {
    await Promise.all(claims.slice(i, i + START_CONCURRENCY).map((c) => startClaimWorkflow(temporal, queues, c)));
    onBatch();
  }
  return claims.length;
}
