import type { Client } from '@temporalio/client';
import type { Db } from '../../infra/db/prisma';
import { documentPolicy } from '../../persistence/documents/document-policy';
import { SCHEDULED_WORKFLOW_IDS } from '../../contracts/workflow-ids';
import { ensureSchedule } from './ensure-schedule';

export const JOURNAL_SCHEDULE_ID = 'client-journals-monthly';

/**
 * Registers the monthly client journal run (cron from the system policy's documents section) at
 * process start. Without arguments the run takes the previous calendar month.
 */
export async function ensureJournalRunSchedule(temporal: Client, db: Db, taskQueue: string): Promise<void> {
  const { journalRunCron } = await documentPolicy(db, null);
  await ensureSchedule(temporal, { scheduleId: JOURNAL_SCHEDULE_ID, cron: journalRunCron, workflowType: 'clientJournalRunWorkflow', workflowId: SCHEDULED_WORKFLOW_IDS.journalRun, taskQueue, catchupWindow: '1 day' });
}
