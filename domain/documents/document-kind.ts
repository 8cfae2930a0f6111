/** Every document the centre renders: patient letters first, then the client journals. */
export const PATIENT_DOCUMENT_KINDS = [
  'invoice',
  'duplicate',
  'redelivery',
  'reminder',
  'installment_agreement',
  'partial_payment',
  'cancellation',
  'credit_note',
  'deferral',
  'fee_statement',
  'statement_of_claim',
  'free_letter',
] as const;

export const CLIENT_JOURNAL_KINDS = [
  'receipt_confirmation',
  'purchase_journal',
  'outgoing_invoice_journal',
  'client_invoice',
  'payout_journal',
  'collection_request',
  'write_off_notice',
] as const;

export const DOCUMENT_KINDS = [...PATIENT_DOCUMENT_KINDS, ...CLIENT_JOURNAL_KINDS] as const;

export type PatientDocumentKind = (typeof PATIENT_DOCUMENT_KINDS)[number];
export type ClientJournalKind = (typeof CLIENT_JOURNAL_KINDS)[number];
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
