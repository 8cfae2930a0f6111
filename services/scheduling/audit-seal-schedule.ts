import type { Client } from '@temporalio/client';
import type { Db } from '../../infra/db/prisma';
import { durationMs } from '../../domain/duration';
import { loadSystemPolicy } from '../../persistence/policy';
import { SCHEDULED_WORKFLOW_IDS } from '../../contracts/workflow-ids';
import { ensureSchedule } from './ensure-schedule';

export const AUDIT_SEAL_SCHEDULE_ID = 'audit-seal';

/** Registers the audit trail's seal every `audit.sealInterval` of the system policy; a missed run is no loss (the next seals everything since). */
export async function ensureAuditSealSchedule(temporal: Client, db: Db, taskQueue: string): Promise<void> {
  const { sealInterval } = (await loadSystemPolicy(db)).audit;
  await ensureSchedule(temporal, { scheduleId: AUDIT_SEAL_SCHEDULE_ID, every: durationMs(sealInterval), workflowType: 'auditSealWorkflow', workflowId: SCHEDULED_WORKFLOW_IDS.auditSeal, taskQueue, catchupWindow: '1 minute' });
}
