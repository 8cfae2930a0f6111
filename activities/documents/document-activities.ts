import type { Services } from '../../services';
import type { DeliveryOutcome, PrintRunResult } from '../../contracts/documents/delivery-outcome';

/** The activities of sendDocumentWorkflow (fax jobs, staff re-sends) and of the print run. */
export function createDocumentActivities(services: Services) {
  const { documents } = services;

  return {
    /** Sends an archived document (a staff re-send or duplicate) through its channel. */
    dispatchDocument: (documentId: string): Promise<DeliveryOutcome> => documents.dispatchArchived(documentId),

    faxPolicy: (documentId: string): Promise<{ maxAttempts: number; retryMs: number; pollMs: number }> => documents.faxPolicy(documentId),

    submitFax: (documentId: string, attempt: number) => documents.submitFax(documentId, attempt),

    faxStatus: (documentId: string, attempt: number) => documents.faxStatus(documentId, attempt),

    faxFailed: (documentId: string, reason: string): Promise<void> => documents.faxFailed(documentId, reason),

    runPrintBatch: (clientIds?: string[]): Promise<PrintRunResult | null> => documents.runPrintBatch(clientIds),
  };
}

export type DocumentActivities = ReturnType<typeof createDocumentActivities>;
