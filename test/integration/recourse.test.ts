import { applyRate } from '../../domain/decimal-rate';
import { decimalComma } from '../../domain/factoring/sale-file';
import { DEFAULT_RECOURSE_POLICY } from '../../domain/claims/recourse-policy';
import { Account } from '../../domain/ledger/accounts';
import { claimWorkflowId } from '../../contracts/workflow-ids';
import { SAMPLE_CENTRE } from '../../documents/sample-documents';
import { loadPurchaseJournal } from '../../persistence/documents/journal-data';
import { useHarness } from '../support/harness';
import { reconciledBalances } from '../support/collection-kit';
import { waitingClaim } from '../support/claim-kit';
import { answerCsv, newFactor, purchasedClaims, putFile, runFor } from '../support/factoring-kit';

jest.setTimeout(240_000);

const h = useHarness();
const { CLIENT_PAYABLE, CLIENT_PAYOUT_DUE, FEE_INCOME, BAD_DEBT, FACTOR_CLEARING, RECEIVABLES_SOLD, FACTOR_DISCOUNT, RECEIVABLE_PRINCIPAL, CLIENT_CLAIMS } = Account;
/** What the centre paid for a claim of `total` cents: the total less the system policy's 3.5 % discount. */
const price = (total: number) => total - applyRate(total, '0.035');
const result = (claimId: string) => h.temporal.workflow.getHandle(claimWorkflowId(claimId)).result();
const payouts = async (claimId: string) => (await h.db.payout.findMany({ where: { claimId }, orderBy: { createdAt: 'asc' } })).map((p) => [p.idempotencyKey, p.amountCents]);

test('a purchased claim sold on and confirmed, then cancelled: bought back by the client, taken back from the factor, the next payout run deducts it', async () => {
  const factor = await newFactor(h);
  const [a, b] = await purchasedClaims(h, 2);
  await runFor(h, factor.id, 'rk-lauf-1');
  const factorPrice = a.totalCents - 500;
  await putFile(factor.outboxFolder, 'antwort-rk.csv', answerCsv([`RK1;${a.id};ANGEKAUFT;${decimalComma(factorPrice)};`]));
  await runFor(h, factor.id, 'rk-lauf-2');
  expect((await h.db.factorSale.findUniqueOrThrow({ where: { claimId: a.id } })).status).toBe('CONFIRMED');

  expect((await h.api('sachbearbeiterin.k').post(`/api/claims/${a.id}/cancellation`).send({ reason: 'Behandlung nicht erbracht' })).status).toBe(202);
  expect(await result(a.id)).toBe('CANCELLED');

  // The price released at purchase and its charge-back: the client's payout nets to zero for the claim.
  expect(await payouts(a.id)).toEqual([
    [`payout:${a.id}:purchase`, price(a.totalCents)],
    [`payout:${a.id}:buy-back:cancellation:claim`, -price(a.totalCents)],
  ]);
  const balances = await reconciledBalances(h, [a.id]);
  expect(balances).toMatchObject({ [RECEIVABLE_PRINCIPAL]: 0, [CLIENT_CLAIMS]: 0, [CLIENT_PAYABLE]: 0, [CLIENT_PAYOUT_DUE]: 0, [FEE_INCOME]: 0, [RECEIVABLES_SOLD]: 0, [FACTOR_DISCOUNT]: 0, [FACTOR_CLEARING]: 0 });
  expect(balances[BAD_DEBT] ?? 0).toBe(0);
  const buyBack = await h.db.ledgerTransaction.findUniqueOrThrow({ where: { idempotencyKey: `buy-back:${a.id}:cancellation:claim` }, include: { postings: true } });
  expect(buyBack.kind).toBe('buy_back');
  expect(Object.fromEntries(buyBack.postings.map((p) => [p.account, p.amountCents]))).toEqual({ [CLIENT_PAYABLE]: price(a.totalCents), [FEE_INCOME]: a.totalCents - price(a.totalCents), [CLIENT_CLAIMS]: -a.totalCents });
  const sale = await h.db.factorSale.findUniqueOrThrow({ where: { claimId: a.id } });
  expect([sale.status, sale.reason]).toEqual(['REPURCHASED', 'repurchased: cancellation']);
  expect(await h.db.auditEvent.findMany({ where: { entityId: a.id, action: 'buy_back' }, select: { actor: true, data: true } })).toEqual([
    { actor: 'sachbearbeiterin.k', data: { cause: 'cancellation', occasion: 'claim', cents: a.totalCents, priceCents: price(a.totalCents) } },
  ]);
  // A late confirmation of the factor on the claim taken back is refused for staff, not booked.
  await putFile(factor.outboxFolder, 'antwort-rk-2.csv', answerCsv([`RK2;${a.id};ANGEKAUFT;${decimalComma(factorPrice)};`]));
  expect((await runFor(h, factor.id, 'rk-lauf-3')).answers[0]).toMatchObject({ summary: { answers: 0, problems: 1 } });

  // The next payout run pays the client the other claim's price only: the buy-back is deducted.
  const prepared = await h.api('anna').post('/api/payout-runs').send({ clientIds: [a.clientId] });
  expect(prepared.status).toBe(201);
  expect(prepared.body.lines).toEqual([expect.objectContaining({ recipientId: a.clientId, amountCents: (await h.db.payout.aggregate({ where: { clientId: a.clientId }, _sum: { amountCents: true } }))._sum.amountCents })]);
  expect(prepared.body.lines[0].amountCents).toBe((await h.db.claim.findMany({ where: { clientId: a.clientId, id: { not: a.id } } })).reduce((s, c) => s + price(c.totalCents), 0));
  expect(b.clientId).toBe(a.clientId);

  // The purchase journal lists the buy-back as a negative line after the purchase.
  const today = new Date().toISOString().slice(0, 10);
  const journal = await loadPurchaseJournal(h.db, a.clientId, { from: today, to: today }, SAMPLE_CENTRE);
  expect(journal.claims.filter((l) => l.invoiceNumber === a.id).map((l) => [l.buyBack ?? false, l.totalCents, l.discountCents, l.priceCents])).toEqual([
    [false, a.totalCents, a.totalCents - price(a.totalCents), price(a.totalCents)],
    [true, -a.totalCents, -(a.totalCents - price(a.totalCents)), -price(a.totalCents)],
  ]);
});

