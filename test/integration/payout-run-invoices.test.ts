import { payoutRunWorkflowId } from '../../contracts/workflow-ids';
import { Account } from '../../domain/ledger/accounts';
import { paidAndReleasedClaim } from '../support/goae-claim';
import { useHarness } from '../support/harness';

jest.setTimeout(240_000);

const h = useHarness();
const post = (url: string, actor: string, body: object = {}) => h.api(actor).post(url).send(body);

const paidAndReleased = (clientId: string) => paidAndReleasedClaim(h.db, clientId);

test('an Inkasso client is invoiced its fees with the run: VAT as its policy says, deducted from its line, booked to vat_payable once, numbered in its own series, downloadable as PDF', async () => {
  const liable = await h.client('INKASSO');
  const exempt = await h.client('INKASSO', { feeVat: { feesLiable: false, rate: '0.19' } });
  const liableClaims = [await paidAndReleased(liable.id), await paidAndReleased(liable.id)];
  await paidAndReleased(exempt.id);

  // Per claim: 6 % of 4941 = 296 (296.46) fee, 4645 released. The liable client: 592 net, 19 % VAT
  // on the sum = 112 (112.48), its line 9290 - 112; the exempt client's line is what was released.
  const run = (await post('/api/payout-runs', 'anna', { clientIds: [liable.id, exempt.id] })).body;
  const byClient = Object.fromEntries(run.lines.map((l: { recipientId: string }) => [l.recipientId, l]));
  expect(byClient[liable.id]).toMatchObject({ amountCents: 9178, invoice: { number: null, netCents: 592, vatRate: '0.19', vatCents: 112 } });
  expect(byClient[exempt.id]).toMatchObject({ amountCents: 4645, invoice: { number: null, netCents: 296, vatRate: '0', vatCents: 0 } });
  expect(run.totals).toEqual({ lineCount: 2, totalCents: 9178 + 4645, heldBackCents: 0 });
  const items = await h.db.payoutRunInvoiceItem.findMany({ where: { invoiceId: byClient[liable.id].invoice.id }, orderBy: { claimId: 'asc' } });
  expect(items.map((i) => [i.claimId, i.collectedCents, i.feeCents])).toEqual([...liableClaims].sort().map((c) => [c, 4941, 296]));

  // Cancelled: its invoices go, the fees are invoiced by the next run (once).
  await post(`/api/payout-runs/${run.id}/cancel`, 'anna');
  expect(await h.db.payoutRunInvoice.count({ where: { line: { runId: run.id } } })).toBe(0);
  const next = (await post('/api/payout-runs', 'anna', { clientIds: [liable.id, exempt.id] })).body;
  expect(next.totals).toEqual(run.totals);
  await post(`/api/payout-runs/${next.id}/approve`, 'ben');
  for (let i = 0; i < 2; i++) expect((await post(`/api/payout-runs/${next.id}/execute`, 'ben')).status).toBe(202);
  await h.temporal.workflow.getHandle(payoutRunWorkflowId(next.id)).result();

  // Numbered when executed, in one series without gaps.
  const done = (await h.api().get(`/api/payout-runs/${next.id}`)).body;
  const invoices = done.lines.map((l: { invoice: { number: string } }) => l.invoice);
  for (const inv of invoices) expect(inv.number).toMatch(new RegExp(`^MR-${new Date().getUTCFullYear()}-\\d{6}$`));
  const seqs = (await h.db.payoutRunInvoice.findMany({ where: { line: { runId: next.id } }, orderBy: { seq: 'asc' } })).map((i) => i.seq!);
  expect(seqs[1]).toBe(seqs[0] + 1);

  // The liable client's transfer: its payables cleared, 112 VAT owed to the tax office, 91.78 EUR out of the bank; balanced, booked once.
  const line = await h.db.payoutRunLine.findFirstOrThrow({ where: { runId: next.id, recipientId: liable.id } });
  const postings = await h.db.ledgerPosting.findMany({ where: { transaction: { idempotencyKey: `payout-run-line:${line.id}` } } });
  expect(postings.map((p) => [p.account, p.amountCents]).sort()).toEqual([
    [Account.BANK, -9178],
    [Account.CLIENT_PAYOUT_DUE, 4645],
    [Account.CLIENT_PAYOUT_DUE, 4645],
    [Account.VAT_PAYABLE, -112],
  ].sort());
  const vatOfRun = await h.db.ledgerPosting.findMany({ where: { account: Account.VAT_PAYABLE, clientId: { in: [liable.id, exempt.id] } } });
  expect(vatOfRun.map((p) => p.amountCents)).toEqual([-112]);

  // Each client got its invoice once; the PDF is downloadable.
  const docs = await h.db.document.findMany({ where: { idempotencyKey: { startsWith: 'payout-run-invoice:' }, clientId: { in: [liable.id, exempt.id] } }, select: { clientId: true, kind: true } });
  expect(docs.map((d) => d.clientId).sort()).toEqual([liable.id, exempt.id].sort());
  const liableInvoice = done.lines.find((l: { recipientId: string }) => l.recipientId === liable.id).invoice;
  const pdf = await h.api().get(`/api/payout-runs/${next.id}/invoices/${liableInvoice.id}`).buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });
  expect(pdf.status).toBe(200);
  expect(pdf.headers['content-type']).toBe('application/pdf');
  expect(pdf.headers['content-disposition']).toBe(`attachment; filename=${liableInvoice.number}.pdf`);
  expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  expect((await h.api().get(`/api/payout-runs/${run.id}/invoices/${liableInvoice.id}`)).status).toBe(404);

  // The fees are invoiced: nothing is left for another run.
  expect((await post('/api/payout-runs', 'anna', { clientIds: [liable.id, exempt.id] })).body.error).toMatchObject({ code: 'nothing_to_pay' });
});
