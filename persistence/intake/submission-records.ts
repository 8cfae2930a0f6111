import { Prisma } from '../../prisma/generated/client';
import type { Db } from '../../infra/db/prisma';

/** The numbers of the records stored already (by an earlier attempt), which a retry skips. */
export async function storedRecordNos(db: Db, submissionId: string): Promise<Set<number>> {
  return new Set((await db.submissionRecord.findMany({ where: { submissionId }, select: { recordNo: true } })).map((r) => r.recordNo));
}

/** The records that did not become a claim (rejected or duplicates) or were accepted with warnings, in file order: what the receipt letter spells out. */
export function recordsWithRemarks(db: Db, submissionId: string) {
  return db.submissionRecord.findMany({ where: { submissionId, OR: [{ outcome: { not: 'ACCEPTED' } }, { errors: { not: Prisma.AnyNull } }] }, orderBy: { recordNo: 'asc' } });
}
