import { renderDocument } from '../../documents/render-document';
import { sampleClaim, sampleHead, sampleRequest } from '../../documents/sample-documents';
import { ADDRESS_FIELD } from '../../documents/pdf/din5008';
import { pdfText } from './documents-pdf-text';

describe('invoice PDF', () => {
  it('prints the GOÄ lines, factors, the justification above the threshold, the analog mark and the total', async () => {
    const r = await renderDocument(sampleRequest('invoice'));
    const { text, pages } = await pdfText(r.pdf);
    expect(pages).toBe(1);
    expect(text).toContain('Rechnung RE1000000017');
    expect(text).toMatch(/01\.10\.2026\s+5\s+Symptombezogene Untersuchung\s+3,50\s+1\s+16,32 €/);
    expect(text).toContain('Begründung für Faktor 3,50: erschwerte Untersuchung wegen ausgeprägter Angststörung');
    // Factor 2,30 is the threshold itself: no justification line for it.
    expect(text).not.toContain('Begründung für Faktor 2,30');
    expect(text).toMatch(/3306 A\s+Ästhetische Lasertherapie der Haut\s+2,30\s+2\s+241,38 €/);
    expect(text).toContain('Analoge Bewertung gemäß § 6 Abs. 2 GOÄ');
    expect(text).toMatch(/§ 10\s+Auslagen: Verbandmaterial/);
    expect(text).toMatch(/Rechnungsbetrag\s+272,97 €/);
    expect(text).toContain('bis zum 25.11.2026');
    expect(text).toContain('IBAN DE89 3704 0044 0532 0130 00');
    expect(text).toContain('Verwendungszweck: RE1000000017');
    expect(text).toContain('Amtsgericht Düsseldorf HRB 12345');
    expect(r.fileName).toBe('Rechnung_RE1000000017.pdf');
    expect(r.mail.subject).toBe('Rechnung RE1000000017');
    expect(r.mail.text).toContain('272,97 €');
    expect(r.mail.html).toContain('Rechnung_RE1000000017.pdf');
  });

  it('puts the return line and the recipient inside the DIN 5008 window', async () => {
    const { items } = await pdfText((await renderDocument(sampleRequest('invoice'))).pdf);
    const inWindow = (s: string) => {
      const it = items.find((i) => i.str.includes(s));
      expect(it).toBeDefined();
      return it!.page === 1 && it!.x >= ADDRESS_FIELD.x && it!.x < ADDRESS_FIELD.x + ADDRESS_FIELD.width && it!.y > ADDRESS_FIELD.y && it!.y < ADDRESS_FIELD.y + ADDRESS_FIELD.height;
    };
    for (const s of ['Königsallee 12', 'Jürgen-Bärbel Größer', 'Ährenweg 7', '80331 München']) expect(inWindow(s)).toBe(true);
    expect(inWindow('Rechnungsnummer')).toBe(false);
  });

  it('shows the § 6a reduction per line and in the totals', async () => {
    const claim = sampleClaim();
    claim.inpatientReduction = '25';
    claim.lines = [{ date: '2026-10-01', code: '1', text: 'Beratung', factor: '2.3', count: 1, unitCents: 1072, reductionCents: 268, amountCents: 804 }];
    claim.totalCents = 804;
    const { text } = await pdfText((await renderDocument({ kind: 'invoice', head: sampleHead(), claim })).pdf);
    expect(text).toContain('abzüglich 25 % gemäß § 6a GOÄ: -2,68 €');
    expect(text).toMatch(/Summe der Gebühren und Auslagen\s+10,72 €/);
    expect(text).toMatch(/Minderung 25 % gemäß § 6a GOÄ\s+-2,68 €/);
    expect(text).toMatch(/Rechnungsbetrag\s+8,04 €/);
  });

  it('breaks a long invoice across pages with "Seite x von y" and the header row on every page', async () => {
    const claim = sampleClaim(0, 80);
    const { text, pages } = await pdfText((await renderDocument({ kind: 'invoice', head: sampleHead(), claim })).pdf);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let p = 1; p <= pages; p++) expect(text).toContain(`Seite ${p} von ${pages}`);
    expect(text.match(/Datum\s+GOÄ-Nr\.\s+Leistung\s+Faktor\s+Anzahl\s+Betrag/g)!.length).toBe(pages);
    expect(text).toMatch(/Rechnungsbetrag\s+595,37 €/);
  });

  it('marks the duplicate and gives the re-delivery its cover text', async () => {
    const dup = await renderDocument(sampleRequest('duplicate'));
    expect((await pdfText(dup.pdf)).text).toContain('DUPLIKAT');
    expect(dup.fileName).toBe('Rechnung_Duplikat_RE1000000017.pdf');
    const re = await renderDocument(sampleRequest('redelivery'));
    const t = (await pdfText(re.pdf)).text;
    expect(t).toContain('ZWEITSCHRIFT');
    expect(t).toContain('erneut zu (an Ihre neue Anschrift)');
    expect(re.mail.text).toContain('erneut zu (an Ihre neue Anschrift)');
  });

  it("uses the client's letter blocks", async () => {
    const head = sampleHead();
    head.client.blocks = { openingText: 'Vielen Dank für Ihr Vertrauen in unsere Praxis.', paymentHint: 'Ratenzahlung ist auf Anfrage möglich.', closingText: 'Bei Fragen erreichen Sie uns montags bis freitags.', footerLines: ['Sprechzeiten Mo–Fr 8–12 Uhr'] };
    const { text } = await pdfText((await renderDocument({ kind: 'invoice', head, claim: sampleClaim() })).pdf);
    for (const s of ['Vielen Dank für Ihr Vertrauen in unsere Praxis.', 'Ratenzahlung ist auf Anfrage möglich.', 'Bei Fragen erreichen Sie uns montags bis freitags.', 'Sprechzeiten Mo']) expect(text).toContain(s);
  });

  it('renders the same request to the same bytes whenever it runs (archive by hash)', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-25T10:00:00Z'), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const a = await renderDocument(sampleRequest('reminder'));
      jest.setSystemTime(new Date('2027-03-01T08:30:00Z'));
      const b = await renderDocument(sampleRequest('reminder'));
      expect(b.pdf.equals(a.pdf)).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });
});
