import { claimStateQuery } from '../../contracts/claims/claim-messages';
import { claimWorkflowId } from '../../contracts/workflow-ids';
import { applyRate } from '../../domain/decimal-rate';
import { documentKinds, stagesOf, waitingClaim } from '../support/claim-kit';
import { useHarness } from '../support/harness';
import { accountBalances, unbalancedEntries } from '../support/ledger-checks';

jest.setTimeout(300_000);

const h = useHarness();
const MONTHS = 72;
/** A "month" of the plan: long enough for the test to pay the next installment in time under load. */
const MONTH_MS = 1500;
const MAX_HISTORY_EVENTS = 100;

test('a 72-month installment plan continues as new and keeps every installment, paid in full at the end', async () => {
  const c = await waitingClaim(h, 'INKASSO', { paymentTerm: '1 hour', maxHistoryEvents: MAX_HISTORY_EVENTS });
  const total = c.claim.totalCents;
  const base = Math.floor(total / MONTHS);
  const amounts = Array.from({ length: MONTHS }, (_, i) => (i === 0 ? total - base * (MONTHS - 1) : base));
  const start = Date.now() + 4000;
  const plan = amounts.map((amountCents, i) => ({ dueDate: new Date(start + i * MONTH_MS).toISOString(), amountCents }));
  expect((await h.api().post(`/api/claims/${c.id}/installment-agreement`).send({ installments: plan })).status).toBe(202);

  const handle = h.temporal.workflow.getHandle(claimWorkflowId(c.id));
  /** Installments still ahead, as the (latest run of the) workflow tracks them. */
  const ahead = async () => {
    try {
      return (await handle.query(claimStateQuery)).installments.length;
    } catch {
      return undefined; // between two runs
    }
  };
  await h.eventually('the plan is tracked', async () => ((await ahead()) === MONTHS ? true : undefined));
  // The patient pays one installment ahead: installment i+1 once installment i-1 fell due.
  const pay = (i: number) => h.api().post(`/api/claims/${c.id}/payments`).set('Idempotency-Key', `rate-${c.id}-${i}`).send({ amountCents: amounts[i], reference: `Rate ${i + 1}` });
  for (const i of [0, 1]) expect((await pay(i)).status).toBe(201);
  for (let i = 2; i < MONTHS; i++) {
    await h.eventually(`installment ${i - 1} fell due`, async () => {
      const n = await ahead();
      return n !== undefined && n <= MONTHS - (i - 1) ? true : undefined;
    });
    expect((await pay(i)).status).toBe(201);
  }
  expect(await c.result()).toBe('PAID');

  // Every run stayed near the policy's limit; the claim's life took several.
  const runs = [];
  for await (const run of h.temporal.workflow.list({ query: `WorkflowId = "${claimWorkflowId(c.id)}"` })) runs.push({ status: run.status.name, events: run.historyLength });
  console.log(JSON.stringify({ runs: runs.length, maxEventsPerRun: Math.max(...runs.map((r) => r.events)) }));
  expect(runs.filter((r) => r.status === 'CONTINUED_AS_NEW').length).toBeGreaterThanOrEqual(2);
  for (const r of runs) expect(r.events).toBeLessThanOrEqual(MAX_HISTORY_EVENTS + 40);

  // Nothing was lost across the runs: no reminder, one agreement letter, every payment booked once.
  expect((await stagesOf(h, c.id)).map((s) => s.stage)).not.toContain('REMINDER');
  expect((await documentKinds(h, c.id)).filter((k) => k === 'INSTALLMENT_AGREEMENT')).toHaveLength(1);
  const payments = await h.db.payment.findMany({ where: { claimId: c.id } });
  expect([payments.length, payments.reduce((s, p) => s + p.amountCents, 0)]).toEqual([MONTHS, total]);
  const fee = payments.reduce((s, p) => s + applyRate(p.amountCents, '0.06'), 0);
  expect(await unbalancedEntries(h.db, [c.id])).toBe(0);
  const b = await accountBalances(h.db, [c.id]);
  expect([b.receivable_principal, b.receivable_costs ?? 0, b.client_payable, b.fee_income]).toEqual([0, 0, 0, -fee]);
  expect((await h.db.payout.findMany({ where: { claimId: c.id } })).reduce((s, p) => s + p.amountCents, 0)).toBe(total - fee);
});
