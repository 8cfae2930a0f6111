import { Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import type { Db } from '../infra/db/prisma';
import { loadSystemPolicy } from '../store/bank-policy';

/** Client side, not part of the workflow bundle: registers the daily import at process start. */
export const BANK_IMPORT_SCHEDULE_ID = 'bank-statement-import';

/**
 * Creates the Schedule of the daily SFTP import, or updates it to the policy's cron and this
 * deployment's task queue: safe to run at every start. Runs never overlap; a missed run is not
 * caught up (the next finds every file still in the inbox).
 */
export async function ensureBankImportSchedule(temporal: Client, db: Db, taskQueue: string): Promise<void> {
  const { scheduleCron } = (await loadSystemPolicy(db)).bankImport;
  const spec = { cronExpressions: [scheduleCron] };
  const action = { type: 'startWorkflow' as const, workflowType: 'sftpBankImportWorkflow', workflowId: 'bank-sftp-import', taskQueue, args: [] };
  try {
    await temporal.schedule.create({ scheduleId: BANK_IMPORT_SCHEDULE_ID, spec, action, policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' } });
  } catch (e) {
    if (!(e instanceof ScheduleAlreadyRunning)) throw e;
    await temporal.schedule.getHandle(BANK_IMPORT_SCHEDULE_ID).update((prev) => ({ ...prev, spec, action }));
  }
}
