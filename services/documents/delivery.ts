import type { ServiceDeps } from '../service-deps';
import type { Db } from '../../infra/db/prisma';
import type { Mailer } from '../../infra/mailer';
import type { RenderedDocument as Rendered } from '../../documents/render-document';
import { renderMail } from '../../documents/layout';
import { chooseChannel, type Recipient } from '../../domain/documents/choose-channel';
import { messageIdFor, sendEmail } from '../../infra/channels/email';
import { startSendDocumentWorkflow } from '../../contracts/client/workflow-starts';
import type { DeliveryOutcome } from '../../contracts/documents/delivery-outcome';
import { sha256Hex } from '../../domain/sha256';
import { audit } from '../../persistence/audit';
import { documentByKey, documentOrThrow, type DocumentRow } from '../../persistence/documents/archive';
import { documentPolicy } from '../../persistence/documents/document-policy';
import { emailAccepted, emailRefused, startEmailAttempt } from '../../persistence/documents/email-attempts';
import { startFaxing } from '../../persistence/documents/fax-attempts';
import { queueForPrint } from '../../persistence/documents/print-queue';
import { recipientOf } from '../../persistence/documents/recipients';
import { holdDocument, isRestricted } from '../../persistence/persons/restriction';
import { archiveDocument, documentContent } from './archive';
import { addressee, archiveRequest, pdfOf } from './archive-request';

/**
 * What delivering needs: the database, the archive, the mail server, the fax provider (when one
 * is configured), Temporal for fax jobs (sendDocumentWorkflow runs on the claims queue).
 */
export type DeliveryDeps = Pick<ServiceDeps, 'db' | 'mailer' | 'documents' | 'fax' | 'temporal' | 'queues'>;

/** A rendered document: the PDF and the email that carries it. */
export type RenderedDocument = Pick<Rendered, 'pdf' | 'mail' | 'fileName'>;

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
}

/**
 * Delivers a document exactly once: rendered content is archived first under the idempotency key
 * (PREPARED, content in the document store), then sent through its channel, then marked. A retry
 * finds the document past PREPARED and sends nothing; a crash between archive and send sends the
 * archived document, never a second rendering.
 */
export async function deliverDocument(deps: DeliveryDeps, d: Delivery): Promise<DeliveryOutcome> {
  const existing = await documentByKey(deps.db, d.idempotencyKey);
  if (existing && existing.status !== 'PREPARED') return existing.status === 'FAXING' ? 'FAXING' : 'ALREADY_DONE';
  const rendered = await d.render();
  const policy = await documentPolicy(deps.db, d.clientId);
  const channel = chooseChannel(d.recipient, d.kind, deps.fax ? policy.faxKinds : []);
  const doc =
    existing ??
    (await archiveDocument(
      deps.db,
      deps.documents,
      archiveRequest({ idempotencyKey: d.idempotencyKey, kind: d.kind, claimId: d.claimId, clientId: d.clientId, retentionYears: policy.retentionYears }, addressee(d.recipient, channel), pdfOf(rendered)),
    ));
  // After a crash between archive and send, what goes out is what was archived, not a new rendering.
  const pdf = doc.sha256 === sha256Hex(rendered.pdf) ? rendered.pdf : await documentContent(deps.documents, doc);
  return dispatch(deps, doc, { ...rendered, pdf, from: d.from, postal: d.recipient.postal });
}

/**
 * Sends an archived PREPARED document through its channel: email now, fax by a workflow
 * (sendDocumentWorkflow), post by queueing it for the next print run; holds it while the person
 * it is for is restricted.
 */
export async function dispatch(deps: DeliveryDeps, doc: DocumentRow, content: RenderedDocument & { from: string; postal: string }): Promise<DeliveryOutcome> {
  if (doc.status === 'FAXING') return 'FAXING';
  if (doc.status !== 'PREPARED') return 'ALREADY_DONE';
  // Art. 18 GDPR: a restricted person's data is only stored; the letter waits for the restriction's end.
  if (doc.personId && (await isRestricted(deps.db, doc.personId))) {
    await holdDocument(deps.db, doc.id);
    return 'HELD';
  }
  if (doc.channel === 'fax' && !deps.fax) {
    await fallBackToPost(deps.db, doc.id, content.postal, 'no fax provider is configured (FAX_URL)');
    return 'QUEUED_FOR_PRINT';
  }
  if (doc.channel === 'fax') {
    await startFaxing(deps.db, doc.id);
    await startSendDocumentWorkflow(deps.temporal, deps.queues, doc.id);
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

/** Sends an archived document (a staff re-send or duplicate) through its channel, under a plain cover mail. */
export async function dispatchArchived(deps: DeliveryDeps & Pick<ServiceDeps, 'centre'>, documentId: string): Promise<DeliveryOutcome> {
  const doc = await documentOrThrow(deps.db, documentId);
  const mail = await renderMail({
    subject: doc.subject,
    paragraphs: ['Sehr geehrte Damen und Herren,', `anbei erhalten Sie das Dokument „${doc.subject}“ als PDF.`, 'Mit freundlichen Grüßen'],
    sender: deps.centre.name,
  });
  const pdf = await documentContent(deps.documents, doc);
  return dispatch(deps, doc, { pdf, mail, fileName: doc.fileName ?? `${doc.id}.pdf`, from: deps.centre.email, postal: await postalAddressOf(deps.db, doc) });
}

/**
 * Emails the document once. The attempt and its Message-ID are recorded before the send, the
 * acceptance right after it: a retry finds the document SENT and sends nothing. Only a crash in
 * the instant between the server's acceptance and that write resends, with the same Message-ID,
 * which receiving servers use to drop the duplicate. Returns the reason when the server refused.
 */
async function emailOnce(db: Db, mailer: Mailer, doc: DocumentRow, content: RenderedDocument & { from: string }): Promise<string | undefined> {
  const messageId = messageIdFor(doc.idempotencyKey);
  await startEmailAttempt(db, doc.id, messageId);
  const result = await sendEmail(mailer, { from: content.from, to: doc.recipient, mail: content.mail, pdf: content.pdf, fileName: content.fileName, messageId });
  if (!result.accepted) {
    await emailRefused(db, doc.id, result.reason);
    return result.reason;
  }
  await emailAccepted(db, doc.id, messageId);
  return undefined;
}

/** A channel failed for good (email refused, fax failed after its retries): the letter goes by post. */
export async function fallBackToPost(db: Db, documentId: string, postal: string, reason: string): Promise<void> {
  await queueForPrint(db, documentId, postal);
  await audit(db, 'system', 'fallback_to_post', 'document', documentId, { reason });
}

/** Where a letter goes when its channel fails: the recipient's postal address. */
export async function postalAddressOf(db: Db, doc: DocumentRow): Promise<string> {
  return (await recipientOf(db, doc))?.postal ?? doc.recipient;
}
