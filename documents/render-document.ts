/**
 * The one entry point for rendering a document: pure data in (DocumentRequest, see
 * document-request.ts; store/document-data.ts loads it), the PDF, the cover email and the
 * attachment's file name out. Sending and archiving are the channels' business.
 */
import type { DocumentRequest } from './document-request';
import type { LetterSpec } from './letter-spec';
import { renderMail, type RenderedMail } from './layout';
import { coverMail } from './cover-mail';
import { renderLetterPdf } from './pdf/render-letter-pdf';
import { invoiceLetter } from './invoice';
import { dunningLetter } from './dunning-letter';

export type { DocumentRequest } from './document-request';
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
    default:
      throw new Error(`document kind "${doc.kind}" is not renderable yet`);
  }
}

export async function renderDocument(doc: DocumentRequest): Promise<RenderedDocument> {
  const spec = letterSpec(doc);
  const [pdf, mail] = await Promise.all([renderLetterPdf(spec), renderMail(coverMail(spec))]);
  return { pdf, mail, fileName: spec.fileName, subject: spec.subject };
}
