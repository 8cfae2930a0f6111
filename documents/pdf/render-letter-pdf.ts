import PDFDocument from 'pdfkit';
import type { Block, LetterSpec } from '../letter-spec';
import { drawFirstPageHead } from './letterhead';
import { drawFooters } from './page-footer';
import { drawTable } from './table';
import { drawGiroCode } from './giro-code';
import { MARGIN, PAGE, SUBJECT_Y, TEXT_WIDTH, mm } from './din5008';
import { FONT, FONT_BOLD, shareStandardFonts } from './fonts';
import { textCell } from './text-cell';

type Doc = InstanceType<typeof PDFDocument>;

/** Right-aligned label/value pairs; moves to a new page as a whole when it does not fit. */
function drawTotals(doc: Doc, rows: Extract<Block, { type: 'totals' }>['rows']): void {
  const height = rows.length * mm(5);
  if (doc.y + height > PAGE.height - MARGIN.bottom) doc.addPage();
  let y = doc.y;
  for (const r of rows) {
    doc.font(r.bold ? FONT_BOLD : FONT).fontSize(9.5);
    textCell(doc, r.label, MARGIN.left, y, mm(133), 'right');
    textCell(doc, r.value, MARGIN.left + mm(135), y, mm(30), 'right');
    y += mm(5);
  }
  doc.x = MARGIN.left;
  doc.y = y + mm(2);
}

function drawBlock(doc: Doc, b: Block): void {
  if (b.type === 'table') return drawTable(doc, b.columns, b.rows);
  if (b.type === 'totals') return drawTotals(doc, b.rows);
  if (b.type === 'giro_code') return drawGiroCode(doc, b);
  doc.font(b.bold ? FONT_BOLD : FONT).fontSize(10).text(b.text, MARGIN.left, doc.y, { width: TEXT_WIDTH, lineGap: 1.5 });
  doc.moveDown(0.6);
}

/** Collects pdfkit's output stream (listening from the start) into one Buffer once the doc ends. */
function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** Renders a letter spec to an A4 PDF (DIN 5008 form B) with a real text layer. */
export function renderLetterPdf(spec: LetterSpec): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    // No default font: shareStandardFonts supplies both fonts without parsing them again.
    font: null as unknown as string,
    // Dated by the letter, not the clock: the same document renders to the same bytes (and hash).
    info: { Title: spec.subject, Author: spec.head.centre.name, Subject: `${spec.head.client.name}: ${spec.subject}`, CreationDate: new Date(spec.head.date) },
  });
  shareStandardFonts(doc);
  const out = collect(doc);
  const headBottom = drawFirstPageHead(doc, spec.head, spec.from, spec.info);
  let y = Math.max(SUBJECT_Y, headBottom + mm(6));
  if (spec.mark) {
    doc.font(FONT_BOLD).fontSize(12).fillColor('#b00000').text(spec.mark.toUpperCase(), MARGIN.left, y, { width: TEXT_WIDTH, characterSpacing: 1 }).fillColor('black');
    y = doc.y + mm(1);
  }
  doc.font(FONT_BOLD).fontSize(11).text(spec.subject, MARGIN.left, y, { width: TEXT_WIDTH });
  doc.moveDown(1.2);
  for (const b of spec.blocks) drawBlock(doc, b);
  drawFooters(doc, spec.head, spec.from);
  doc.end();
  return out;
}
