import type { Client } from '@temporalio/client';
import type { Db } from '../../infra/db/prisma';
import { loadSystemPolicy } from '../../persistence/policy';
import { SCHEDULED_WORKFLOW_IDS } from '../../contracts/workflow-ids';
import { ensureSchedule } from './ensure-schedule';

export const BACKUP_SCHEDULE_ID = 'nightly-backup';

/** Registers the nightly backup at `backup.scheduleCron` of the system policy; a missed night is made up within 12 hours. */
export async function ensureBackupSchedule(temporal: Client, db: Db, taskQueue: string): Promise<void> {
  const { scheduleCron } = (await loadSystemPolicy(db)).backup;
  await ensureSchedule(temporal, { scheduleId: BACKUP_SCHEDULE_ID, cron: scheduleCron, workflowType: 'backupWorkflow', workflowId: SCHEDULED_WORKFLOW_IDS.backup, taskQueue, catchupWindow: '12 hours' });
}
