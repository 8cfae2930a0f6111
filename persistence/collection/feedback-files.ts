import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../../infra/db/prisma';
import type { LawyerFileStatus } from '../../prisma/generated/client';
import type { FileProblem } from '../../domain/exchange-csv';
import { IdPage, pageOf } from '../id-page';

/**
 * Stores a lawyer's feedback file unless the same content (sha256) came from that lawyer before;
 * returns the file's id either way and whether it is new.
 */
export async function storeFeedbackFile(db: Db, f: { lawyerId: string; fileName: string; sha256: string; content: Buffer }): Promise<{ fileId: string; duplicate: boolean }> {
  const id = randomUUID();
  const n = await db.$executeRaw`INSERT INTO "LawyerFeedbackFile" (id, "lawyerId", "fileName", sha256, content)
      VALUES (${id}, ${f.lawyerId}, ${f.fileName}, ${f.sha256}, ${new Uint8Array(f.content)}) ON CONFLICT ("lawyerId", sha256) DO NOTHING`;
  if (n > 0) return { fileId: id, duplicate: false };
  const existing = await db.lawyerFeedbackFile.findUniqueOrThrow({ where: { lawyerId_sha256: { lawyerId: f.lawyerId, sha256: f.sha256 } }, select: { id: true } });
  return { fileId: existing.id, duplicate: true };
}

export function feedbackFile(db: Db, fileId: string) {
  return db.lawyerFeedbackFile.findUniqueOrThrow({ where: { id: fileId } });
}

/** Records how the file was read (each report taken in its own transaction before). */
export async function markFeedbackFile(db: Db, fileId: string, status: LawyerFileStatus, counts: { reportCount: number; duplicateCount: number; problemCount: number }): Promise<void> {
  await db.lawyerFeedbackFile.update({ where: { id: fileId }, data: { status, ...counts, processedAt: new Date() } });
}

/**
 * Keeps what could not be taken for review; a problem recorded before (a retried run) is kept once.
 * Ids are the file and the line, so the listing (in id order) shows a file's lines in order.
 */
export async function quarantineProblems(db: Db, lawyerId: string, fileId: string, problems: FileProblem[]): Promise<void> {
  await db.collectionQuarantine.createMany({
    data: problems.map((p) => ({ id: `${fileId}:${String(p.line).padStart(7, '0')}`, lawyerId, fileId, fileName: p.file, line: p.line, field: p.field ?? null, reason: p.reason, raw: p.raw ?? null })),
    skipDuplicates: true,
  });
}

/** A page of the quarantine in a stable order (cursor = last id), optionally of one file. */
export function quarantinePage(db: Db, q: IdPage & { fileId?: string }) {
  const page = pageOf(q);
  return db.collectionQuarantine.findMany({ ...page, where: { ...page.where, ...(q.fileId ? { fileId: q.fileId } : {}) } });
}
