import type PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { Block } from '../letter-spec';
import { MARGIN, PAGE, TEXT_WIDTH, mm } from './din5008';
import { FONT } from './fonts';

type Doc = InstanceType<typeof PDFDocument>;

const SIZE = mm(25);

/**
 * An EPC QR code (GiroCode) drawn as vector squares at the left, its caption beside it; moves to
 * a new page as a whole when it does not fit. Error correction M, as the EPC guideline asks.
 */
export function drawGiroCode(doc: Doc, b: Extract<Block, { type: 'giro_code' }>): void {
  if (doc.y + SIZE > PAGE.height - MARGIN.bottom) doc.addPage();
  const { modules } = QRCode.create(b.payload, { errorCorrectionLevel: 'M' });
  // 4 modules of quiet zone around the code.
  const cell = SIZE / (modules.size + 8);
  const x0 = MARGIN.left + 4 * cell;
  const y0 = doc.y + 4 * cell;
  doc.save().fillColor('black');
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) if (modules.get(row, col)) doc.rect(x0 + col * cell, y0 + row * cell, cell, cell);
  }
  doc.fill().restore();
  const top = doc.y;
  doc.font(FONT).fontSize(8.5).text(b.caption, MARGIN.left + SIZE + mm(4), top + mm(8), { width: TEXT_WIDTH - SIZE - mm(4) });
  doc.x = MARGIN.left;
  doc.y = top + SIZE + mm(2);
}
