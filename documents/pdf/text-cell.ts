import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

/**
 * Text in a box of the given width. Most cells of a letter fit on one line: those are placed
 * directly (pdfkit's line wrapper, the bulk of rendering time, runs only for text that needs it).
 * Returns the height used. Font and size must be set before.
 */
export function textCell(doc: Doc, text: string, x: number, y: number, width: number, align: 'left' | 'right' = 'left', measureOnly = false): number {
  const w = text.includes('\n') ? Infinity : doc.widthOfString(text);
  if (w <= width) {
    if (!measureOnly) doc.text(text, align === 'right' ? x + width - w : x, y, { lineBreak: false });
    return doc.currentLineHeight(true);
  }
  if (measureOnly) return doc.heightOfString(text, { width });
  doc.text(text, x, y, { width, align });
  return doc.y - y;
}
