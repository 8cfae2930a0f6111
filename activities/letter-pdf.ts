import PDFDocument from 'pdfkit';
import type { RenderedMail } from '../documents/layout';

/**
 * A plain A4 PDF of a letter's text, for the letters documents/render-document.ts does not
 * render yet: every sent document is archived and attached as a PDF.
 */
export function letterPdf(mail: RenderedMail): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4', margin: 70, info: { Title: mail.subject } });
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.font('Helvetica-Bold').fontSize(13).text(mail.subject).moveDown();
    pdf.font('Helvetica').fontSize(10).text(mail.text);
    pdf.end();
  });
}
