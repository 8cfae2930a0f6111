/**
 * A claim as the lawyer's statement-of-claim file (collection-file.ts) reads it. The letters
 * themselves are rendered by render-document.ts from document-request.ts.
 */
export interface ClaimLetterData {
  invoiceNumber: string;
  centreName: string;
  clientName: string;
  recipientName: string;
  patientName: string;
  treatmentFrom: string;
  treatmentTo: string;
  lines: Array<{ date: string; code: string | null; text: string; factor: string | null; count: number; amountCents: number }>;
  totalCents: number;
  openCents: number;
  dueDate?: string;
}
