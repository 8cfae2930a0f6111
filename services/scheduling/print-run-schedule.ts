import type { Client } from '@temporalio/client';
import type { Db } from '../../infra/db/prisma';
import { documentPolicy } from '../../persistence/documents/document-policy';
import { SCHEDULED_WORKFLOW_IDS } from '../../contracts/workflow-ids';
import { ensureSchedule } from './ensure-schedule';

/**
 * Registers the print run (cron from the system policy's documents section) at process start.
 * Runs never overlap, so one batch is written at a time.
 */
export async function ensurePrintRunSchedule(temporal: Client, db: Db, taskQueue: string): Promise<void> {
  const { printRunCron } = await documentPolicy(db, null);
  await ensureSchedule(temporal, { scheduleId: 'print-run', cron: printRunCron, workflowType: 'printRunWorkflow', workflowId: SCHEDULED_WORKFLOW_IDS.printRun, taskQueue, catchupWindow: '1 hour' });
}
