import type { Client } from '@temporalio/client';
import type { Db } from '../../infra/db/prisma';
import { durationMs } from '../../domain/duration';
import { loadSystemPolicy } from '../../persistence/policy';
import { SCHEDULED_WORKFLOW_IDS } from '../../contracts/workflow-ids';
import { ensureSchedule } from './ensure-schedule';

export const FACTOR_RUN_SCHEDULE_ID = 'refinancing-factor';

/**
 * Registers the run to the refinancing factors (sale, then the answers) every
 * `refinancing.runInterval` of the system policy at process start. Runs never overlap.
 */
export async function ensureFactorRunSchedule(temporal: Client, db: Db, taskQueue: string): Promise<void> {
  const { runInterval } = (await loadSystemPolicy(db)).refinancing;
  await ensureSchedule(temporal, { scheduleId: FACTOR_RUN_SCHEDULE_ID, every: durationMs(runInterval), workflowType: 'factorRunWorkflow', workflowId: SCHEDULED_WORKFLOW_IDS.factorRun, taskQueue, catchupWindow: '1 minute' });
}
