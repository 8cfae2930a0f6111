import type { Db } from '../../infra/db/prisma';

/** The numbers of the records stored already (by an earlier attempt), which a retry skips. */
export async function storedRecordNos(db: Db, submissionId: string): Promise<Set<number>> {
  return new Set((await db.submissionRecord.findMany({ where: { submissionId }, select: { recordNo: true } })).map((r) => r.recordNo));
}

/** The records that did not become a claim (rejected or duplicates), in file order: what the receipt letter spells out. */
export function notAcceptedRecords(db: Db, submissionId: string) {
  return db.submissionRecord.findMany({ where: { submissionId, outcome: { not: 'ACCEPTED' } }, orderBy: { recordNo: 'asc' } });
}
