import type PDFDocument from 'pdfkit';
import type { TableColumn, TableRow } from '../letter-spec';
import { MARGIN, PAGE, TEXT_WIDTH, mm } from './din5008';
import { FONT, FONT_BOLD } from './fonts';
import { textCell } from './text-cell';

type Doc = InstanceType<typeof PDFDocument>;

const PAD = mm(1);
const SIZE = 8.5;
const NOTE_SIZE = 7.5;

/** Lays out (or only measures) one row with its note; returns its height. */
function layoutRow(doc: Doc, columns: TableColumn[], cells: string[], y: number, font: string, note: string | undefined, measureOnly: boolean): number {
  doc.font(font).fontSize(SIZE);
  let x = MARGIN.left;
  let h = 0;
  columns.forEach((c, i) => {
    h = Math.max(h, textCell(doc, cells[i] ?? '', x + PAD, y + PAD, mm(c.width) - 2 * PAD, c.align, measureOnly));
    x += mm(c.width);
  });
  if (note) {
    doc.font(FONT).fontSize(NOTE_SIZE).fillColor('#333333');
    h += PAD + textCell(doc, note, MARGIN.left + PAD, y + PAD + h + PAD, TEXT_WIDTH - 2 * PAD, 'left', measureOnly);
    doc.fillColor('black');
  }
  return h + 2 * PAD;
}

const rowHeight = (doc: Doc, columns: TableColumn[], cells: string[], font: string, note?: string) => layoutRow(doc, columns, cells, 0, font, note, true);
const drawRow = (doc: Doc, columns: TableColumn[], cells: string[], y: number, font: string, note?: string) => layoutRow(doc, columns, cells, y, font, note, false);

/** The header row on a grey band. */
function drawHeader(doc: Doc, columns: TableColumn[], y: number): number {
  const headers = columns.map((c) => c.header);
  const h = rowHeight(doc, columns, headers, FONT_BOLD);
  // restore() resets the PDF's colour, not pdfkit's record of it, which a text's page break re-applies.
  doc.save().rect(MARGIN.left, y, TEXT_WIDTH, h).fill('#e6e6e6').restore().fillColor('black');
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
