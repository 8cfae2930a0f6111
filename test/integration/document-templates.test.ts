import { formatEuro } from '../../domain/format';
import { generatePadnext } from '../../bench/gen/padnext-generator';
import { renderDocument } from '../../documents/render-document';
import { SAMPLE_CENTRE } from '../../documents/sample-documents';
import { Prisma } from '../../prisma/generated/client';
import { loadClaimDocument, loadFreeLetter } from '../../persistence/documents/claim-document-data';
import { loadClientInvoice, loadCollectionRequest, loadOutgoingInvoiceJournal, loadPayoutJournal, loadPurchaseJournal, loadReceiptConfirmation } from '../../persistence/documents/journal-data';
import { saveTemplateVersion } from '../../persistence/documents/document-templates';
import { useHarness } from '../support/harness';
import { pdfText } from '../unit/documents-pdf-text';
import { billingFileWorkflowId } from '../../contracts/workflow-ids';

/**
 * Free-letter templates in PostgreSQL (versions, per-client override, placeholder errors) and the
 * loaders that turn a real claim and billing file into documents.
 */

jest.setTimeout(120_000);
const h = useHarness();

const key = () => `test-${Math.random().toString(36).slice(2, 10)}`;
// Yesterday to tomorrow: a run across midnight (UTC) still finds today's entries.
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const around = () => ({ from: day(-1), to: day(1) });

