import PDFDocument from 'pdfkit';

/**
 * The PDF standard fonts: every viewer has them and pdfkit writes them WinAnsi-encoded, which
 * covers German umlauts, ß and €, so the text layer stays searchable without embedding a font.
 */
export const FONT = 'Helvetica';
export const FONT_BOLD = 'Helvetica-Bold';

type Doc = InstanceType<typeof PDFDocument>;
/** pdfkit's per-document font cache (not in its public types). */
interface FontInternals {
  _fontFamilies?: Record<string, object>;
  _fontCount: number;
  _font: { id: string } | null;
}

let templates: Map<string, object> | undefined;

/** One parsed instance per standard font for the whole process. */
function fontTemplates(): Map<string, object> {
  if (!templates) {
    const doc = new PDFDocument({ autoFirstPage: false }) as unknown as FontInternals & Doc;
    templates = new Map([FONT, FONT_BOLD].map((name) => [name, doc.font(name) && (doc as unknown as FontInternals)._font!]));
  }
  return templates;
}

/**
 * Gives a new document the standard fonts with metrics parsed once per process. pdfkit parses a
 * standard font's AFM metrics (building thousands of kerning pairs) for every document, a fifth
 * of a letter's rendering time; the metrics never change, only the per-document id and object
 * reference do. Should pdfkit's internals change, the document simply keeps its own fonts.
 */
export function shareStandardFonts(doc: Doc): void {
  const d = doc as unknown as FontInternals;
  if (!d._fontFamilies) return;
  for (const [name, template] of fontTemplates()) {
    if (d._fontFamilies[name]) continue;
    const font = Object.assign(Object.create(Object.getPrototypeOf(template) as object) as object, template, { document: doc, id: `F${++d._fontCount}`, dictionary: undefined, embedded: false });
    d._fontFamilies[name] = font;
  }
  doc.font(FONT);
}
