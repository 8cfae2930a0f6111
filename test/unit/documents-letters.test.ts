import { renderDocument } from '../../documents/render-document';
import { sampleClaim, sampleClient, sampleHead, sampleLogo, sampleRequest } from '../../documents/sample-documents';
import type { InvoiceRequest } from '../../domain/documents/document-request';
import type { DocumentKind } from '../../domain/documents/document-kind';
import { pdfText } from './documents-pdf-text';

async function textOf(kind: DocumentKind) {
  const r = await renderDocument(sampleRequest(kind));
  return { ...r, text: (await pdfText(r.pdf)).text };
}

describe('patient letters as PDF', () => {
  it('dunning letter: level title, fee, open amount, new date to pay by', async () => {
    const r = await textOf('reminder');
    expect(r.subject).toBe('1. Mahnung zur Rechnung RE1000000017');
    expect(r.text).toMatch(/Mahnstufe\s+2/);
    expect(r.text).toMatch(/Mahngebühr 1\. Mahnung\s+2,50 €/);
    expect(r.text).toMatch(/Offener Betrag\s+275,47 €/);
    expect(r.text).toContain('Bitte überweisen Sie 275,47 € bis zum 09.12.2026');
  });

  it("dunning letter in the client's own wording (template per client)", async () => {
    const head = sampleHead(0);
    head.client.blocks = { dunning: { '1': { title: 'Freundliche Erinnerung', text: 'unsere Praxis hat noch keinen Zahlungseingang verbucht.' } } };
    const r = await renderDocument({ kind: 'reminder', head, claim: sampleClaim(), level: 1, feeCents: 0, costsCents: 0, paidCents: 0, openCents: 27297, payBy: '2026-12-09' });
    const { text } = await pdfText(r.pdf);
    expect(text).toContain('Freundliche Erinnerung zur Rechnung RE1000000017');
    expect(text).toContain('unsere Praxis hat noch keinen Zahlungseingang verbucht.');
    expect(text).not.toContain('Mahngebühr');
  });

  it('installment agreement: the plan table and its sum', async () => {
    const { text } = await textOf('installment_agreement');
    expect(text).toMatch(/1\.\s+01\.12\.2026\s+90,99 €/);
    expect(text).toMatch(/3\.\s+01\.02\.2027\s+90,99 €/);
    expect(text).toMatch(/Summe der Raten\s+272,97 €/);
  });

  it('partial-payment letter: received, paid, remaining', async () => {
    const { text } = await textOf('partial_payment');
    expect(text).toContain('Zahlung von 100,00 € vom 20.11.2026');
    expect(text).toMatch(/Restbetrag\s+172,97 €/);
  });

  it('cancellation letter with credit note and refund', async () => {
    const { text, fileName } = await textOf('cancellation');
    expect(text).toMatch(/Gutschrift GS-2026-0042\s+-272,97 €/);
    expect(text).toMatch(/Erstattung an Sie\s+50,00 €/);
    expect(text).toContain('Behandlung über die Krankenkasse abgerechnet');
    expect(fileName).toBe('Stornierung_und_Gutschrift_RE1000000017.pdf');
  });

  it('payment deferral', async () => {
    const { text } = await textOf('deferral');
    expect(text).toContain('Zahlungsaufschub bis zum 15.01.2027');
  });

  it('fee statement of dunning costs', async () => {
    const { text } = await textOf('fee_statement');
    expect(text).toMatch(/23\.12\.2026\s+Mahngebühr 2\. Mahnung\s+5,00 €/);
    expect(text).toMatch(/Summe der Kosten\s+7,50 €/);
  });

  it('statement of claim: principal, costs, interest, payments, open total', async () => {
    const { text } = await textOf('statement_of_claim');
    expect(text).toMatch(/Hauptforderung Rechnung RE1000000017\s+272,97 €/);
    expect(text).toContain('Verzugszinsen 6,27 % p. a. vom 26.12.2026 bis 25.02.2027');
    expect(text).toMatch(/Zinsen\s+1,87 €/);
    expect(text).toMatch(/Zahlungen\s+-100,00 €/);
    expect(text).toMatch(/Offene Gesamtforderung\s+177,34 €/);
  });

  it('free letter from a template with its placeholders filled', async () => {
    const { text, subject } = await textOf('free_letter');
    expect(subject).toBe('Rückfrage zur Rechnung RE1000000017');
    expect(text).toContain('zur Behandlung von Lütfiye Größer bei Praxis Dr. med. Özlem Müller ist noch 272,97 € offen.');
    expect(text).toMatch(/Vorlage\s+rueckfrage-adresse v2/);
    expect(text).not.toContain('{{');
  });

  it("embeds the client's logo", async () => {
    const head = sampleHead(0);
    head.client.logo = sampleLogo();
    const with_ = await renderDocument({ kind: 'invoice', head, claim: sampleClaim() });
    const without = await renderDocument(sampleRequest('invoice'));
    expect(with_.pdf.includes('/Subtype /Image')).toBe(true);
    expect(without.pdf.includes('/Subtype /Image')).toBe(false);
  });
});

describe('the letterhead', () => {
  it('fits a client name of two lines above its address line, never over it', async () => {
    const name = 'Praxisgemeinschaft Dr. med. Berger & Kollegen für Innere Medizin und Kardiologie';
    const r = await renderDocument({ ...(sampleRequest('invoice') as InvoiceRequest), head: sampleHead(0, sampleClient({ name })) });
    const { text, items } = await pdfText(r.pdf);
    expect(text).toContain(name);
    const onPage1 = items.filter((i) => i.page === 1);
    const nameBottom = Math.max(...onPage1.filter((i) => name.includes(i.str.trim()) && i.y < 120).map((i) => i.y));
    const addressLine = onPage1.find((i) => i.str.startsWith('Lindenstraße 5'))!;
    // Baselines: the address line sits at least one line (9 pt) below the name's last line.
    expect(addressLine.y - nameBottom).toBeGreaterThanOrEqual(9);
  });
});
