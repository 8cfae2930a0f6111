import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../infra/db/prisma';
import type { Mailer } from '../infra/mailer';
import type { RenderedMail } from '../documents/layout';

export interface Delivery {
  /** One logical document, one key: "invoice:<claim>", "reminder:<claim>:2", ... */
  idempotencyKey: string;
  kind: string;
  claimId?: string;
  clientId?: string;
  /** Email address, or null when the recipient has none: then the letter goes to print. */
  email: string | null;
  postalRecipient: string;
  from: string;
  mail: RenderedMail;
}

export type DeliveryOutcome = 'SENT' | 'QUEUED_FOR_PRINT' | 'ALREADY_DONE';

export interface ArchivedDocument {
  idempotencyKey: string;
  kind: string;
  claimId?: string;
  clientId?: string;
  channel: string;
  recipient: string;
  subject: string;
  mimeType: string;
  content: Buffer;
}

/** Stores a document under its key (PREPARED), unless one with that key is stored already. */
export async function archiveDocument(db: Db, d: ArchivedDocument): Promise<void> {
  const content = new Uint8Array(d.content);
  await db.document.createMany({
    data: [{ ...d, id: randomUUID(), content, sha256: createHash('sha256').update(content).digest('hex') }],
    skipDuplicates: true,
  });
}

/**
 * Sends a document at most once: it is archived first (PREPARED), sent with a Message-ID derived
 * from its key, then marked SENT. A retry finds it SENT and sends nothing.
 */
export async function deliverOnce(db: Db, mailer: Mailer, d: Delivery): Promise<DeliveryOutcome> {
  const existing = await db.document.findUnique({ where: { idempotencyKey: d.idempotencyKey } });
  if (existing && existing.status !== 'PREPARED') return 'ALREADY_DONE';
  if (!existing) {
    await archiveDocument(db, {
      idempotencyKey: d.idempotencyKey,
      kind: d.kind,
      claimId: d.claimId,
      clientId: d.clientId,
      channel: d.email ? 'email' : 'post',
      recipient: d.email ?? d.postalRecipient,
      subject: d.mail.subject,
      mimeType: 'text/html',
      content: Buffer.from(d.mail.html),
    });
  }
  if (!d.email) {
    await db.document.update({ where: { idempotencyKey: d.idempotencyKey }, data: { status: 'QUEUED_FOR_PRINT' } });
    return 'QUEUED_FOR_PRINT';
  }
  const messageId = `<${d.idempotencyKey.replace(/[^A-Za-z0-9.:-]/g, '-')}@claimflow>`;
  await mailer.send({ from: d.from, to: d.email, subject: d.mail.subject, html: d.mail.html, text: d.mail.text, messageId });
  await db.document.update({
    where: { idempotencyKey: d.idempotencyKey },
    data: { status: 'SENT', sentAt: new Date(), externalRef: messageId },
  });
  return 'SENT';
}
