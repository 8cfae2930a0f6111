import { proxyActivities } from '@temporalio/workflow';
import type { AuditActivities } from '../../activities/audit/audit-activities';

const act = proxyActivities<AuditActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '5s', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 5 },
});

/** Seals the audit events written since the last run into the hash chain (Schedule `audit-seal`). */
export async function auditSealWorkflow(): Promise<{ sealed: number; length: string; head: string }> {
  return act.sealAuditTrail();
}
