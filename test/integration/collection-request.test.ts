import { claimStateQuery } from '../../contracts/claims/claim-messages';
import { claimWorkflowId } from '../../contracts/workflow-ids';
import { DEFAULT_COLLECTION_POLICY, type CollectionPolicy } from '../../domain/claims/collection-policy';
import type { Policy } from '../../domain/policy';
import type { Tariff } from '../../prisma/generated/client';
import { documentKinds, documentsSent, reachesStage, stagesOf, waitingClaim } from '../support/claim-kit';
import { useHarness } from '../support/harness';
import { accountBalances, unbalancedEntries } from '../support/ledger-checks';

jest.setTimeout(120_000);

const h = useHarness();

/** Dunning short enough to be exhausted in seconds: one reminder, then the collection request. */
const dunned = (collection: Partial<CollectionPolicy>, more: Partial<Policy> = {}): Partial<Policy> => ({
  paymentTerm: '2s',
  reminderLevels: 1,
  reminderInterval: '1s',
  collectionPeriod: '2s',
  collection: { ...DEFAULT_COLLECTION_POLICY, answerWithin: '1 hour', ...collection },
  ...more,
});

/** A claim of a new client whose dunning ran out: waiting for the client's answer. */
async function askedClaim(collection: Partial<CollectionPolicy>, tariff: Tariff = 'INKASSO') {
  const c = await waitingClaim(h, tariff, dunned(collection));
  await reachesStage(h, c.id, 'COLLECTION_REQUEST');
  await documentsSent(h, c.id, 'COLLECTION_REQUEST');
  return c;
}

const answer = (id: string, body: object, key?: string) => {
  const req = h.api('sachbearbeiterin.m').post(`/api/claims/${id}/collection-decision`);
  return (key ? req.set('Idempotency-Key', key) : req).send(body);
};
const decisions = (claimId: string) => h.db.collectionDecision.findMany({ where: { claimId }, orderBy: { createdAt: 'asc' } });
const state = (id: string) => h.temporal.workflow.getHandle(claimWorkflowId(id)).query(claimStateQuery);

/** Nothing is left open on the claim and every entry balances. */
async function reconciles(id: string) {
  expect(await unbalancedEntries(h.db, [id])).toBe(0);
  const b = await accountBalances(h.db, [id]);
  for (const account of ['receivable_principal', 'receivable_costs', 'receivable_interest']) expect(b[account] ?? 0).toBe(0);
  return b;
}

test.concurrent('the client declines: the claim goes back to the client, audited, once per Idempotency-Key', async () => {
  const c = await askedClaim({});
  expect(await state(c.id)).toMatchObject({ stage: 'COLLECTION_REQUEST', collection: { round: 1 } });
  expect(await documentKinds(h, c.id)).toEqual(['INVOICE', 'REMINDER_1', 'COLLECTION_REQUEST']);
  // The Temporal UI finds claims waiting for an answer.
  await h.eventually('search attribute', async () => {
    for await (const w of h.temporal.workflow.list({ query: `WorkflowId = "${claimWorkflowId(c.id)}" AND CollectionDecision = "ASKED"` })) return w.workflowId;
    return undefined;
  });

  expect((await answer(c.id, { decision: 'wait' })).status).toBe(400);
  const first = await answer(c.id, { decision: 'return', reason: 'Patientin ist Bekannte der Praxis' }, `k-${c.id}`);
  expect(first.status).toBe(201);
  const again = await answer(c.id, { decision: 'return', reason: 'Patientin ist Bekannte der Praxis' }, `k-${c.id}`);
  expect([again.status, again.body.decision.id]).toEqual([200, first.body.decision.id]);
  expect(await c.result()).toBe('RETURNED');

  expect((await answer(c.id, { decision: 'pursue' }, `other-${c.id}`)).status).toBe(409);
  expect((await decisions(c.id)).map((d) => [d.decision, d.source, d.actor])).toEqual([['return', 'client', 'sachbearbeiterin.m']]);
  const audited = await h.db.auditEvent.findMany({ where: { entityId: c.id, action: 'collection_decision' } });
  expect(audited.map((e) => e.actor)).toEqual(['sachbearbeiterin.m']);
  expect(await documentKinds(h, c.id)).not.toContain('COLLECTION_HANDOFF');
  expect((await reconciles(c.id)).bad_debt ?? 0).toBe(0);
});

