import { generatePadnext } from '../../bench/gen/padnext-generator';
import { applyRate } from '../../domain/decimal-rate';
import type { Policy } from '../../domain/policy';
import type { Tariff } from '../../prisma/generated/client';
import { billingFileWorkflowId, claimWorkflowId } from '../../contracts/workflow-ids';
import { useHarness } from '../support/harness';
import { accountBalances, unbalancedEntries } from '../support/ledger-checks';

jest.setTimeout(120_000);

const h = useHarness();

/** One invoiced claim (seed 18: 112.60 EUR) whose payment term is long enough that nothing happens by itself during the test. */
async function waitingClaim(tariff: Tariff, policy: Partial<Policy> = {}) {
  const client = await h.client(tariff, { paymentTerm: '30 days', ...policy });
  const file = generatePadnext({ cases: 1, seed: 18, clientId: client.id });
  const res = await h.api().post(`/api/clients/${client.id}/billing-files`).query({ fileName: file.padxName }).set('Content-Type', 'application/xml').send(file.padx);
  await h.temporal.workflow.getHandle(billingFileWorkflowId(res.body.submissionId)).result();
  const claim = await h.db.claim.findFirstOrThrow({ where: { submissionId: res.body.submissionId } });
  await h.eventually('invoice sent', async () => ((await h.db.claim.findUniqueOrThrow({ where: { id: claim.id } })).stage === 'WAITING' ? true : undefined));
  return { client, claim, id: claim.id, result: () => h.temporal.workflow.getHandle(claimWorkflowId(claim.id)).result() };
}

const pay = (id: string, amountCents: number, receivedAt: string, allocation?: string) => h.api().post(`/api/claims/${id}/payments`).send({ amountCents, receivedAt, allocation });
const statement = (id: string, asOf: string) => h.api().get(`/api/claims/${id}/statement-of-account`).query({ asOf });

test.concurrent('a back-dated claim: interest across two base-rate changes, a partial payment pays interest before principal, the rest settles it to the cent', async () => {
  const c = await waitingClaim('INKASSO');
  expect(c.claim.totalCents).toBeGreaterThan(10_000);
  // Taken over from another system: 100.00 EUR principal in default since 15 May 2024.
  expect((await pay(c.id, c.claim.totalCents - 10_000, '2024-05-01')).status).toBe(201);
  await h.db.claim.update({ where: { id: c.id }, data: { defaultSince: new Date('2024-05-15') } });

  // 40.00 EUR arrive on 31 Aug 2024. Interest to that day, booked first (hand-computed, ACT/365):
  //   16.05.–30.06.2024  46 days × 8.62 % on 100.00 = 1.0864 → 1.09;  01.07.–31.08.2024  62 days × 8.37 % = 1.4217 → 1.42
  // § 367: 2.51 pay the interest, 37.49 the principal → 62.51 principal open.
  expect((await pay(c.id, 4000, '2024-08-31')).status).toBe(201);
  const payment = (await h.db.payment.findMany({ where: { claimId: c.id }, orderBy: { receivedAt: 'asc' } }))[1];
  expect(payment.allocation).toBe('statutory');

  // As of 10 Feb 2025:
  //   01.09.–31.12.2024 122 days × 8.37 % on 62.51 = 1.7488 → 1.75;  01.01.–10.02.2025 41 days × 7.27 % = 0.5105 → 0.51
  const s = (await statement(c.id, '2025-02-10')).body;
  expect(s.interest.periods.map((p: { from: string; to: string; principalCents: number; ratePercent: string; interestCents: number }) => [p.from, p.to, p.principalCents, p.ratePercent, p.interestCents])).toEqual([
    ['2024-05-16', '2024-06-30', 10_000, '8.62', 109],
    ['2024-07-01', '2024-08-31', 10_000, '8.37', 142],
    ['2024-09-01', '2024-12-31', 6251, '8.37', 175],
    ['2025-01-01', '2025-02-10', 6251, '7.27', 51],
  ]);
  expect(s.interest.totalCents).toBe(477);
  expect(s.payments.map((p: { day: string; toCostsCents: number; toInterestCents: number; toPrincipalCents: number }) => [p.day, p.toCostsCents, p.toInterestCents, p.toPrincipalCents])).toEqual([
    ['2024-05-01', 0, 0, c.claim.totalCents - 10_000],
    ['2024-08-31', 0, 251, 3749],
  ]);
  expect(s.open).toEqual({ principalCents: 6251, costsCents: 0, interestCents: 226, totalCents: 6477 });
  // 62.51 × 7.27 % / 365 = 0.0125 → 0.01 a day
  expect(s.interest.dailyCents).toBe(1);

  // The rest arrives on 10 Feb 2025: the interest to that day is booked, then everything is paid.
  expect((await pay(c.id, 6477, '2025-02-10')).status).toBe(201);
  expect(await c.result()).toBe('PAID');
  const b = await accountBalances(h.db, [c.id]);
  // Inkasso: the interest is the client's; the centre keeps 6 % of what it collected for the client.
  const fee = applyRate(c.claim.totalCents - 10_000, '0.06') + applyRate(3749 + 251, '0.06') + applyRate(6251 + 226, '0.06');
  expect(b).toMatchObject({ receivable_principal: 0, receivable_interest: 0, client_claims: 0, client_payable: 0, fee_income: -fee });
  expect(b.receivable_costs ?? 0).toBe(0);
  expect(b.interest_income ?? 0).toBe(0);
  expect((await h.db.payout.findMany({ where: { claimId: c.id } })).reduce((sum, p) => sum + p.amountCents, 0)).toBe(c.claim.totalCents + 477 - fee);
  expect(await unbalancedEntries(h.db, [c.id])).toBe(0);
});

