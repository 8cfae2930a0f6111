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

/** pdfkit's parsed AFM metrics of a standard font (not in its public types). */
interface AfmMetrics {
  kernPairs?: Record<string, number>;
  glyphWidths?: Record<string, number>;
  getKernPair(left: string, right: string): number;
  widthOfGlyph(glyph: string): number;
}

/**
 * Metric lookups through Maps: pdfkit looks up every glyph pair of every word in an object of
 * thousands of "left\0right" string keys, the largest single cost of laying out text.
 */
function fastLookups(afm: AfmMetrics): void {
  if (!afm.kernPairs || !afm.glyphWidths) return;
  const pairs = new Map<string, Map<string, number>>();
  for (const [key, amount] of Object.entries(afm.kernPairs)) {
    const [left, right] = key.split('\0') as [string, string];
    let byRight = pairs.get(left);
    if (!byRight) pairs.set(left, (byRight = new Map()));
    byRight.set(right, amount);
  }
  const widths = new Map(Object.entries(afm.glyphWidths));
  afm.getKernPair = (left, right) => pairs.get(left)?.get(right) ?? 0;
  afm.widthOfGlyph = (glyph) => widths.get(glyph) ?? 0;
}

let templates: Map<string, object> | undefined;

/** One parsed instance per standard font for the whole process. */
function fontTemplates(): Map<string, object> {
  if (!templates) {
    const doc = new PDFDocument({ autoFirstPage: false }) as unknown as FontInternals & Doc;
    templates = new Map(
      [FONT, FONT_BOLD].map((name) => {
        const font = (doc.font(name) as unknown as FontInternals)._font as { id: string; font?: AfmMetrics };
        if (font.font) fastLookups(font.font);
        return [name, font];
      }),
    );
  }
  return templates;
}

/**
 * Gives a new document the standard fonts with metrics parsed once per process. pdfkit parses a
 * standard font's AFM metrics (building thousands of kerning pairs) for every document, a fifth
 * of a letter's rendering time; the metrics never change, only the per-document id and object
 * reference do. Should pdfkit's internals change, the document simply keeps its own fonts.
 * (Measured with bench/documents.ts: together with fastLookups about half the CPU per letter.)
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
