import type { Db } from '../../infra/db/prisma';
import type { LawyerFileStatus } from '../../prisma/generated/client';
import type { FileProblem } from '../../domain/exchange-csv';
import { IdPage, pageOf } from '../id-page';
import { newRowId } from '../row-id';

/** Stores a factor's answer file unless the same content (sha256) came from that factor before; returns its id either way. */
export async function storeFactorFile(db: Db, f: { factorId: string; fileName: string; sha256: string; content: Buffer }): Promise<{ fileId: string; duplicate: boolean }> {
  const id = newRowId();
  const { count } = await db.factorFile.createMany({ data: [{ id, ...f, content: new Uint8Array(f.content) }], skipDuplicates: true });
  if (count > 0) return { fileId: id, duplicate: false };
  const existing = await db.factorFile.findUniqueOrThrow({ where: { factorId_sha256: { factorId: f.factorId, sha256: f.sha256 } }, select: { id: true } });
  return { fileId: existing.id, duplicate: true };
}

export function factorFile(db: Db, fileId: string) {
  return db.factorFile.findUniqueOrThrow({ where: { id: fileId } });
}

export async function markFactorFile(db: Db, fileId: string, status: LawyerFileStatus, counts: { answerCount: number; problemCount: number }): Promise<void> {
  await db.factorFile.update({ where: { id: fileId }, data: { status, ...counts, processedAt: new Date() } });
}

/** Keeps what could not be taken for review, once per file and line (a retried read adds nothing). */
export async function quarantineFactorProblems(db: Db, factorId: string, fileId: string, problems: FileProblem[]): Promise<void> {
  await db.factorQuarantine.createMany({
    data: problems.map((p) => ({ id: `${fileId}:${String(p.line).padStart(7, '0')}`, factorId, fileId, fileName: p.file, line: p.line, field: p.field ?? null, reason: p.reason, raw: p.raw ?? null })),
    skipDuplicates: true,
  });
}

/** A page of the factors' quarantine in a stable order (cursor = last id), optionally of one file. */
export function factorQuarantinePage(db: Db, q: IdPage & { fileId?: string }) {
  const page = pageOf(q);
  return db.factorQuarantine.findMany({ ...page, where: { ...page.where, ...(q.fileId ? { fileId: q.fileId } : {}) } });
}
