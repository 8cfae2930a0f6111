import type PDFDocument from 'pdfkit';
import type { TableColumn, TableRow } from '../letter-spec';
import { MARGIN, PAGE, TEXT_WIDTH, mm } from './din5008';
import { FONT, FONT_BOLD } from './fonts';

type Doc = InstanceType<typeof PDFDocument>;

const PAD = mm(1);
const SIZE = 8.5;
const NOTE_SIZE = 7.5;

function rowHeight(doc: Doc, columns: TableColumn[], cells: string[], font: string, note?: string): number {
  doc.font(font).fontSize(SIZE);
  let h = 0;
  columns.forEach((c, i) => (h = Math.max(h, doc.heightOfString(cells[i] ?? '', { width: mm(c.width) - 2 * PAD }))));
  if (note) h += doc.font(FONT).fontSize(NOTE_SIZE).heightOfString(note, { width: TEXT_WIDTH - 2 * PAD }) + PAD;
  return h + 2 * PAD;
}

function drawRow(doc: Doc, columns: TableColumn[], cells: string[], y: number, font: string, note?: string): void {
  let x = MARGIN.left;
  doc.font(font).fontSize(SIZE);
  let bottom = y;
  columns.forEach((c, i) => {
    doc.text(cells[i] ?? '', x + PAD, y + PAD, { width: mm(c.width) - 2 * PAD, align: c.align ?? 'left' });
    bottom = Math.max(bottom, doc.y);
    x += mm(c.width);
  });
  if (note) doc.font(FONT).fontSize(NOTE_SIZE).fillColor('#333333').text(note, MARGIN.left + PAD, bottom + PAD, { width: TEXT_WIDTH - 2 * PAD }).fillColor('black');
}

/** The header row on a grey band. */
function drawHeader(doc: Doc, columns: TableColumn[], y: number): number {
  const headers = columns.map((c) => c.header);
  const h = rowHeight(doc, columns, headers, FONT_BOLD);
  doc.save().rect(MARGIN.left, y, TEXT_WIDTH, h).fill('#e6e6e6').restore();
  drawRow(doc, columns, headers, y, FONT_BOLD);
  return y + h;
}

/**
 * A table that breaks across pages; every page repeats the header row. Rows are never split:
 * a row that does not fit moves whole to the next page.
 */
export function drawTable(doc: Doc, columns: TableColumn[], rows: TableRow[]): void {
  const limit = PAGE.height - MARGIN.bottom;
  let y = drawHeader(doc, columns, doc.y);
  for (const row of rows) {
    const h = rowHeight(doc, columns, row.cells, FONT, row.note);
    if (y + h > limit) {
      doc.addPage();
      y = drawHeader(doc, columns, MARGIN.top);
    }
    drawRow(doc, columns, row.cells, y, FONT, row.note);
    y += h;
    doc.save().lineWidth(0.2).strokeColor('#cccccc').moveTo(MARGIN.left, y).lineTo(MARGIN.left + TEXT_WIDTH, y).stroke().restore();
  }
  doc.x = MARGIN.left;
  doc.y = y + mm(2);
}
