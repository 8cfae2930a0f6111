/**
 * SENT (email), FAXING (a sendDocumentWorkflow follows the fax job), QUEUED_FOR_PRINT (post),
 * HELD (archived, not sent: the person's data is restricted, Art. 18 GDPR).
 */
export type DeliveryOutcome = 'SENT' | 'FAXING' | 'QUEUED_FOR_PRINT' | 'ALREADY_DONE' | 'HELD';

export interface PrintRunResult {
  batchId: string;
  folder: string;
  documentCount: number;
}
