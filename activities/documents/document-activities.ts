import { durationMs } from '../../domain/duration';
import { renderMail } from '../../documents/layout';
import { dispatch, DeliveryDeps, fallBackToPost } from '../../services/documents/delivery';
import { documentContent, documentPolicy } from '../../services/documents/archive';
import { faxStatus, submitFax } from '../../services/documents/fax-delivery';
import { recipientOf } from '../../persistence/documents/recipients';
import { runPrintBatch } from '../../services/documents/print-run';
import type { Services } from '../../services';
import type { ServiceDeps } from '../../services/service-deps';
import type { DeliveryOutcome } from '../../contracts/documents/delivery-outcome';
import type { PrintRunResult } from '../../contracts/documents/delivery-outcome';

/** The activities of sendDocumentWorkflow (fax jobs, staff re-sends) and of the print run. */
export function createDocumentActivities(services: Services) {
  const { deps } = services;
  const { db, documents, fax } = deps;
  const delivery: DeliveryDeps = { db, mailer: deps.mailer, documents, temporal: deps.temporal, faxAvailable: !!fax, queues: deps.queues };

  /** Where a letter goes when its channel fails: the recipient's postal address. */
  const postalAddressOf = async (doc: Parameters<typeof recipientOf>[1] & { recipient: string }) => (await recipientOf(db, doc))?.postal ?? doc.recipient;

  return {
    /** Sends an archived document (a staff re-send or duplicate) through its channel. */
    async dispatchDocument(documentId: string): Promise<DeliveryOutcome> {
      const doc = await db.document.findUniqueOrThrow({ where: { id: documentId } });
      const mail = await renderMail({
        subject: doc.subject,
        paragraphs: ['Sehr geehrte Damen und Herren,', `anbei erhalten Sie das Dokument „${doc.subject}“ als PDF.`, 'Mit freundlichen Grüßen'],
        sender: deps.centre.name,
      });
      const pdf = await documentContent(documents, doc);
      return dispatch(delivery, doc, { pdf, mail, fileName: doc.fileName ?? `${doc.id}.pdf`, from: deps.centre.email, postal: await postalAddressOf(doc) });
    },

    async faxPolicy(documentId: string): Promise<{ maxAttempts: number; retryMs: number; pollMs: number }> {
      const doc = await db.document.findUniqueOrThrow({ where: { id: documentId } });
      const p = await documentPolicy(db, doc.clientId);
      return { maxAttempts: p.faxMaxAttempts, retryMs: durationMs(p.faxRetryInterval), pollMs: durationMs(p.faxPollInterval) };
    },

    submitFax: (documentId: string, attempt: number) => submitFax(db, documents, fax, documentId, attempt),

    faxStatus: (documentId: string, attempt: number) => faxStatus(db, fax, documentId, attempt),

    async faxFailed(documentId: string, reason: string): Promise<void> {
      const doc = await db.document.findUniqueOrThrow({ where: { id: documentId } });
      if (doc.status === 'FAXING') await fallBackToPost(db, documentId, await postalAddressOf(doc), reason);
    },

    runPrintBatch: (clientIds?: string[]): Promise<PrintRunResult | null> => runPrintBatch(db, documents, deps.printDropDir, clientIds),
  };
}

export type DocumentActivities = ReturnType<typeof createDocumentActivities>;