test('without recourse for cancellations in the contract, the cancelled purchased claim is the centre’s loss', async () => {
  const c = await waitingClaim(h, 'SOFORTFACTORING', { paymentTerm: '1 hour', recourse: { ...DEFAULT_RECOURSE_POLICY, onCancellation: false } });
  expect((await h.api().post(`/api/claims/${c.id}/cancellation`).send({ reason: 'Kulanz' })).status).toBe(202);
  expect(await c.result()).toBe('CANCELLED');
  expect(await payouts(c.id)).toEqual([[`payout:${c.id}:purchase`, price(c.claim.totalCents)]]);
  expect(await reconciledBalances(h, [c.id])).toMatchObject({ [RECEIVABLE_PRINCIPAL]: 0, [CLIENT_PAYABLE]: 0, [BAD_DEBT]: c.claim.totalCents, [FEE_INCOME]: -(c.claim.totalCents - price(c.claim.totalCents)) });
  expect(await h.db.ledgerTransaction.count({ where: { kind: 'buy_back', postings: { some: { claimId: c.id } } } })).toBe(0);
});

test('a dispute resolved as lost cancels the claim with recourse for a lost dispute; a lost dispute cannot be open', async () => {
  const c = await waitingClaim(h, 'SOFORTFACTORING', { paymentTerm: '1 hour' });
  const dispute = (body: object) => h.api('teamleitung.m').post(`/api/claims/${c.id}/dispute`).send(body);
  expect((await dispute({ open: true, reason: 'Leistung 410 nicht erbracht' })).status).toBe(202);
  expect((await dispute({ open: true, lost: true, reason: 'x' })).status).toBe(400);
  expect((await dispute({ open: false, lost: true, reason: 'Leistung 410 nicht belegt' })).status).toBe(202);
  expect(await c.result()).toBe('CANCELLED');
  expect(await payouts(c.id)).toEqual([
    [`payout:${c.id}:purchase`, price(c.claim.totalCents)],
    [`payout:${c.id}:buy-back:lost_dispute:claim`, -price(c.claim.totalCents)],
  ]);
  expect(await reconciledBalances(h, [c.id])).toMatchObject({ [RECEIVABLE_PRINCIPAL]: 0, [CLIENT_PAYABLE]: 0, [CLIENT_PAYOUT_DUE]: 0, [FEE_INCOME]: 0 });
  expect((await h.db.auditEvent.findMany({ where: { entityId: c.id, action: { in: ['dispute', 'cancellation', 'buy_back', 'cancel'] } }, orderBy: { id: 'asc' } })).map((e) => [e.action, e.actor])).toEqual([
    ['dispute', 'teamleitung.m'],
    ['dispute', 'teamleitung.m'],
    ['cancellation', 'teamleitung.m'],
    ['buy_back', 'teamleitung.m'],
    ['cancel', 'teamleitung.m'],
  ]);
});
