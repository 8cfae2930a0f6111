import type { Client } from '@temporalio/client';
import type { Db } from '../../infra/db/prisma';
import { loadSystemPolicy } from '../../persistence/policy';
import { SCHEDULED_WORKFLOW_IDS } from '../../contracts/workflow-ids';
import { ensureSchedule } from './ensure-schedule';

export const PAYOUT_RUN_SCHEDULE_ID = 'payout-runs';

/**
 * Registers the preparation of a payout run at `payout.scheduleCron` of the system policy at
 * process start. It prepares only: staff approve and execute (four eyes).
 */
export async function ensurePayoutRunSchedule(temporal: Client, db: Db, taskQueue: string): Promise<void> {
  const { scheduleCron } = (await loadSystemPolicy(db)).payout;
  await ensureSchedule(temporal, { scheduleId: PAYOUT_RUN_SCHEDULE_ID, cron: scheduleCron, workflowType: 'payoutRunPreparationWorkflow', workflowId: SCHEDULED_WORKFLOW_IDS.payoutRunPreparation, taskQueue, catchupWindow: '1 day' });
}
