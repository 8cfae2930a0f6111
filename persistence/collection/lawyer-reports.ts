import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../../infra/db/prisma';
import type { Prisma } from '../../prisma/generated/client';
import type { LawyerReport } from '../../domain/collection/lawyer-report';

/** Where a report came from: a feedback file's line, or staff. */
export interface ReportOrigin {
  lawyerId: string;
  fileId?: string;
  line?: number;
  actor: string;
}

/** The report taken before under this lawyer's line id, if any. */
export function reportByLineId(tx: Tx | Db, lawyerId: string, lineId: string) {
  return tx.lawyerReport.findUnique({ where: { lawyerId_lineId: { lawyerId, lineId } } });
}

/** Records a report (the caller booked what it books in the same transaction); returns its id. */
export async function insertReport(tx: Tx, report: LawyerReport, origin: ReportOrigin): Promise<string> {
  const id = randomUUID();
  await tx.lawyerReport.create({
    data: { id, lawyerId: origin.lawyerId, lineId: report.lineId, fileId: origin.fileId ?? null, line: origin.line ?? null, claimId: report.claimId, kind: report.kind, date: report.date, data: report as unknown as Prisma.InputJsonValue, actor: origin.actor },
  });
  return id;
}

/** The reports taken from a file, in line order (to tell their claims again after a retry). */
export async function reportsOfFile(db: Db, fileId: string): Promise<Array<{ id: string; report: LawyerReport }>> {
  const rows = await db.lawyerReport.findMany({ where: { fileId }, orderBy: { line: 'asc' } });
  return rows.map((r) => ({ id: r.id, report: r.data as unknown as LawyerReport }));
}

/**
 * What is open on the lawyer clearing account per claim the lawyer reported on: money the lawyer
 * collected and has not transferred yet. Claims with nothing open are left out.
 */
export async function openClearingOfLawyer(tx: Tx, lawyerId: string, clearingAccount: string): Promise<Map<string, { clientId: string; cents: number }>> {
  const rows = await tx.$queryRaw<Array<{ claimId: string; clientId: string; cents: bigint }>>`
    SELECT p."claimId", max(p."clientId") AS "clientId", sum(p."amountCents") AS cents FROM "LedgerPosting" p
    WHERE p.account = ${clearingAccount} AND p."claimId" IN (SELECT DISTINCT "claimId" FROM "LawyerReport" WHERE "lawyerId" = ${lawyerId})
    GROUP BY p."claimId" HAVING sum(p."amountCents") > 0 ORDER BY p."claimId"`;
  return new Map(rows.map((r) => [r.claimId, { clientId: r.clientId, cents: Number(r.cents) }]));
}
