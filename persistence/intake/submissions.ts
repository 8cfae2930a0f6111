import type { RecordError } from '../../domain/intake/types';
import type { IntakeCounts } from '../../contracts/intake/billing-file-result';
import type { Db } from '../../infra/db/prisma';
import type { Prisma } from '../../prisma/generated/client';

/** A stored billing file as intake works on it (its content is read apart: submission-content.ts). */
export function submissionById(db: Db, submissionId: string) {
  return db.submission.findUniqueOrThrow({ where: { id: submissionId } });
}

/** A stored billing file with the client who sent it: whom its receipt goes to. */
export function submissionWithClient(db: Db, submissionId: string) {
  return db.submission.findUniqueOrThrow({ where: { id: submissionId }, include: { client: true } });
}

/** The file as a whole could not be read: no record is stored. */
export async function markSubmissionRejected(db: Db, submissionId: string, fileErrors: RecordError[]): Promise<void> {
  await db.submission.update({ where: { id: submissionId }, data: { status: 'REJECTED', fileErrors: fileErrors as unknown as Prisma.InputJsonValue, processedAt: new Date() } });
}

/** The total of the claims a billing file's accepted records became, in cents. */
export async function acceptedTotalCents(db: Db, submissionId: string): Promise<number> {
  const sum = await db.claim.aggregate({ where: { submissionId }, _sum: { totalCents: true } });
  return sum._sum.totalCents ?? 0;
}

/**
 * Every record is stored: the submission keeps how many were accepted, rejected and duplicates.
 * notices (an encoding the bytes contradicted, a trailer total that differs) go into fileErrors,
 * which for a processed file are remarks for the receipt, not a refusal.
 */
export async function markSubmissionProcessed(db: Db, submissionId: string, notices: RecordError[] = []): Promise<void> {
  const counts = await submissionRecordCounts(db, submissionId);
  await db.submission.update({
    where: { id: submissionId },
    data: { status: 'PROCESSED', ...(notices.length ? { fileErrors: notices as unknown as Prisma.InputJsonValue } : {}), acceptedCount: counts.accepted, rejectedCount: counts.rejected, duplicateCount: counts.duplicates, processedAt: new Date() },
  });
}

/** How many of the file's stored records were accepted, rejected and duplicates. */
export async function submissionRecordCounts(db: Db, submissionId: string): Promise<IntakeCounts> {
  const counts = await db.submissionRecord.groupBy({ by: ['outcome'], where: { submissionId }, _count: true });
  const count = (o: string) => counts.find((c) => c.outcome === o)?._count ?? 0;
  return { accepted: count('ACCEPTED'), rejected: count('REJECTED'), duplicates: count('DUPLICATE') };
}

export async function submissionCounts(db: Db, submissionId: string): Promise<IntakeCounts> {
  const sub = await submissionById(db, submissionId);
  return { accepted: sub.acceptedCount, rejected: sub.rejectedCount, duplicates: sub.duplicateCount };
}
