import PDFDocument from 'pdfkit';
import { FONT, FONT_BOLD, shareStandardFonts } from '../../documents/pdf/fonts';

describe('shared standard fonts', () => {
  it("measure text exactly as pdfkit's own fonts do, kerning included", () => {
    const own = new PDFDocument({ autoFirstPage: false });
    const shared = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
    shareStandardFonts(shared);
    const texts = ['AVATAR Tÿ LT Wa Yo', 'Größer, Jürgen-Bärbel: 1.234,56 €', 'Begründung für Faktor 3,50'];
    for (const font of [FONT, FONT_BOLD]) {
      for (const t of texts) {
        const expected = own.font(font).fontSize(10).widthOfString(t);
        expect(shared.font(font).fontSize(10).widthOfString(t)).toBeCloseTo(expected, 10);
      }
    }
    // Kerning is applied: "AV" is narrower than A and V apart.
    expect(shared.font(FONT).widthOfString('AV')).toBeLessThan(shared.widthOfString('A') + shared.widthOfString('V'));
  });

  it('gives every document its own font objects (ids and references are per document)', () => {
    const a = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
    const b = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
    shareStandardFonts(a);
    shareStandardFonts(b);
    const fa = (a.font(FONT_BOLD) as unknown as { _font: { document: unknown } })._font;
    const fb = (b.font(FONT_BOLD) as unknown as { _font: { document: unknown } })._font;
    expect(fa).not.toBe(fb);
    expect(fa.document).toBe(a);
    expect(fb.document).toBe(b);
  });
});
