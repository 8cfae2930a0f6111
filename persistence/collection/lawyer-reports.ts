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
