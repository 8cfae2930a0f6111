import { renderDocument } from '../../documents/render-document';
import { sampleRequest } from '../../documents/sample-documents';
import type { DocumentKind } from '../../domain/documents/document-kind';
import { pdfText } from './documents-pdf-text';

async function textOf(kind: DocumentKind, rows = 3) {
  const r = await renderDocument(sampleRequest(kind, 0, rows));
  return { ...r, ...(await pdfText(r.pdf)) };
}

describe('client journals as PDF', () => {
  it('receipt confirmation: counts and every rejection with its reason', async () => {
    const { text } = await textOf('receipt_confirmation');
    expect(text).toContain('Übernommen: 2 (Summe 246,90 €), abgelehnt: 1, bereits eingereicht: 0 von 3 Datensätzen.');
    expect(text).toContain('Hinweis zur Datei: encoding: the file declares ISO-8859-15, but its bytes are UTF-8');
    expect(text).toContain('Hinweis: totalCents: invoice total: the file states 123,46 EUR');
    expect(text).toMatch(/2\s+F-2\s+Jörg Weiß 1\s+abgelehnt/);
    expect(text).toContain('Grund: lines[1].factor: factor 3.6 above the maximum 3.5 of GOÄ 5');
    expect(text).toMatch(/1\s+F-1\s+Jörg Weiß 0\s+übernommen\s+RE2000000055/);
  });

  it('purchase journal: claims bought, discount and price', async () => {
    const { text } = await textOf('purchase_journal');
    expect(text).toContain('Der Abschlag beträgt 3,5 % des Forderungsbetrags.');
    expect(text).toMatch(/RE2000000155\s+Jörg Weiß 1\s+Ankauf\s+24\.11\.2026\s+100,01 €\s+3,50 €\s+96,51 €/);
    expect(text).toMatch(/Summe Kaufpreis\s+289,53 €/);
  });

  it('outgoing invoice journal', async () => {
    const { text } = await textOf('outgoing_invoice_journal');
    expect(text).toMatch(/Summe \(3 Rechnungen\)\s+3\.703,68 €/);
  });

  it('client invoice with VAT stated', async () => {
    const { text } = await textOf('client_invoice');
    expect(text).toMatch(/Summe netto\s+90,00 €/);
    expect(text).toMatch(/zzgl\. Umsatzsteuer 19 %\s+17,10 €/);
    expect(text).toMatch(/Rechnungsbetrag brutto\s+107,10 €/);
    expect(text).toContain('6 % der eingezogenen Beträge');
  });

  it('payout journal', async () => {
    const { text } = await textOf('payout_journal');
    expect(text).toContain('am 30.11.2026 überweisen wir Ihnen 289,50 € auf Ihr Konto DE02 1203 0000 0000 2020 51');
    expect(text).toMatch(/Auszahlungsbetrag\s+289,50 €/);
  });

  it('collection request', async () => {
    const { text } = await textOf('collection_request');
    expect(text).toMatch(/RE2000000055\s+Jörg Weiß 0\s+01\.08\.2026\s+3\s+272,97 €\s+7,50 €\s+280,47 €/);
    expect(text).toMatch(/Offen insgesamt\s+841,41 €/);
    expect(text).toMatch(/Antwort bis\s+10\.12\.2026/);
  });

  it('write-off notice: who found the claim uncollectable, the amounts written off and who bears them', async () => {
    const lawyer = await textOf('write_off_notice');
    expect(lawyer.text).toContain('der beauftragte Rechtsanwalt hat uns am 01.12.2026 mitgeteilt, dass die Forderung aus der Rechnung RE2000000055');
    expect(lawyer.text).toMatch(/Ausgebucht insgesamt\s+368,13 €/);
    const sample = sampleRequest('write_off_notice');
    if (sample.kind !== 'write_off_notice') throw new Error(`a ${sample.kind} sample`);
    const staff = await renderDocument({ ...sample, decidedBy: 'staff', reason: 'Beitreibung unwirtschaftlich' });
    const { text } = await pdfText(staff.pdf);
    expect(text).toContain('wir haben am 01.12.2026 entschieden, die Forderung aus der Rechnung RE2000000055');
    expect(text).toContain('nicht weiter zu verfolgen. Grund: Beitreibung unwirtschaftlich.');
    expect(text).not.toContain('Rechtsanwalt hat uns');
  });

  it("goes out in the centre's letterhead to the client's address", async () => {
    const { items } = await textOf('payout_journal');
    expect(items.find((i) => i.page === 1 && i.str.includes('z. Hd. Abrechnung'))).toBeDefined();
    expect(items.some((i) => i.str.includes('Abrechnung durch'))).toBe(false);
    // The centre's account in the footer, not the trust account patients pay to.
    expect(items.some((i) => i.str.includes('DE12 5001 0517 0648 4898 90'))).toBe(true);
    expect(items.some((i) => i.str.includes('PVS Süd Treuhandkonto'))).toBe(false);
  });

  it('a long journal repeats its header row on every page', async () => {
    const { text, pages } = await textOf('outgoing_invoice_journal', 150);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(text.match(/Rechnungsnr\.\s+Datum\s+Patient\/in\s+fällig am\s+Betrag/g)!.length).toBe(pages);
    expect(text).toContain(`Seite ${pages} von ${pages}`);
    expect(text).toMatch(/Summe \(150 Rechnungen\)\s+185\.184,00 €/);
  });
});
