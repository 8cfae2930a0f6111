import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { TaskQueues } from '../../contracts/task-queues';
import { startSendDocumentWorkflow } from '../../contracts/client/workflow-starts';
import type { Db } from '../../infra/db/prisma';
import type { Document } from '../../prisma/generated/client';
import type { Mailer } from '../../infra/mailer';
import type { DocumentStore } from '../../infra/dms/document-store';
import type { RenderedMail } from '../../documents/layout';
import { addressFor, Channel, chooseChannel, Recipient } from '../../domain/documents/choose-channel';
import { messageIdFor, sendEmail } from '../../infra/channels/email';
import { archiveDocument, documentContent, documentPolicy } from './archive';
import { sha256Hex } from '../../domain/sha256';
import { audit } from '../../persistence/audit';
import type { DeliveryOutcome } from '../../contracts/documents/delivery-outcome';

/** What delivering needs: the database, the archive, the mail server, Temporal for fax jobs. */
export interface DeliveryDeps {
  db: Db;
  mailer: Mailer;
  documents: DocumentStore;
  temporal: Client;
  /** Whether a fax provider is configured. */
  faxAvailable: boolean;
  /** sendDocumentWorkflow runs on the claims queue. */
  queues: TaskQueues;
}

/** A rendered document: the PDF and the email that carries it. */
export interface RenderedDocument {
  pdf: Buffer;
  mail: RenderedMail;
  fileName: string;
}

export interface Delivery {
  /** One logical document, one key: "invoice:<claim>", "reminder:<claim>:2", ... */
  idempotencyKey: string;
  kind: string;
  claimId?: string;
  clientId?: string;
  recipient: Recipient;
  from: string;
  /** Renders the document; not called when the key's document went out already. */
  render: () => Promise<RenderedDocument>;
  /** A staff re-send names its channel; otherwise it is chosen by recipient and kind. */
  channel?: Channel;
  sourceId?: string;
}

/**
 * Delivers a document exactly once: rendered content is archived first under the idempotency key
 * (PREPARED, content in the document store), then sent through its channel, then marked. A retry
 * finds the document past PREPARED and sends nothing; a crash between archive and send sends the
 * archived document, never a second rendering.
 */
export async function deliverDocument(deps: DeliveryDeps, d: Delivery): Promise<DeliveryOutcome> {
  const existing = await deps.db.document.findUnique({ where: { idempotencyKey: d.idempotencyKey } });
  if (existing && existing.status !== 'PREPARED') return existing.status === 'FAXING' ? 'FAXING' : 'ALREADY_DONE';
  const rendered = await d.render();
  const policy = await documentPolicy(deps.db, d.clientId);
  const channel = d.channel ?? chooseChannel(d.recipient, d.kind, deps.faxAvailable ? policy.faxKinds : []);
  const doc = existing ?? (await archiveDocument(deps.db, deps.documents, {
    idempotencyKey: d.idempotencyKey,
    kind: d.kind,
    claimId: d.claimId,
    clientId: d.clientId,
    personId: d.recipient.personId,
    channel,
    recipient: addressFor(d.recipient, channel),
    subject: rendered.mail.subject,
    mimeType: 'application/pdf',
    fileName: rendered.fileName,
    content: rendered.pdf,
    sourceId: d.sourceId,
    retentionYears: policy.retentionYears,
  }));
  // After a crash between archive and send, what goes out is what was archived, not a new rendering.
  const pdf = doc.sha256 === sha256Hex(rendered.pdf) ? rendered.pdf : await documentContent(deps.documents, doc);
  return dispatch(deps, doc, { ...rendered, pdf, from: d.from, postal: d.recipient.postal });
}

/**
 * Sends an archived PREPARED document through its channel: email now, fax by a workflow
 * (sendDocumentWorkflow), post by queueing it for the next print run.
 */
export async function dispatch(deps: DeliveryDeps, doc: Document, content: RenderedDocument & { from: string; postal: string }): Promise<DeliveryOutcome> {
  if (doc.status === 'FAXING') return 'FAXING';
  if (doc.status !== 'PREPARED') return 'ALREADY_DONE';
  if (doc.channel === 'fax' && !deps.faxAvailable) {
    await fallBackToPost(deps.db, doc.id, content.postal, 'no fax provider is configured (FAX_URL)');
    return 'QUEUED_FOR_PRINT';
  }
  if (doc.channel === 'fax') {
    await deps.db.document.updateMany({ where: { id: doc.id, status: 'PREPARED' }, data: { status: 'FAXING' } });
    await startSendWorkflow(deps, doc.id);
    return 'FAXING';
  }
  if (doc.channel === 'email') {
    const refused = await emailOnce(deps.db, deps.mailer, doc, content);
    if (!refused) return 'SENT';
    await fallBackToPost(deps.db, doc.id, content.postal, `email to ${doc.recipient} refused: ${refused}`);
    return 'QUEUED_FOR_PRINT';
  }
  await queueForPrint(deps.db, doc.id, doc.recipient);
  return 'QUEUED_FOR_PRINT';
}

/** Starts (once per document) the workflow that follows a fax job through retries and fallback. */
export function startSendWorkflow(deps: Pick<DeliveryDeps, 'temporal' | 'queues'>, documentId: string): Promise<void> {
  return startSendDocumentWorkflow(deps.temporal, deps.queues, documentId);
}

/**
 * Emails the document once. The attempt and its Message-ID are recorded before the send, the
 * acceptance right after it: a retry finds the document SENT and sends nothing. Only a crash in
 * the instant between the server's acceptance and that write resends, with the same Message-ID,
 * which receiving servers use to drop the duplicate. Returns the reason when the server refused.
 */
async function emailOnce(db: Db, mailer: Mailer, doc: Document, content: RenderedDocument & { from: string }): Promise<string | undefined> {
  const messageId = messageIdFor(doc.idempotencyKey);
  const attempt = { documentId: doc.id, channel: 'email', attempt: 1 };
  await db.deliveryAttempt.upsert({
    where: { documentId_channel_attempt: attempt },
    create: { ...attempt, id: randomUUID(), status: 'SENDING', externalRef: messageId },
    update: {},
  });
  const result = await sendEmail(mailer, { from: content.from, to: doc.recipient, mail: content.mail, pdf: content.pdf, fileName: content.fileName, messageId });
  if (!result.accepted) {
    await db.deliveryAttempt.update({ where: { documentId_channel_attempt: attempt }, data: { status: 'FAILED', error: result.reason } });
    return result.reason;
  }
  await db.$transaction([
    db.deliveryAttempt.update({ where: { documentId_channel_attempt: attempt }, data: { status: 'ACCEPTED', error: null } }),
    db.document.update({ where: { id: doc.id }, data: { status: 'SENT', sentAt: new Date(), externalRef: messageId } }),
  ]);
  return undefined;
}

async function queueForPrint(db: Db, documentId: string, postal: string): Promise<void> {
  const attempt = { documentId, channel: 'post', attempt: 1 };
  await db.$transaction([
    db.deliveryAttempt.upsert({ where: { documentId_channel_attempt: attempt }, create: { ...attempt, id: randomUUID(), status: 'QUEUED' }, update: {} }),
    db.document.update({ where: { id: documentId }, data: { status: 'QUEUED_FOR_PRINT', channel: 'post', recipient: postal } }),
  ]);
}

/** A channel failed for good (email refused, fax failed after its retries): the letter goes by post. */
export async function fallBackToPost(db: Db, documentId: string, postal: string, reason: string): Promise<void> {
  await queueForPrint(db, documentId, postal);
  await audit(db, 'system', 'fallback_to_post', 'document', documentId, { reason });
}
