import type PDFDocument from 'pdfkit';
import type { LetterHeadData } from '../../domain/documents/document-request';
import { FOOTER_Y, MARGIN, TEXT_WIDTH, mm } from './din5008';
import { FONT } from './fonts';

type Doc = InstanceType<typeof PDFDocument>;

/**
 * Footer lines: the centre, the bank account (on patient letters the collection account the claim
 * is paid to, on journals the centre's), the imprint, and on patient letters the client's own lines.
 */
export function footerLines(h: LetterHeadData, from: 'client' | 'centre'): string[] {
  const ce = h.centre;
  const bank = from === 'client' ? h.collectionAccount : ce.bankAccount;
  return [
    [ce.name, `${ce.street}, ${ce.postalCode} ${ce.city}`, ce.phone && `Tel. ${ce.phone}`, ce.email, ce.web].filter(Boolean).join(' · '),
    ...(bank ? [['Bankverbindung: ' + bank.holder, `IBAN ${bank.iban}`, bank.bic && `BIC ${bank.bic}`, bank.bankName].filter(Boolean).join(' · ')] : []),
    ...(ce.imprint.length ? [ce.imprint.join(' · ')] : []),
    ...(from === 'client' ? (h.client.blocks.footerLines ?? []) : []),
  ];
}

/**
 * Draws footer and "Seite x von y" on every buffered page. The bottom margin is lifted while
 * drawing: pdfkit would otherwise start a new page for text below it.
 */
export function drawFooters(doc: Doc, h: LetterHeadData, from: 'client' | 'centre'): void {
  const lines = footerLines(h, from).join('\n');
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.save().lineWidth(0.3).strokeColor('#999999').moveTo(MARGIN.left, FOOTER_Y - mm(2)).lineTo(MARGIN.left + TEXT_WIDTH, FOOTER_Y - mm(2)).stroke().restore();
    doc.font(FONT).fontSize(6.5).fillColor('#444444').text(lines, MARGIN.left, FOOTER_Y, { width: TEXT_WIDTH, align: 'center', lineGap: 0.5 });
    if (range.count > 1) {
      doc.fontSize(8).fillColor('black').text(`Seite ${i - range.start + 1} von ${range.count}`, MARGIN.left, FOOTER_Y - mm(7), { width: TEXT_WIDTH, align: 'right', lineBreak: false });
    }
    doc.fillColor('black');
    doc.page.margins.bottom = bottom;
  }
}
