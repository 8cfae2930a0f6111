import path from 'node:path';
import { bundleWorkflowCode, NativeConnection, Worker, WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createClaimActivities } from '../activities/claim-activities';
import { createIntakeActivities } from '../activities/intake-activities';
import type { ActivityDeps } from '../activities/deps';

export const TASK_QUEUE = 'claimflow';

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** The workflow code, bundled once per process (webpack + swc; takes seconds). */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({ workflowsPath: path.resolve(__dirname, '../workflows/index.ts'), logger: undefined });
  return bundle;
}

export function claimflowActivities(deps: ActivityDeps) {
  return { ...createClaimActivities(deps), ...createIntakeActivities(deps) };
}

export type ClaimflowActivities = ReturnType<typeof claimflowActivities>;

/** A worker running every claimflow workflow and activity on one task queue. */
export async function createClaimflowWorker(
  connection: NativeConnection,
  deps: ActivityDeps,
  options: { bundle?: { codePath: string }; activities?: ClaimflowActivities } = {},
): Promise<Worker> {
  return Worker.create({
    connection,
    namespace: 'default',
    taskQueue: deps.taskQueue,
    workflowBundle: options.bundle ?? (await workflowBundle()),
    activities: options.activities ?? claimflowActivities(deps),
    maxConcurrentActivityTaskExecutions: 50,
    maxConcurrentWorkflowTaskExecutions: 100,
  });
}