test.concurrent('a purchased claim: the interest is the centre’s income; a payer’s “principal only” instruction is followed and recorded', async () => {
  const c = await waitingClaim('SOFORTFACTORING');
  expect(c.claim.totalCents).toBeGreaterThan(1000);
  await h.db.claim.update({ where: { id: c.id }, data: { defaultSince: new Date('2025-01-10') } });
  // 10.01.2025 → 31.03.2025: 80 days (11.01.–31.03.) at 7.27 % on the claim's total
  const res = await pay(c.id, 1000, '2025-03-31', 'principal_first');
  expect(res.status).toBe(201);
  expect((await h.db.payment.findFirstOrThrow({ where: { claimId: c.id } })).allocation).toBe('principal_first');
  const expected = Math.round((c.claim.totalCents * 0.0727 * 80) / 365);
  const b = await accountBalances(h.db, [c.id]);
  expect(b.interest_income).toBe(-expected);
  expect(b.receivable_interest).toBe(expected);
  expect(b.receivable_principal).toBe(c.claim.totalCents - 1000);
  const s = (await statement(c.id, '2025-03-31')).body;
  expect(s.open).toEqual({ principalCents: c.claim.totalCents - 1000, costsCents: 0, interestCents: expected, totalCents: c.claim.totalCents - 1000 + expected });
});

test.concurrent('a day past the last known base rate is refused with the way out; staff add the next half year, once', async () => {
  const c = await waitingClaim('INKASSO');
  await h.db.claim.update({ where: { id: c.id }, data: { defaultSince: new Date('2026-10-01') } });
  const refused = await statement(c.id, '2027-01-15');
  expect(refused.status).toBe(422);
  expect(refused.body.error.message).toMatch(/no base rate for 2027-01-01.*POST \/api\/base-rates/);

  expect((await h.api().post('/api/base-rates').send({ validFrom: '2027-07-01', percent: '1.27', source: 'test' })).status).toBe(422);
  const added = await h.api('sachbearbeiter@centre').post('/api/base-rates').send({ validFrom: '2027-01-01', percent: '1.27', source: 'Bundesbank, test' });
  expect([200, 201]).toContain(added.status);
  expect((await h.api().post('/api/base-rates').send({ validFrom: '2027-01-01', percent: '1.52', source: 'test' })).status).toBe(409);
  const rates = (await h.api().get('/api/base-rates')).body.rates;
  expect(rates[0]).toEqual({ validFrom: '2002-01-01', percent: '2.57' });
  expect(rates.at(-1)).toEqual({ validFrom: '2027-01-01', percent: '1.27' });

  const s = (await statement(c.id, '2027-01-15')).body;
  expect(s.interest.periods.map((p: { from: string; to: string; ratePercent: string }) => [p.from, p.to, p.ratePercent])).toEqual([['2026-10-02', '2027-01-15', '6.27']]);
});

test.concurrent('a business in default: 9 points over the base rate and the lump sum of § 288 (5) BGB, booked once', async () => {
  const c = await waitingClaim('INKASSO');
  const claim = await h.db.claim.update({ where: { id: c.id }, data: { defaultSince: new Date('2025-01-10') } });
  await h.db.person.update({ where: { id: claim.responsibleId }, data: { business: true } });
  const interest = h.services.services.claims.interest;
  await interest.accrue(c.id, 'test-1');
  await interest.accrue(c.id, 'test-2');
  const s = (await statement(c.id, '2025-03-31')).body;
  // 11.01.–31.03.2025: 80 days at 2.27 + 9 = 11.27 %
  expect(s.interest.periods.map((p: { ratePercent: string; days: number }) => [p.ratePercent, p.days])).toEqual([['11.27', 80]]);
  // The lump sum is booked on the day default interest was first booked (today), once for both occasions.
  const now = (await statement(c.id, new Date().toISOString().slice(0, 10))).body;
  expect(now.costs.map((x: { description: string; amountCents: number }) => [x.description, x.amountCents])).toEqual([['Verzugspauschale § 288 (5) BGB', 4000]]);
  expect(now.interest.periods[0]).toMatchObject({ from: '2025-01-11', ratePercent: '11.27' });
  expect((await accountBalances(h.db, [c.id])).receivable_costs).toBe(4000);
});
