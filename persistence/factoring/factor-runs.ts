import type { Db, Tx } from '../../infra/db/prisma';

export function factorRun(db: Db | Tx, runId: string) {
  return db.factorRun.findUnique({ where: { id: runId } });
}

export async function insertRun(tx: Tx, r: { id: string; factorId: string; fileName: string }): Promise<void> {
  await tx.factorRun.create({ data: { ...r, content: new Uint8Array(), claimCount: 0, openCents: 0 } });
}

export async function completeRun(tx: Tx, runId: string, content: Buffer, claimCount: number, openCents: number): Promise<void> {
  await tx.factorRun.update({ where: { id: runId }, data: { content: new Uint8Array(content), claimCount, openCents } });
}

export async function markUploaded(db: Db, runId: string): Promise<void> {
  await db.factorRun.updateMany({ where: { id: runId, uploadedAt: null }, data: { uploadedAt: new Date() } });
}
