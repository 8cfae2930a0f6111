/** SENT (email), FAXING (a sendDocumentWorkflow follows the fax job), QUEUED_FOR_PRINT (post). */
export type DeliveryOutcome = 'SENT' | 'FAXING' | 'QUEUED_FOR_PRINT' | 'ALREADY_DONE';

export interface PrintRunResult {
  batchId: string;
  folder: string;
  documentCount: number;
}
