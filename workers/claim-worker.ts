import { createAuditActivities } from '../activities/audit/audit-activities';
import { createPersonActivities } from '../activities/persons/person-activities';
import { createOperationsActivities } from '../activities/operations/operations-activities';
import path from 'node:path';
import { bundleWorkflowCode, NativeConnection, Worker, WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createClaimActivities } from '../activities/claims/claim-activities';
import { createIntakeActivities } from '../activities/intake/intake-activities';
import { createBankActivities } from '../activities/bank/bank-activities';
import { createCollectionActivities } from '../activities/collection/collection-activities';
import { createFactoringActivities } from '../activities/factoring/factoring-activities';
import { createDocumentActivities } from '../activities/documents/document-activities';
import { createJournalActivities } from '../activities/documents/journal-activities';
import { createPayoutRunActivities } from '../activities/money/payout-run-activities';
import type { Services } from '../services';

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** The workflow code, bundled once per process (webpack + swc; takes seconds). */
export function bundleWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({ workflowsPath: path.resolve(__dirname, '../workflows/index.ts'), logger: undefined });
  return bundle;
}

export function claimflowActivities(services: Services) {
  return { ...createClaimActivities(services), ...createIntakeActivities(services), ...createBankActivities(services), ...createCollectionActivities(services), ...createFactoringActivities(services), ...createDocumentActivities(services), ...createJournalActivities(services), ...createAuditActivities(services), ...createPersonActivities(services), ...createPayoutRunActivities(services), ...createOperationsActivities(services) };
}

export type ClaimflowActivities = ReturnType<typeof claimflowActivities>;

/** Which queues a worker process serves: both (default), or one when they run apart. */
export type WorkerRole = 'all' | 'intake' | 'claims';

export interface WorkerOptions {
  role?: WorkerRole;
  bundle?: { codePath: string };
  /** Replaces the real activities (tests inject faults this way). */
  activities?: ClaimflowActivities;
}

/** The workers of one process: the intake queue's, the claims queue's, or both. */
export async function createClaimflowWorkers(connection: NativeConnection, services: Services, options: WorkerOptions = {}): Promise<Worker[]> {
  const role = options.role ?? 'all';
  const workflowBundle = options.bundle ?? (await bundleWorkflows());
  const activities = options.activities ?? claimflowActivities(services);
  const queues = [...(role !== 'claims' ? [services.queues.intake] : []), ...(role !== 'intake' ? [services.queues.claims] : [])];
  return Promise.all(
    queues.map((taskQueue) =>
      Worker.create({
        connection,
        namespace: 'default',
        taskQueue,
        workflowBundle,
        activities,
        // Slots per worker process: ops knobs (a claims worker sharing cores with intake is kept small).
        maxConcurrentActivityTaskExecutions: positiveInt('WORKER_MAX_ACTIVITIES', process.env.WORKER_MAX_ACTIVITIES, 50),
        maxConcurrentLocalActivityExecutions: positiveInt('WORKER_MAX_LOCAL_ACTIVITIES', process.env.WORKER_MAX_LOCAL_ACTIVITIES, 100),
        maxConcurrentWorkflowTaskExecutions: positiveInt('WORKER_MAX_WORKFLOW_TASKS', process.env.WORKER_MAX_WORKFLOW_TASKS, 100),
        // Workflows kept in memory between their tasks. The SDK's default grows with the heap limit
        // (some 2,300 on this machine's 4 GiB heap: a worker past 1 GiB with thousands of claims in
        // dunning); a claim that waits days for its next timer gains nothing from staying cached,
        // and an evicted one is replayed from its (short, continue-as-new) history when it wakes.
        maxCachedWorkflows: positiveInt('WORKER_MAX_CACHED_WORKFLOWS', process.env.WORKER_MAX_CACHED_WORKFLOWS, 1000),
      }),
    ),
  );
}

function positiveInt(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, not "${v}"`);
  return n;
}

/** Runs workers until shutdown() is called; resolves when all have stopped. */
export function runWorkers(workers: Worker[]): { done: Promise<void>; shutdown(): void } {
  const done = Promise.all(workers.map((w) => w.run())).then(() => undefined);
  return { done, shutdown: () => workers.forEach((w) => w.shutdown()) };
}
