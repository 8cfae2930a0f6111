import { Client, Connection } from '@temporalio/client';
import { claimWorkflowStatus } from '../../contracts/client/claim-handle';
import { startClaimWorkflow } from '../../contracts/client/workflow-starts';
import type { ClaimOutcome, ClaimStageName, ClaimState } from '../../contracts/claims/claim-messages';
import type { TaskQueues } from '../../contracts/task-queues';
import { createDb, type Db } from '../../infra/db/prisma';
import { openClaimsAfter, type OpenClaimRecord } from '../../persistence/claims/open-claims';

/** Claims looked at (and their workflows described) at once. */
const BATCH = 32;

export interface ReconcileResult {
  /** Open claims in the database. */
  open: number;
  /** Of those, with a running workflow. */
  running: number;
  /** Started again: the server had no workflow for them, or it had ended without completing (terminated, failed, timed out). */
  restarted: string[];
  /** Open in the database, but their workflow completed: the database is behind Temporal; staff look at them. */
  completedInTemporal: string[];
}

/**
 * The state a claim's workflow starts again from: stage, level, balance and payments as the
 * database holds them. A wait starts over from the due date (WAITING) or ends at once (the next
 * reminder or step is taken now); the lawyer's progress and an installment plan in flight are not
 * in the claim's row and start afresh.
 */
export function resumedState(c: OpenClaimRecord): ClaimState {
  return {
    stage: c.stage as ClaimStageName,
    clientId: c.clientId,
    dunningLevel: c.dunningLevel,
    openCents: c.openCents,
    purchased: c.purchased,
    disputed: c.disputed,
    dueAt: c.dueDate?.getTime(),
    nextActionAt: c.stage === 'WAITING' ? c.dueDate?.getTime() : undefined,
    pausedUntil: c.pausedUntil?.getTime(),
    installments: [],
    seenPayments: c.paymentIds,
    ...(c.outcome ? { outcome: c.outcome as ClaimOutcome } : {}),
  };
}

/**
 * Compares every open claim of the database with the Temporal server and starts the workflows that
 * are missing from the database's state: after a restore of the database alone, or a lost
 * Temporal history, no claim is left without its workflow. Safe to run again (a running workflow is left alone).
 */
export async function reconcileClaims(db: Db, temporal: Client, queues: TaskQueues, opts: { clientIds?: string[]; progress?: (line: string) => void } = {}): Promise<ReconcileResult> {
  const result: ReconcileResult = { open: 0, running: 0, restarted: [], completedInTemporal: [] };
  for (let after = ''; ; ) {
    const claims = await openClaimsAfter(db, after, BATCH, opts.clientIds);
    if (claims.length === 0) break;
    after = claims[claims.length - 1].id;
    await Promise.all(
      claims.map(async (c) => {
        const status = await claimWorkflowStatus(temporal, c.id);
        if (status === 'RUNNING') result.running++;
        else if (status === 'COMPLETED') result.completedInTemporal.push(c.id);
        else {
          await startClaimWorkflow(temporal, queues, c, { claimId: c.id, state: resumedState(c), round: c.round });
          result.restarted.push(c.id);
        }
      }),
    );
    result.open += claims.length;
    opts.progress?.(`  ${result.open} open claims looked at, ${result.restarted.length} restarted`);
  }
  result.restarted.sort();
  result.completedInTemporal.sort();
  return result;
}

/** reconcileClaims on its own connections (the command line's): DATABASE_URL, TEMPORAL_ADDRESS. */
export async function reconcileWith(env: { databaseUrl?: string; temporalAddress?: string; queues: TaskQueues }, progress: (line: string) => void): Promise<ReconcileResult> {
  if (!env.temporalAddress) throw new Error('TEMPORAL_ADDRESS is not set');
  const db = createDb(env.databaseUrl, 4);
  const connection = await Connection.connect({ address: env.temporalAddress });
  try {
    return await reconcileClaims(db, new Client({ connection }), env.queues, { progress });
  } finally {
    await connection.close();
    await db.$disconnect();
  }
}
