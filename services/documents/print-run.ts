import type { Db } from '../../infra/db/prisma';
import type { DocumentStore } from '../../infra/dms/document-store';
import { writePrintBatch } from '../../infra/channels/print';
import { batchDocuments, claimPrintBatch, markBatchWritten } from '../../persistence/documents/print-queue';
import { documentContent } from './archive';
import type { PrintRunResult } from '../../contracts/documents/delivery-outcome';

/**
 * One print run: every letter QUEUED_FOR_PRINT (of the given clients, or all) becomes one batch
 * in the print drop folder, then PRINTED with the batch id. The batch is claimed in the database
 * before any file is written, so a run retried after a crash finishes the same batch (it is still
 * OPEN) instead of printing its letters twice. Returns null when nothing waits.
 */
export async function runPrintBatch(db: Db, store: DocumentStore, dropDir: string, clientIds?: string[]): Promise<PrintRunResult | null> {
  const batch = await claimPrintBatch(db, clientIds);
  if (!batch) return null;
  const docs = await batchDocuments(db, batch.id);
  const items = [];
  for (const doc of docs) items.push({ documentId: doc.id, fileName: doc.fileName ?? `${doc.id}.pdf`, recipient: doc.recipient, pdf: await documentContent(store, doc) });
  const folder = writePrintBatch(dropDir, batch.id, items);
  await markBatchWritten(db, batch.id, folder, docs.map((d) => d.id));
  return { batchId: batch.id, folder, documentCount: docs.length };
}
