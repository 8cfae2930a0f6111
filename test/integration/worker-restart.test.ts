import { generatePadnext } from '../../bench/gen/padnext-generator';
import { claimflowActivities } from '../../workers/claim-worker';
import { crashAfterFirstRun } from '../support/faults';
import { useHarness } from '../support/harness';
import { accountBalances, unbalancedEntries } from '../support/ledger-checks';
import { billingFileWorkflowId, claimWorkflowId } from '../../contracts/workflow-ids';

jest.setTimeout(180_000);

const h = useHarness();

async function upload(clientId: string, cases: number, seed: number): Promise<string[]> {
  const file = generatePadnext({ cases, seed, clientId });
  const res = await h.api().post(`/api/clients/${clientId}/billing-files`).query({ fileName: file.padxName }).send(file.padx).set('Content-Type', 'application/xml');
  expect(res.status).toBe(202);
  await h.temporal.workflow.getHandle(billingFileWorkflowId(res.body.submissionId)).result();
  return (await h.db.claim.findMany({ where: { submissionId: res.body.submissionId }, orderBy: { id: 'asc' } })).map((c) => c.id);
}

async function stageOf(id: string) {
  return (await h.db.claim.findUniqueOrThrow({ where: { id } })).stage;
}

/** Nothing happened twice: one mail per Message-ID, one document per key, one entry per kind and claim. */
async function expectNothingTwice(claimIds: string[]) {
  const ids = h.mails().map((m) => m.messageId).filter((id) => claimIds.some((c) => id.includes(c)));
  expect(new Set(ids).size).toBe(ids.length);
  const sentByEmail = await h.db.document.count({ where: { claimId: { in: claimIds }, channel: 'email', status: 'SENT' } });
  expect(ids.length).toBe(sentByEmail);
  const entries = await h.db.ledgerTransaction.findMany({ where: { postings: { some: { claimId: { in: claimIds } } } }, include: { postings: true } });
  const perClaimKind = new Map<string, number>();
  for (const e of entries) {
    if (e.kind === 'payment') continue; // several payments per claim are legitimate
    const key = `${e.postings[0].claimId}:${e.kind}:${e.description}`;
    perClaimKind.set(key, (perClaimKind.get(key) ?? 0) + 1);
  }
  expect([...perClaimKind.entries()].filter(([, n]) => n > 1)).toEqual([]);
  const payouts = await h.db.payout.groupBy({ by: ['claimId'], where: { claimId: { in: claimIds } }, _count: true });
  expect(payouts.filter((p) => p._count > 1)).toEqual([]);
  expect(await unbalancedEntries(h.db, claimIds)).toBe(0);
}

test('the worker stops in the middle of the lifecycle; after a restart every claim finishes and nothing happens twice', async () => {
  const client = await h.client('INKASSO', { paymentTerm: '2s', reminderInterval: '2s', collectionPeriod: '2s' });
  const claims = await upload(client.id, 3, 21);
  await h.eventually('all invoices sent', async () => ((await Promise.all(claims.map(stageOf))).every((s) => s === 'WAITING') ? true : undefined));

  await h.stopWorker();
  // While no worker runs: a payment arrives for the first claim and the others' due dates pass.
  const first = await h.db.claim.findUniqueOrThrow({ where: { id: claims[0] } });
  expect((await h.api().post(`/api/claims/${first.id}/payments`).send({ amountCents: first.totalCents })).status).toBe(201);
  await new Promise((r) => setTimeout(r, 4000));
  expect(await Promise.all(claims.map(stageOf))).toEqual(['WAITING', 'WAITING', 'WAITING']);
  await h.startWorker();

  const outcomes = await Promise.all(claims.map((id) => h.temporal.workflow.getHandle(claimWorkflowId(id)).result()));
  expect(outcomes).toEqual(['PAID', 'RETURNED', 'RETURNED']);
  await expectNothingTwice(claims);
  expect(await h.db.payout.count({ where: { claimId: { in: claims } } })).toBe(1);
});

test('every effect survives a crash right after it was done: retries book, send and pay nothing twice', async () => {
  await h.stopWorker();
  const real = claimflowActivities(h.services.services);
  await h.startWorker(
    crashAfterFirstRun(real, [
      'ingestAndStartClaims',
      'sendReceipt',
      'recogniseClaim',
      'purchaseClaim',
      'issueInvoice',
      'sendReminder',
      'handOffToCollection',
      'closeUncollectible',
      'payOut',
    ]),
  );
  const client = await h.client('SOFORTFACTORING', { paymentTerm: '2s', reminderInterval: '2s', collectionPeriod: '2s' });
  const claims = await upload(client.id, 2, 6);
  expect(claims).toHaveLength(2);
  const [paid, unpaid] = claims;
  await h.eventually('invoice sent', async () => ((await stageOf(paid)) === 'WAITING' ? true : undefined));
  const claim = await h.db.claim.findUniqueOrThrow({ where: { id: paid } });
  expect((await h.api().post(`/api/claims/${paid}/payments`).send({ amountCents: claim.totalCents })).status).toBe(201);

  expect(await h.temporal.workflow.getHandle(claimWorkflowId(paid)).result()).toBe('PAID');
  expect(await h.temporal.workflow.getHandle(claimWorkflowId(unpaid)).result()).toBe('WRITTEN_OFF');
  await expectNothingTwice(claims);

  // Sofortfactoring: each claim was bought and its price paid out once, at purchase.
  const payouts = await h.db.payout.findMany({ where: { claimId: { in: claims } } });
  expect(payouts.map((p) => p.idempotencyKey).sort()).toEqual(claims.map((c) => `payout:${c}:purchase`).sort());
  const balances = await accountBalances(h.db, claims);
  expect(balances).toMatchObject({ receivable_principal: 0, receivable_costs: 0, client_claims: 0, client_payable: 0 });
  // The bank saw the payment in; both purchase prices wait for the payout run; the unpaid claim is the centre’s loss.
  const unpaidTotal = (await h.db.claim.findUniqueOrThrow({ where: { id: unpaid } })).totalCents;
  const paidOut = payouts.reduce((s, p) => s + p.amountCents, 0);
  expect(balances.bank).toBe(claim.totalCents);
  expect(balances.client_payout_due).toBe(-paidOut);
  expect(balances.bad_debt).toBe(unpaidTotal);
  expect(Object.values(balances).reduce((a, b) => a + b, 0)).toBe(0);
});
