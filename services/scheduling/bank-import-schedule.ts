import type { Client } from '@temporalio/client';
import type { Db } from '../../infra/db/prisma';
import { loadSystemPolicy } from '../../persistence/policy';
import { SCHEDULED_WORKFLOW_IDS } from '../../contracts/workflow-ids';
import { ensureSchedule } from './ensure-schedule';

/** Client side, not part of the workflow bundle: registers the daily import at process start. */
export const BANK_IMPORT_SCHEDULE_ID = 'bank-statement-import';

/**
 * Creates the Schedule of the daily SFTP import, or updates it to the policy's cron and this
 * deployment's task queue: safe to run at every start. Runs never overlap; a missed run is not
 * caught up (the next finds every file still in the inbox).
 */
export async function ensureBankImportSchedule(temporal: Client, db: Db, taskQueue: string): Promise<void> {
  const { scheduleCron } = (await loadSystemPolicy(db)).bankImport;
  await ensureSchedule(temporal, { scheduleId: BANK_IMPORT_SCHEDULE_ID, cron: scheduleCron, workflowType: 'sftpBankImportWorkflow', workflowId: SCHEDULED_WORKFLOW_IDS.bankImport, taskQueue, catchupWindow: '1 minute' });
}
