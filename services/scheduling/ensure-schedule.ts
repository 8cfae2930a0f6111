import { Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import type { Duration } from '@temporalio/common';
import type { WorkflowType } from '../../contracts/client/workflow-types';

/** Client side, not part of the workflow bundle. */
export type ScheduledWorkflow = {
  scheduleId: string;
  workflowType: WorkflowType;
  /** One id for every run: with overlap SKIP, runs never overlap. */
  workflowId: string;
  taskQueue: string;
  /** How long after a missed time (server down) a run is still made up. */
  catchupWindow: Duration;
} & ({ cron: string } | { every: Duration });

/** Creates the Schedule, or updates it to this cron (or interval) and task queue: safe to run at every process start. */
export async function ensureSchedule(temporal: Client, s: ScheduledWorkflow): Promise<void> {
  const spec = 'cron' in s ? { cronExpressions: [s.cron] } : { intervals: [{ every: s.every }] };
  const action = { type: 'startWorkflow' as const, workflowType: s.workflowType, workflowId: s.workflowId, taskQueue: s.taskQueue, args: [] };
  try {
    await temporal.schedule.create({ scheduleId: s.scheduleId, spec, action, policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: s.catchupWindow } });
  } catch (e) {
    if (!(e instanceof ScheduleAlreadyRunning)) throw e;
    await temporal.schedule.getHandle(s.scheduleId).update((prev) => ({ ...prev, spec, action }));
  }
}
