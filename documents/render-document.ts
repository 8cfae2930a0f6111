/**
 * The one entry point for rendering a document: pure data in (DocumentRequest, see
 * document-request.ts; persistence/documents/ loads it), the PDF, the cover email and the
 * attachment's file name out. Sending and archiving are the channels' business.
 */
import type { DocumentRequest } from '../domain/documents/document-request';
import type { LetterSpec } from './letter-spec';
import { renderMail, type RenderedMail } from './layout';
import { coverMail } from './cover-mail';
import { renderLetterPdf } from './pdf/render-letter-pdf';
import { invoiceLetter } from './invoice';
import { dunningLetter } from './dunning-letter';
import { installmentAgreementLetter } from './installment-agreement';
import { partialPaymentLetter } from './partial-payment-letter';
import { cancellationLetter } from './cancellation-letter';
import { creditNoteLetter } from './credit-note-letter';
import { deferralLetter } from './deferral-letter';
import { feeStatement } from './fee-statement';
import { statementOfClaim } from './statement-of-claim';
import { freeLetter } from './free-letter';
import { receiptConfirmation } from './journals/receipt-confirmation';
import { purchaseJournal } from './journals/purchase-journal';
import { outgoingInvoiceJournal } from './journals/outgoing-invoice-journal';
import { clientInvoice } from './journals/client-invoice';
import { payoutJournal } from './journals/payout-journal';
import { collectionRequest } from './journals/collection-request';
import { writeOffNotice } from './journals/write-off-notice';

export type { DocumentRequest } from '../domain/documents/document-request';
export type { RenderedMail } from './layout';

export interface RenderedDocument {
  pdf: Buffer;
  mail: RenderedMail;
  fileName: string;
  subject: string;
}

/** The layout of a document as data: what the PDF and the email are drawn from. */
export function letterSpec(doc: DocumentRequest): LetterSpec {
  switch (doc.kind) {
    case 'invoice':
    case 'duplicate':
    case 'redelivery':
      return invoiceLetter(doc);
    case 'reminder':
      return dunningLetter(doc);
    case 'installment_agreement':
      return installmentAgreementLetter(doc);
    case 'partial_payment':
      return partialPaymentLetter(doc);
    case 'cancellation':
      return cancellationLetter(doc);
    case 'credit_note':
      return creditNoteLetter(doc);
    case 'deferral':
      return deferralLetter(doc);
    case 'fee_statement':
      return feeStatement(doc);
    case 'statement_of_claim':
      return statementOfClaim(doc);
    case 'free_letter':
      return freeLetter(doc);
    case 'receipt_confirmation':
      return receiptConfirmation(doc);
    case 'purchase_journal':
      return purchaseJournal(doc);
    case 'outgoing_invoice_journal':
      return outgoingInvoiceJournal(doc);
    case 'client_invoice':
      return clientInvoice(doc);
    case 'payout_journal':
      return payoutJournal(doc);
    case 'collection_request':
      return collectionRequest(doc);
    case 'write_off_notice':
      return writeOffNotice(doc);
  }
}

export async function renderDocument(doc: DocumentRequest): Promise<RenderedDocument> {
  const spec = letterSpec(doc);
  const [pdf, mail] = await Promise.all([renderLetterPdf(spec), renderMail(coverMail(spec))]);
  return { pdf, mail, fileName: spec.fileName, subject: spec.subject };
}
