import type { Client } from '@temporalio/client';
import type { Db } from '../../infra/db/prisma';
import { loadSystemPolicy } from '../../persistence/policy';
import { SCHEDULED_WORKFLOW_IDS } from '../../contracts/workflow-ids';
import { ensureSchedule } from './ensure-schedule';

export const LIMITATION_SWEEP_SCHEDULE_ID = 'limitation-sweep';

/** Registers the limitation sweep at the system policy's `limitation.sweepCron` at process start; a missed day is made up. */
export async function ensureLimitationSweepSchedule(temporal: Client, db: Db, taskQueue: string): Promise<void> {
  const { sweepCron } = (await loadSystemPolicy(db)).limitation;
  await ensureSchedule(temporal, { scheduleId: LIMITATION_SWEEP_SCHEDULE_ID, cron: sweepCron, workflowType: 'limitationSweepWorkflow', workflowId: SCHEDULED_WORKFLOW_IDS.limitationSweep, taskQueue, catchupWindow: '1 day' });
}
