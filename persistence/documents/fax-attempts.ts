import { randomUUID } from 'node:crypto';
import type { Db } from '../../infra/db/prisma';

const faxAttempt = (documentId: string, attempt: number) => ({ documentId, channel: 'fax', attempt });

/** A PREPARED document goes by fax: FAXING until its send workflow ends. */
export async function startFaxing(db: Db, documentId: string): Promise<void> {
  await db.document.updateMany({ where: { id: documentId, status: 'PREPARED' }, data: { status: 'FAXING' } });
}

/** The provider's job id of an attempt, once submitted. */
export async function faxJobOf(db: Db, documentId: string, attempt: number): Promise<string | null> {
  const row = await db.deliveryAttempt.findUnique({ where: { documentId_channel_attempt: faxAttempt(documentId, attempt) } });
  return row?.externalRef ?? null;
}

/** The job id of an attempt that must have been made (its row throws when missing). */
export async function madeFaxJobOf(db: Db, documentId: string, attempt: number): Promise<string | null> {
  const row = await db.deliveryAttempt.findUniqueOrThrow({ where: { documentId_channel_attempt: faxAttempt(documentId, attempt) } });
  return row.externalRef;
}

export async function recordFaxJob(db: Db, documentId: string, attempt: number, jobId: string): Promise<void> {
  const key = faxAttempt(documentId, attempt);
  await db.deliveryAttempt.upsert({
    where: { documentId_channel_attempt: key },
    create: { ...key, id: randomUUID(), status: 'QUEUED', externalRef: jobId },
    update: { externalRef: jobId },
  });
}

/** Records how an attempt's job stands; a delivered fax marks the document SENT. */
export async function recordFaxStatus(db: Db, documentId: string, attempt: number, job: { id: string; status: string; reason?: string }): Promise<void> {
  await db.deliveryAttempt.update({ where: { documentId_channel_attempt: faxAttempt(documentId, attempt) }, data: { status: job.status, error: job.reason ?? null } });
  if (job.status === 'DELIVERED') {
    await db.document.updateMany({ where: { id: documentId, status: 'FAXING' }, data: { status: 'SENT', sentAt: new Date(), externalRef: job.id } });
  }
}
