import type { Db } from '../../infra/db/prisma';

/** A billing file and every record's outcome in file order (without the stored raw record): its receipt. */
export async function billingFileReceipt(db: Db, submissionId: string) {
  const submission = await db.submission.findUnique({ where: { id: submissionId } });
  if (!submission) return null;
  const records = await db.submissionRecord.findMany({ where: { submissionId }, orderBy: { recordNo: 'asc' }, omit: { raw: true } });
  return { submission, records };
}
