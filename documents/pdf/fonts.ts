/**
 * The PDF standard fonts: every viewer has them and pdfkit writes them WinAnsi-encoded, which
 * covers German umlauts, ß and €, so the text layer stays searchable without embedding a font.
 */
export const FONT = 'Helvetica';
export const FONT_BOLD = 'Helvetica-Bold';
