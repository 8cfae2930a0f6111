import { fillTemplate } from '../domain/documents/template-placeholders';
import type { FreeLetterRequest } from '../domain/documents/document-request';
import type { LetterSpec } from './letter-spec';
import { closing, journalInfo, paragraphs, pdfFileName } from './letter-parts';

/** A letter from a template staff edit: placeholders filled, blank lines separate paragraphs. */
export function freeLetter(r: FreeLetterRequest): LetterSpec {
  const { subject, body } = fillTemplate(r.template, r.values);
  const texts = body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return {
    head: r.head,
    from: 'client',
    info: [...(r.invoiceNumber ? [['Rechnungsnummer', r.invoiceNumber] as [string, string]] : []), ...journalInfo(r.head), ['Vorlage', `${r.template.key} v${r.template.version}`]],
    subject,
    blocks: [...paragraphs(...texts), ...closing(r.head)],
    cover: [`anbei erhalten Sie unser Schreiben „${subject}“.`],
    fileName: pdfFileName(r.template.key, r.invoiceNumber ?? r.head.date.slice(0, 10)),
  };
}
