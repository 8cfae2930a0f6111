import { randomUUID } from 'node:crypto';
import type { Db } from '../../infra/db/prisma';
import type { DocumentRow } from './archive';

/** Queues a document for the next print run: it goes by post to `postal`. */
export async function queueForPrint(db: Db, documentId: string, postal: string): Promise<void> {
  const attempt = { documentId, channel: 'post', attempt: 1 };
  await db.$transaction([
    db.deliveryAttempt.upsert({ where: { documentId_channel_attempt: attempt }, create: { ...attempt, id: randomUUID(), status: 'QUEUED' }, update: {} }),
    db.document.update({ where: { id: documentId }, data: { status: 'QUEUED_FOR_PRINT', channel: 'post', recipient: postal } }),
  ]);
}

/**
 * The batch a print run writes: one still OPEN (a run that crashed before writing it), else a new
 * one claiming every letter QUEUED_FOR_PRINT (of the given clients, or all); null when none waits.
 */
export async function claimPrintBatch(db: Db, clientIds?: string[]): Promise<{ id: string } | null> {
  return (await db.printBatch.findFirst({ where: { status: 'OPEN' }, orderBy: { createdAt: 'asc' } })) ?? (await openBatch(db, clientIds));
}

async function openBatch(db: Db, clientIds?: string[]) {
  return db.$transaction(async (tx) => {
    const id = `PB-${new Date().toISOString().slice(0, 10).replace(/-/g, '')}-${randomUUID().slice(0, 8)}`;
    await tx.printBatch.create({ data: { id } });
    const { count } = await tx.document.updateMany({
      where: { status: 'QUEUED_FOR_PRINT', printBatchId: null, ...(clientIds ? { clientId: { in: clientIds } } : {}) },
      data: { printBatchId: id },
    });
    if (count === 0) {
      await tx.printBatch.delete({ where: { id } });
      return null;
    }
    return tx.printBatch.update({ where: { id }, data: { documentCount: count } });
  });
}

/** The letters of a batch, in the order they print. */
export function batchDocuments(db: Db, batchId: string): Promise<DocumentRow[]> {
  return db.document.findMany({ where: { printBatchId: batchId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
}

/** The batch is in the drop folder: it, its letters and their post attempts are PRINTED. */
export async function markBatchWritten(db: Db, batchId: string, folder: string, documentIds: string[]): Promise<void> {
  await db.$transaction([
    db.printBatch.update({ where: { id: batchId }, data: { status: 'WRITTEN', folder, writtenAt: new Date(), documentCount: documentIds.length } }),
    db.document.updateMany({ where: { printBatchId: batchId }, data: { status: 'PRINTED', sentAt: new Date(), externalRef: batchId } }),
    db.deliveryAttempt.updateMany({ where: { documentId: { in: documentIds }, channel: 'post' }, data: { status: 'PRINTED', externalRef: batchId } }),
  ]);
}
