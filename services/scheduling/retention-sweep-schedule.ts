import type { Client } from '@temporalio/client';
import type { Db } from '../../infra/db/prisma';
import { loadSystemPolicy } from '../../persistence/policy';
import { SCHEDULED_WORKFLOW_IDS } from '../../contracts/workflow-ids';
import { ensureSchedule } from './ensure-schedule';

export const RETENTION_SWEEP_SCHEDULE_ID = 'retention-sweep';

/** Registers the retention sweep at the system policy's `retention.sweepCron` at process start; a missed day is made up. */
export async function ensureRetentionSweepSchedule(temporal: Client, db: Db, taskQueue: string): Promise<void> {
  const { sweepCron } = (await loadSystemPolicy(db)).retention;
  await ensureSchedule(temporal, { scheduleId: RETENTION_SWEEP_SCHEDULE_ID, cron: sweepCron, workflowType: 'retentionSweepWorkflow', workflowId: SCHEDULED_WORKFLOW_IDS.retentionSweep, taskQueue, catchupWindow: '1 day' });
}
