import type { ServiceDeps } from '../service-deps';
import { renderDocument } from '../../documents/render-document';
import { chooseChannel, type Channel } from '../../domain/documents/choose-channel';
import { audit } from '../../persistence/audit';
import { documentById, type DocumentRow } from '../../persistence/documents/archive';
import { loadClaimDocument } from '../../persistence/documents/claim-document-data';
import { documentPolicy } from '../../persistence/documents/document-policy';
import { recipientOf } from '../../persistence/documents/recipients';
import { documentContent } from './archive';
import { addressee, archiveRequest, type ArchivedFile } from './archive-request';
import { archiveAndSend, staffSendKey, type StaffRequest } from './staff-send';
import { Refusal, doesNotExist } from '../../domain/refusal';

/** A re-send sends a document again as it was; a duplicate sends it marked "Duplikat". */
export type RepeatMode = 'resend' | 'duplicate';

type RepeatDeps = Pick<ServiceDeps, 'db' | 'documents' | 'temporal' | 'queues' | 'centre'>;

/**
 * What a repeat sends. A re-send: the archived content as it was. A duplicate of an invoice:
 * rendered again as the invoice's Duplikat (marked on the PDF); of any other document: the
 * archived content again, marked "Duplikat" in subject and cover mail.
 */
async function repeatedContent(deps: RepeatDeps, mode: RepeatMode, original: DocumentRow): Promise<ArchivedFile> {
  if (mode === 'duplicate' && original.kind === 'INVOICE' && original.claimId) {
    const base = await loadClaimDocument(deps.db, original.claimId, deps.centre);
    const r = await renderDocument({ kind: 'duplicate', head: base.head, claim: base.claim });
    return { content: r.pdf, subject: `Duplikat: ${r.subject}`, fileName: r.fileName, mimeType: original.mimeType };
  }
  return {
    content: await documentContent(deps.documents, original),
    subject: mode === 'duplicate' ? `Duplikat: ${original.subject}` : original.subject,
    fileName: original.fileName ?? `${original.id}.pdf`,
    mimeType: original.mimeType,
  };
}

/**
 * A re-send or a duplicate: a new document under its own key, sent by sendDocumentWorkflow through
 * `channel` (default: chosen by recipient and kind, as for the first send). The same
 * Idempotency-Key answers the document it created before.
 */
export async function repeatDocument(deps: RepeatDeps, mode: RepeatMode, documentId: string, channel: Channel | undefined, request: StaffRequest) {
  const original = await documentById(deps.db, documentId);
  if (!original) throw doesNotExist(`document ${documentId}`);
  const sent = await archiveAndSend(deps, staffSendKey(`${mode}:${original.id}`, request.idempotencyKey), async (idempotencyKey) => {
    const recipient = await recipientOf(deps.db, original);
    if (!recipient) throw new Refusal('unprocessable', 'not_resendable', `document ${original.id} (${original.kind}) has no recipient on record to send it to again`);
    const to = channel ?? chooseChannel(recipient, original.kind, (await documentPolicy(deps.db, original.clientId)).faxKinds);
    if (to === 'email' && !(recipient.email && recipient.emailConsent)) throw new Refusal('unprocessable', 'no_email', `the recipient of document ${original.id} has no email address or did not agree to email`);
    if (to === 'fax' && !recipient.fax) throw new Refusal('unprocessable', 'no_fax', `the recipient of document ${original.id} has no fax number`);
    const links = { idempotencyKey, kind: original.kind, claimId: original.claimId ?? undefined, clientId: original.clientId ?? undefined, sourceId: original.id };
    return archiveRequest(links, addressee(recipient, to), await repeatedContent(deps, mode, original));
  });
  if (sent.created) await audit(deps.db, request.actor, mode, 'document', original.id, { documentId: sent.doc.id, channel: sent.doc.channel });
  return sent;
}