describe('document templates', () => {
  it('an edit is a new version; the newest is served unless a version is asked for', async () => {
    const k = key();
    const v1 = await h.api('anna').post(`/api/document-templates/${k}`).send({ subject: 'Rückfrage {{claim.invoiceNumber}}', body: 'Guten Tag {{recipient.name}}' });
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({ key: k, clientId: null, version: 1, createdBy: 'anna' });
    const v2 = await h.api('ben').post(`/api/document-templates/${k}`).send({ subject: 'Rückfrage zu {{claim.invoiceNumber}}', body: 'Hallo {{recipient.name}}' });
    expect(v2.body).toMatchObject({ version: 2, createdBy: 'ben' });

    expect((await h.api().get(`/api/document-templates/${k}`)).body).toMatchObject({ version: 2, subject: 'Rückfrage zu {{claim.invoiceNumber}}' });
    expect((await h.api().get(`/api/document-templates/${k}`).query({ version: 1 })).body).toMatchObject({ version: 1, body: 'Guten Tag {{recipient.name}}' });
    expect((await h.api().get(`/api/document-templates/${k}/versions`)).body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const missing = await h.api().get(`/api/document-templates/${k}`).query({ version: 3 });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe(`version 3 of template "${k}" does not exist`);
  });

  it("a client's own template overrides the one for all clients, for that client only", async () => {
    const k = key();
    const a = await h.client('INKASSO');
    const b = await h.client('INKASSO');
    await h.api().post(`/api/document-templates/${k}`).send({ subject: 'Allgemein', body: 'für alle' });
    const own = await h.api().post(`/api/document-templates/${k}`).send({ clientId: a.id, subject: 'Eigene', body: 'nur für A' });
    expect(own.body).toMatchObject({ clientId: a.id, version: 1 });
    expect((await h.api().get(`/api/document-templates/${k}`).query({ clientId: a.id })).body.subject).toBe('Eigene');
    expect((await h.api().get(`/api/document-templates/${k}`).query({ clientId: b.id })).body.subject).toBe('Allgemein');
    const list = (await h.api().get('/api/document-templates').query({ clientId: a.id })).body;
    expect(list.templates.filter((t: { key: string }) => t.key === k).map((t: { subject: string }) => t.subject).sort()).toEqual(['Allgemein', 'Eigene']);
    expect(list.placeholders['claim.openAmount']).toBeDefined();
    const unknownClient = await h.api().post(`/api/document-templates/${k}`).send({ clientId: 'no-such-client', subject: 'x', body: 'y' });
    expect(unknownClient.status).toBe(404);
  });

  it('refuses unknown and unbalanced placeholders with field, line and column, and stores nothing', async () => {
    const k = key();
    const res = await h.api().post(`/api/document-templates/${k}`).send({ subject: 'Rechnung {{claim.invoiceNumber}}', body: 'Guten Tag,\n\noffen sind {{claim.open}} seit {{claim.dueDate}.' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('invalid_template');
    expect(res.body.error.details).toEqual([
      { field: 'body', line: 3, column: 12, reason: expect.stringContaining('unknown placeholder "{{claim.open}}"') },
      { field: 'body', line: 3, column: 32, reason: 'unbalanced "{{": placeholders are written {{name}}' },
    ]);
    expect((await h.api().get(`/api/document-templates/${k}`)).status).toBe(404);
    expect((await h.api().post('/api/document-templates/Bad Key').send({ subject: 'a', body: 'b' })).status).toBe(400);
  });

  it('concurrent edits each get their own version; the database refuses a duplicate version for all clients', async () => {
    const k = key();
    const saved = await Promise.all([1, 2, 3, 4, 5].map((i) => saveTemplateVersion(h.db, { key: k, clientId: null, subject: `S${i}`, body: 'B', createdBy: 'test' })));
    expect(saved.map((s) => s.version).sort()).toEqual([1, 2, 3, 4, 5]);
    // NULL clientIds count as equal in the unique index (NULLS NOT DISTINCT).
    await expect(h.db.documentTemplate.create({ data: { id: `dup-${k}`, key: k, clientId: null, version: 5, subject: 'x', body: 'y', createdBy: 'test' } })).rejects.toBeInstanceOf(
      Prisma.PrismaClientKnownRequestError,
    );
  });
});

describe('document data from the database', () => {
  let claimId: string;
  let submissionId: string;
  let clientId: string;

  beforeAll(async () => {
    const client = await h.client('INKASSO', { paymentTerm: '1 hour' });
    clientId = client.id;
    await h.db.client.update({ where: { id: client.id }, data: { letterBlocks: { closingText: 'Ihre Praxis dankt für die pünktliche Zahlung.' } } });
    const file = generatePadnext({ cases: 2, seed: 7, clientId: client.id });
    const res = await h.api().post(`/api/clients/${client.id}/billing-files`).query({ fileName: file.padxName }).set('Content-Type', 'application/xml').send(file.padx);
    expect(res.status).toBe(202);
    submissionId = res.body.submissionId;
    await h.temporal.workflow.getHandle(billingFileWorkflowId(submissionId)).result();
    claimId = (await h.db.claim.findFirstOrThrow({ where: { submissionId }, orderBy: { id: 'asc' } })).id;
  });

  it("renders a real claim's invoice with its lines, total and the client's letter blocks", async () => {
    const base = await loadClaimDocument(h.db, claimId, SAMPLE_CENTRE);
    const claim = await h.db.claim.findUniqueOrThrow({ where: { id: claimId }, include: { lines: true, responsible: true } });
    const { text } = await pdfText((await renderDocument({ kind: 'invoice', ...base })).pdf);
    expect(text).toContain(`Rechnung ${claimId}`);
    expect(text).toContain(claim.responsible.lastName);
    expect(text).toContain('Ihre Praxis dankt für die pünktliche Zahlung.');
    const euro = (c: number) => `${Math.floor(c / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${String(c % 100).padStart(2, '0')} €`;
    expect(text).toMatch(new RegExp(`Rechnungsbetrag ${euro(claim.totalCents).replace('.', '\\.')}`));
    for (const l of claim.lines.filter((x) => x.code)) expect(text).toContain(` ${l.code} `);
  });

  it('renders a free letter from the newest template version with the claim filled in', async () => {
    const k = key();
    await saveTemplateVersion(h.db, { key: k, clientId: null, subject: 'Alt', body: 'alt', createdBy: 't' });
    await saveTemplateVersion(h.db, { key: k, clientId, subject: 'Ihre Rechnung {{claim.invoiceNumber}}', body: 'Offen: {{claim.openAmount}}.\n\nPraxis {{client.name}}', createdBy: 't' });
    const req = await loadFreeLetter(h.db, claimId, SAMPLE_CENTRE, k);
    const r = await renderDocument(req);
    expect(r.subject).toBe(`Ihre Rechnung ${claimId}`);
    expect((await pdfText(r.pdf)).text).toContain(`Offen: ${req.values['claim.openAmount']}.`);
    expect(req.values['claim.openAmount']).toMatch(/^\d[\d.]*,\d\d €$/);
  });

  it("client invoice: the Inkasso fee of a payment, with VAT", async () => {
    const claim = await h.db.claim.findUniqueOrThrow({ where: { id: claimId } });
    const amount = Math.min(10_000, claim.totalCents);
    expect((await h.api().post(`/api/claims/${claimId}/payments`).send({ amountCents: amount })).status).toBe(201);
    const req = await loadClientInvoice(h.db, clientId, { invoiceNumber: 'CF-TEST-1', period: around(), vatRate: '0.19', dueDate: day(14) }, SAMPLE_CENTRE);
    const fee = Math.round((amount * 6) / 100);
    expect(req.items).toEqual([{ invoiceNumber: claimId, patientName: expect.any(String), collectedCents: amount, feeCents: fee }]);
    expect(req.netCents).toBe(fee);
    expect(req.vatCents).toBe(Math.round((fee * 19) / 100));
    const { text } = await pdfText((await renderDocument(req)).pdf);
    expect(text).toContain('zzgl. Umsatzsteuer 19 %');
    expect(text).toContain('6 % der eingezogenen Beträge');
  });

  it('renders the receipt confirmation of a billing file', async () => {
    const req = await loadReceiptConfirmation(h.db, submissionId, SAMPLE_CENTRE);
    expect(req.records).toHaveLength(2);
    const { text } = await pdfText((await renderDocument(req)).pdf);
    expect(text).toContain(`Übernommen: 2 (Summe ${formatEuro(req.acceptedTotalCents!)}), abgelehnt: 0, bereits eingereicht: 0 von 2 Datensätzen.`);
    expect(req.acceptedTotalCents).toBe((await h.db.claim.aggregate({ where: { submissionId }, _sum: { totalCents: true } }))._sum.totalCents);
    expect(text).toContain(claimId);
  });
});

describe('client journals from the database', () => {
  let clientId: string;
  let claims: Array<{ id: string; totalCents: number }>;

  beforeAll(async () => {
    // Sofortfactoring: every claim is bought at intake and its price paid out at once.
    const client = await h.client('SOFORTFACTORING', { paymentTerm: '1 hour' });
    clientId = client.id;
    const file = generatePadnext({ cases: 3, seed: 21, clientId });
    const res = await h.api().post(`/api/clients/${clientId}/billing-files`).query({ fileName: file.padxName }).set('Content-Type', 'application/xml').send(file.padx);
    await h.temporal.workflow.getHandle(billingFileWorkflowId(res.body.submissionId)).result();
    claims = await h.db.claim.findMany({ where: { clientId }, orderBy: { id: 'asc' }, select: { id: true, totalCents: true } });
    await h.eventually('purchase price paid out and invoices issued', async () => {
      const [payouts, issued] = await Promise.all([h.db.payout.count({ where: { clientId } }), h.db.claim.count({ where: { clientId, invoiceDate: { not: null } } })]);
      return payouts === claims.length && issued === claims.length ? true : undefined;
    });
  });

  it('purchase journal: every bought claim with its discount and price, as booked', async () => {
    const req = await loadPurchaseJournal(h.db, clientId, around(), SAMPLE_CENTRE);
    expect(req.claims.map((c) => c.invoiceNumber).sort()).toEqual(claims.map((c) => c.id));
    for (const c of req.claims) {
      expect(c.totalCents).toBe(claims.find((x) => x.id === c.invoiceNumber)!.totalCents);
      expect(c.discountCents + c.priceCents).toBe(c.totalCents);
      expect(c.discountCents).toBeGreaterThan(0);
    }
    const { text } = await pdfText((await renderDocument(req)).pdf);
    expect(text).toContain('Der Abschlag beträgt 3,5 % des Forderungsbetrags.');
    expect(text).toContain(claims[0]!.id);
  });

  it('payout journal: the purchase prices paid out, adding up to the total', async () => {
    const req = await loadPayoutJournal(h.db, clientId, around(), SAMPLE_CENTRE);
    const purchase = await loadPurchaseJournal(h.db, clientId, around(), SAMPLE_CENTRE);
    expect(req.items).toHaveLength(claims.length);
    expect(req.items.every((i) => i.text === 'Kaufpreis aus Ankauf')).toBe(true);
    expect(req.totalCents).toBe(purchase.claims.reduce((s, c) => s + c.priceCents, 0));
    expect(req.iban).toBe('DE02120300000000202051');
    const { text } = await pdfText((await renderDocument(req)).pdf);
    expect(text).toContain('Auszahlungsbetrag');
  });

  it('outgoing invoice journal and collection request of the same claims', async () => {
    const out = await loadOutgoingInvoiceJournal(h.db, clientId, around(), SAMPLE_CENTRE);
    expect(out.invoices.map((i) => i.invoiceNumber).sort()).toEqual(claims.map((c) => c.id));
    const none = await loadOutgoingInvoiceJournal(h.db, clientId, { from: '2020-01-01', to: '2020-01-31' }, SAMPLE_CENTRE);
    expect(none.invoices).toEqual([]);
    const req = await loadCollectionRequest(h.db, clientId, claims.map((c) => c.id), '2026-12-31', SAMPLE_CENTRE);
    expect(req.claims.map((c) => c.openCents)).toEqual(claims.map((c) => c.totalCents));
    await expect(loadCollectionRequest(h.db, clientId, ['RE-none'], '2026-12-31', SAMPLE_CENTRE)).rejects.toThrow(`claims RE-none are not claims of client ${clientId}`);
  });
});
