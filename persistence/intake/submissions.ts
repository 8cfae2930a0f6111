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

/** Every record is stored: the submission keeps how many were accepted, rejected and duplicates. */
export async function markSubmissionProcessed(db: Db, submissionId: string): Promise<void> {
  const counts = await db.submissionRecord.groupBy({ by: ['outcome'], where: { submissionId }, _count: true });
  const count = (o: string) => counts.find((c) => c.outcome === o)?._count ?? 0;
  await db.submission.update({
    where: { id: submissionId },
    data: { status: 'PROCESSED', acceptedCount: count('ACCEPTED'), rejectedCount: count('REJECTED'), duplicateCount: count('DUPLICATE'), processedAt: new Date() },
  });
}

export async function submissionCounts(db: Db, submissionId: string): Promise<IntakeCounts> {
  const sub = await submissionById(db, submissionId);
  return { accepted: sub.acceptedCount, rejected: sub.rejectedCount, duplicates: sub.duplicateCount };
}
