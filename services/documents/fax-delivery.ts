import { randomUUID } from 'node:crypto';
import type { Db } from '../../infra/db/prisma';
import type { DocumentStore } from '../../infra/dms/document-store';
import type { FaxProvider, FaxStatus } from '../../infra/channels/fax';
import { documentContent } from './archive';

/**
 * The fax steps of sendDocumentWorkflow, each idempotent per (document, attempt): an attempt's
 * job is submitted once (its row holds the job id; the provider also dedupes by reference).
 */
export async function submitFax(db: Db, store: DocumentStore, fax: FaxProvider | undefined, documentId: string, attempt: number): Promise<string> {
  const key = { documentId, channel: 'fax', attempt };
  const known = await db.deliveryAttempt.findUnique({ where: { documentId_channel_attempt: key } });
  if (known?.externalRef) return known.externalRef;
  if (!fax) throw new Error(`document ${documentId} is to go by fax, but no fax provider is configured (FAX_URL)`);
  const doc = await db.document.findUniqueOrThrow({ where: { id: documentId } });
  const jobId = await fax.submit({ to: doc.recipient, pdf: await documentContent(store, doc), reference: `${doc.idempotencyKey}#${attempt}` });
  await db.deliveryAttempt.upsert({
    where: { documentId_channel_attempt: key },
    create: { ...key, id: randomUUID(), status: 'QUEUED', externalRef: jobId },
    update: { externalRef: jobId },
  });
  return jobId;
}

/** Asks the provider how an attempt's job stands and records it; a delivered fax marks the document SENT. */
export async function faxStatus(db: Db, fax: FaxProvider | undefined, documentId: string, attempt: number): Promise<{ status: FaxStatus; reason?: string }> {
  const key = { documentId, channel: 'fax', attempt };
  const row = await db.deliveryAttempt.findUniqueOrThrow({ where: { documentId_channel_attempt: key } });
  if (!fax || !row.externalRef) throw new Error(`fax attempt ${attempt} of document ${documentId} has no job to follow`);
  const job = await fax.status(row.externalRef);
  await db.deliveryAttempt.update({ where: { documentId_channel_attempt: key }, data: { status: job.status, error: job.reason ?? null } });
  if (job.status === 'DELIVERED') {
    await db.document.updateMany({ where: { id: documentId, status: 'FAXING' }, data: { status: 'SENT', sentAt: new Date(), externalRef: job.id } });
  }
  return { status: job.status, reason: job.reason };
}
