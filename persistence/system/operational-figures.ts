import type { Db } from '../../infra/db/prisma';

/** What operators watch besides requests: the queues staff work and the jobs that must keep running. */
export interface OperationalFigures {
  claimsByStage: Array<{ stage: string; count: number }>;
  unclearLines: number;
  /** When the oldest line still waiting for staff was stored; null when the queue is empty. */
  oldestUnclearAt: Date | null;
  payoutRunsAwaitingApproval: number;
  /** Documents not sent whose delivery failed at least once. */
  failedDeliveries: number;
  /** Open claims whose limitation date falls on or before the given day. */
  claimsNearLimitation: number;
  lastBankImportAt: Date | null;
  /** When the nightly backup last succeeded. */
  lastBackupAt: Date | null;
}

/** One round trip per figure, each on an index (claims by stage, lines by status, …): cheap enough per scrape. */
export async function operationalFigures(db: Db, limitationBefore: Date): Promise<OperationalFigures> {
  const [stages, unclear, runs, failed, nearLimitation, lastImport, lastBackup] = await Promise.all([
    db.claim.groupBy({ by: ['stage'], _count: { _all: true } }),
    db.bankLine.aggregate({ where: { status: 'UNCLEAR' }, _count: { _all: true }, _min: { createdAt: true } }),
    db.payoutRun.count({ where: { status: 'PREVIEWED' } }),
    db.$queryRaw<Array<{ n: bigint }>>`SELECT count(DISTINCT d.id) AS n FROM "Document" d JOIN "DeliveryAttempt" a ON a."documentId" = d.id WHERE a.status = 'FAILED' AND d.status <> 'SENT'`,
    db.claim.count({ where: { stage: { not: 'CLOSED' }, limitationDate: { lte: limitationBefore } } }),
    db.auditEvent.aggregate({ where: { entityType: 'bank-file', action: 'import' }, _max: { at: true } }),
    db.auditEvent.aggregate({ where: { entityType: 'backup-archive', action: 'backup' }, _max: { at: true } }),
  ]);
  return {
    claimsByStage: stages.map((s) => ({ stage: s.stage, count: s._count._all })),
    unclearLines: unclear._count._all,
    oldestUnclearAt: unclear._min.createdAt,
    payoutRunsAwaitingApproval: runs,
    failedDeliveries: Number(failed[0]?.n ?? 0),
    claimsNearLimitation: nearLimitation,
    lastBankImportAt: lastImport._max.at,
    lastBackupAt: lastBackup._max.at,
  };
}
