import type PDFDocument from 'pdfkit';
import type { LetterHeadData, PostalAddress } from '../../domain/documents/document-request';
import { formatDate } from '../../domain/format';
import { ADDRESS_TEXT_WIDTH, ADDRESS_TEXT_X, FOLD_MARKS, HOLE_MARK, INFO_BLOCK, LETTERHEAD_HEIGHT, MARGIN, PAGE, RECIPIENT_Y, RETURN_LINE_Y, mm } from './din5008';
import { FONT, FONT_BOLD } from './fonts';
import { textCell } from './text-cell';

type Doc = InstanceType<typeof PDFDocument>;

/** The recipient's lines as they go into the window (country only when abroad). */
export function addressLines(a: PostalAddress): string[] {
  return [
    ...(a.salutation ? [a.salutation] : []),
    a.name,
    ...(a.extraLines ?? []),
    a.street,
    `${a.postalCode} ${a.city}`,
    ...(a.country && a.country !== 'DE' ? [a.country] : []),
  ];
}

const HEAD_WIDTH = mm(110);

/**
 * The sender's name at the largest size (14 pt down to 10 pt) at which it takes at most two lines
 * of the head's width; the lines under it move down with it, so no name covers the address.
 */
function nameSize(doc: Doc, name: string): number {
  let size = 14;
  const fits = () => doc.font(FONT_BOLD).fontSize(size).heightOfString(name, { width: HEAD_WIDTH }) <= 2 * doc.currentLineHeight(true) + 1;
  while (size > 10 && !fits()) size -= 0.5;
  return size;
}

/** Name, address and (for the client) logo in the letterhead band. */
function drawLetterhead(doc: Doc, h: LetterHeadData, from: 'client' | 'centre'): void {
  const c = from === 'client' ? h.client : h.centre;
  doc.font(FONT_BOLD).fontSize(nameSize(doc, c.name)).text(c.name, MARGIN.left, mm(15), { width: HEAD_WIDTH, height: mm(16), ellipsis: true });
  const below = Math.max(doc.y + mm(1), mm(22));
  doc.font(FONT).fontSize(9).text(`${c.street} · ${c.postalCode} ${c.city}`, MARGIN.left, below, { width: HEAD_WIDTH, lineBreak: false });
  if (from === 'client') doc.text(`Abrechnung durch ${h.centre.name}`, MARGIN.left, below + mm(5), { width: HEAD_WIDTH, lineBreak: false });
  const logo = from === 'client' ? h.client.logo : undefined;
  if (logo) doc.image(Buffer.from(logo.buffer, logo.byteOffset, logo.byteLength), mm(150), mm(10), { fit: [mm(40), LETTERHEAD_HEIGHT - mm(20)], align: 'right' });
}

/** Return address line and recipient inside the DIN 5008 window. */
function drawAddress(doc: Doc, h: LetterHeadData): void {
  const ce = h.centre;
  const line = `${ce.name} · ${ce.street} · ${ce.postalCode} ${ce.city}`;
  // The return line must stay one line inside the window: a long name gets a smaller font.
  let size = 7;
  while (size > 5 && doc.font(FONT).fontSize(size).widthOfString(line) > ADDRESS_TEXT_WIDTH) size -= 0.5;
  doc.text(line, ADDRESS_TEXT_X, RETURN_LINE_Y, {
    width: ADDRESS_TEXT_WIDTH,
    lineBreak: false,
    underline: true,
  });
  doc.fontSize(10).text(addressLines(h.recipient).join('\n'), ADDRESS_TEXT_X, RECIPIENT_Y, { width: ADDRESS_TEXT_WIDTH, lineGap: 1 });
}

/** Information block right of the address; returns its lower edge. */
function drawInfo(doc: Doc, h: LetterHeadData, info: Array<[string, string]>): number {
  const rows: Array<[string, string]> = [...info, ['Datum', formatDate(h.date)]];
  let y = INFO_BLOCK.y;
  doc.fontSize(8.5);
  doc.font(FONT);
  for (const [label, value] of rows) {
    textCell(doc, label, INFO_BLOCK.x, y, mm(29));
    y += Math.max(textCell(doc, value, INFO_BLOCK.x + mm(30), y, INFO_BLOCK.width - mm(30)), mm(4));
  }
  return y;
}

function drawMarks(doc: Doc): void {
  doc.save().lineWidth(0.3).strokeColor('#888888');
  for (const y of [...FOLD_MARKS, HOLE_MARK]) doc.moveTo(mm(3), y).lineTo(y === HOLE_MARK ? mm(9) : mm(7), y).stroke();
  doc.restore();
}

/** Draws the first page's head (form B); returns where the subject may start at the earliest. */
export function drawFirstPageHead(doc: Doc, h: LetterHeadData, from: 'client' | 'centre', info: Array<[string, string]>): number {
  drawLetterhead(doc, h, from);
  drawAddress(doc, h);
  drawMarks(doc);
  const infoBottom = drawInfo(doc, h, info);
  doc.x = MARGIN.left;
  return Math.min(infoBottom, PAGE.height);
}
