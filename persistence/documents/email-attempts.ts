import { randomUUID } from 'node:crypto';
import type { Db } from '../../infra/db/prisma';

/** A document is emailed once: its one email attempt. */
const emailAttempt = (documentId: string) => ({ documentId, channel: 'email', attempt: 1 });

/** Records the attempt and its Message-ID before the send (kept as it is when recorded already). */
export async function startEmailAttempt(db: Db, documentId: string, messageId: string): Promise<void> {
  const attempt = emailAttempt(documentId);
  await db.deliveryAttempt.upsert({
    where: { documentId_channel_attempt: attempt },
    create: { ...attempt, id: randomUUID(), status: 'SENDING', externalRef: messageId },
    update: {},
  });
}

export async function emailRefused(db: Db, documentId: string, reason: string): Promise<void> {
  await db.deliveryAttempt.update({ where: { documentId_channel_attempt: emailAttempt(documentId) }, data: { status: 'FAILED', error: reason } });
}

/** The server accepted the email: the attempt and the document say so in one transaction. */
export async function emailAccepted(db: Db, documentId: string, messageId: string): Promise<void> {
  await db.$transaction([
    db.deliveryAttempt.update({ where: { documentId_channel_attempt: emailAttempt(documentId) }, data: { status: 'ACCEPTED', error: null } }),
    db.document.update({ where: { id: documentId }, data: { status: 'SENT', sentAt: new Date(), externalRef: messageId } }),
  ]);
}