test.concurrent('the client answers pursue: the claim goes to the lawyer', async () => {
  const c = await askedClaim({});
  expect((await answer(c.id, { decision: 'pursue' })).status).toBe(201);
  await documentsSent(h, c.id, 'COLLECTION_HANDOFF');
  expect(await state(c.id)).toMatchObject({ stage: 'COLLECTION', collection: { answer: 'pursue', decidedBy: 'client' } });
  expect(await documentKinds(h, c.id)).toEqual(['INVOICE', 'REMINDER_1', 'COLLECTION_REQUEST', 'COLLECTION_HANDOFF']);
  expect(await c.result()).toBe('RETURNED');
  await reconciles(c.id);
});

test.concurrent.each([
  ['pursue', ['COLLECTION_REQUEST', 'COLLECTION', 'PAYOUT', 'CLOSED'], true],
  ['return', ['COLLECTION_REQUEST', 'PAYOUT', 'CLOSED'], false],
] as const)('no answer in time: the policy’s default %s applies', async (defaultAnswer, stages, handedOff) => {
  const c = await waitingClaim(h, 'INKASSO', dunned({ answerWithin: '2s', defaultAnswer }));
  expect(await c.result()).toBe('RETURNED');
  expect((await stagesOf(h, c.id)).map((s) => s.stage).slice(-stages.length)).toEqual(stages);
  expect((await decisions(c.id)).map((d) => [d.decision, d.source])).toEqual([[defaultAnswer, 'policy']]);
  expect((await documentKinds(h, c.id)).includes('COLLECTION_HANDOFF')).toBe(handedOff);
  await reconciles(c.id);
});

test.concurrent('wait until a date: the client is asked again then', async () => {
  const c = await askedClaim({ afterWait: 'ask' });
  expect((await answer(c.id, { decision: 'wait', until: new Date(Date.now() - 1000).toISOString() })).status).toBe(422);
  const until = Date.now() + 3000;
  expect((await answer(c.id, { decision: 'wait', until: new Date(until).toISOString(), reason: 'Rückfrage beim Patienten' })).status).toBe(201);
  await h.eventually('asked again', async () => ((await state(c.id)).collection?.round === 2 ? true : undefined));
  expect(Date.now()).toBeGreaterThanOrEqual(until);
  await documentsSent(h, c.id, 'COLLECTION_REQUEST', 2);
  expect(await documentKinds(h, c.id)).toEqual(['INVOICE', 'REMINDER_1', 'COLLECTION_REQUEST', 'COLLECTION_REQUEST']);
  expect((await answer(c.id, { decision: 'pursue' })).status).toBe(201);
  await reachesStage(h, c.id, 'COLLECTION');
  expect((await decisions(c.id)).map((d) => d.decision)).toEqual(['wait', 'pursue']);
  expect(await c.result()).toBe('RETURNED');
  await reconciles(c.id);
});

test.concurrent('a bought claim: the centre decides by policy without asking the client', async () => {
  const c = await waitingClaim(h, 'SOFORTFACTORING', dunned({ purchasedDecision: 'return' }));
  expect(await c.result()).toBe('WRITTEN_OFF');
  expect(await documentKinds(h, c.id)).toEqual(['INVOICE', 'REMINDER_1']);
  expect((await stagesOf(h, c.id)).map((s) => s.stage)).not.toContain('COLLECTION_REQUEST');
  expect((await decisions(c.id)).map((d) => [d.decision, d.source])).toEqual([['return', 'policy']]);
  expect((await reconciles(c.id)).bad_debt).toBe(c.claim.totalCents);
});

test.concurrent('a payment while the client is asked settles the claim; no decision is needed', async () => {
  const c = await askedClaim({});
  const open = (await h.api().get(`/api/claims/${c.id}`)).body.balance.openCents as number;
  expect((await h.api().post(`/api/claims/${c.id}/payments`).send({ amountCents: open })).status).toBe(201);
  expect(await c.result()).toBe('PAID');
  expect(await decisions(c.id)).toEqual([]);
  expect((await answer(c.id, { decision: 'pursue' })).status).toBe(409);
  await reconciles(c.id);
});
