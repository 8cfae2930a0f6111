import { randomUUID } from 'node:crypto';
import type { Db } from '../../infra/db/prisma';
import type { DocumentStore } from '../../infra/dms/document-store';
import { writePrintBatch } from '../../infra/channels/print';
import { documentContent } from './archive';
import type { PrintRunResult } from '../../contracts/documents/delivery-outcome';

/**
 * One print run: every letter QUEUED_FOR_PRINT (of the given clients, or all) becomes one batch
 * in the print drop folder, then PRINTED with the batch id. The batch is claimed in the database
 * before any file is written, so a run retried after a crash finishes the same batch (it is still
 * OPEN) instead of printing its letters twice. Returns null when nothing waits.
 */
export async function runPrintBatch(db: Db, store: DocumentStore, dropDir: string, clientIds?: string[]): Promise<PrintRunResult | null> {
  const batch = (await db.printBatch.findFirst({ where: { status: 'OPEN' }, orderBy: { createdAt: 'asc' } })) ?? (await openBatch(db, clientIds));
  if (!batch) return null;
  const docs = await db.document.findMany({ where: { printBatchId: batch.id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  const items = [];
  for (const doc of docs) items.push({ documentId: doc.id, fileName: doc.fileName ?? `${doc.id}.pdf`, recipient: doc.recipient, pdf: await documentContent(store, doc) });
  const folder = writePrintBatch(dropDir, batch.id, items);
  await db.$transaction([
    db.printBatch.update({ where: { id: batch.id }, data: { status: 'WRITTEN', folder, writtenAt: new Date(), documentCount: docs.length } }),
    db.document.updateMany({ where: { printBatchId: batch.id }, data: { status: 'PRINTED', sentAt: new Date(), externalRef: batch.id } }),
    db.deliveryAttempt.updateMany({ where: { documentId: { in: docs.map((d) => d.id) }, channel: 'post' }, data: { status: 'PRINTED', externalRef: batch.id } }),
  ]);
  return { batchId: batch.id, folder, documentCount: docs.length };
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
