import { deliverDocument } from '../../store/deliver';
import { clientRecipient } from '../../store/recipients';
import { loadReceiptConfirmation } from '../../store/document-data';
import { renderDocument } from '../../documents/render-document';
import { renderMail } from '../../documents/layout';
import { receiptLetter } from '../../documents/receipt-letter';
import { submissionWithClient } from '../../persistence/intake/submissions';
import { notAcceptedRecords } from '../../persistence/intake/submission-records';
import type { ServiceDeps } from '../service-deps';

/** Emails the client its receipt (Eingangsbestätigung) with every rejection spelled out. */
export async function sendReceipt(deps: ServiceDeps, submissionId: string): Promise<void> {
  const { db } = deps;
  const sub = await submissionWithClient(db, submissionId);
  await deliverDocument(
    { db, mailer: deps.mailer, documents: deps.documents, temporal: deps.temporal, faxAvailable: !!deps.fax, queues: deps.queues },
    {
      idempotencyKey: `receipt:${submissionId}`,
      kind: 'RECEIPT',
      clientId: sub.clientId,
      recipient: clientRecipient(sub.client),
      from: deps.centre.email,
      // The PDF is the receipt journal; the email itself spells out every rejection, so the
      // client sees what to correct without opening the attachment.
      render: async () => {
        const rejected = await notAcceptedRecords(db, submissionId);
        const [document, mail] = await Promise.all([renderDocument(await loadReceiptConfirmation(db, submissionId, deps.centre)), renderMail(receiptLetter(deps.centre.name, sub, rejected))]);
        return { ...document, mail };
      },
    },
  );
}
