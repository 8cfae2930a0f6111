import { clientRecipient } from '../../domain/documents/recipients';
import { loadReceiptConfirmation } from '../../persistence/documents/journal-data';
import type { DocumentsService } from '../documents/documents-service';
import { renderDocument } from '../../documents/render-document';
import { renderMail } from '../../documents/layout';
import { receiptLetter } from '../../documents/receipt-letter';
import { acceptedTotalCents, submissionWithClient } from '../../persistence/intake/submissions';
import { recordsWithRemarks } from '../../persistence/intake/submission-records';
import type { ServiceDeps } from '../service-deps';

/** Emails the client its receipt (Eingangsbestätigung) with every rejection spelled out. */
export async function sendReceipt(deps: Pick<ServiceDeps, 'db' | 'centre'>, documents: DocumentsService, submissionId: string): Promise<void> {
  const { db, centre } = deps;
  const sub = await submissionWithClient(db, submissionId);
  await documents.deliver({
    idempotencyKey: `receipt:${submissionId}`,
    kind: 'RECEIPT',
    clientId: sub.clientId,
    recipient: clientRecipient(sub.client),
    from: centre.email,
    // The PDF is the receipt journal; the email itself spells out every rejection, so the
    // client sees what to correct without opening the attachment.
    render: async () => {
      const [remarked, totalCents] = await Promise.all([recordsWithRemarks(db, submissionId), acceptedTotalCents(db, submissionId)]);
      const [document, mail] = await Promise.all([renderDocument(await loadReceiptConfirmation(db, submissionId, centre)), renderMail(receiptLetter(centre.name, sub, remarked, totalCents))]);
      return { ...document, mail };
    },
  });
}
