import { applyRate } from '../../domain/decimal-rate';
import type { Policy } from '../../domain/policy';
import type { Tariff } from '../../prisma/generated/client';
import { useHarness } from '../support/harness';
import { accountBalances, unbalancedEntries } from '../support/ledger-checks';
import { stagesOf as kitStages, waitingClaim as waitingKitClaim } from '../support/claim-kit';

jest.setTimeout(120_000);

const h = useHarness();

const waitingClaim = (tariff: Tariff, policy: Partial<Policy> = {}) => waitingKitClaim(h, tariff, policy);
const stagesOf = (id: string) => kitStages(h, id);
const open = async (id: string) => (await h.api().get(`/api/claims/${id}`)).body.balance.openCents as number;
const pay = (id: string, amountCents: number) => h.api().post(`/api/claims/${id}/payments`).send({ amountCents });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test.concurrent('partial payment pays costs first; an overpayment is kept as the payer’s credit', async () => {
  const c = await waitingClaim('INKASSO', { paymentTerm: '2s', reminderInterval: '3s', reminderFeesCents: [300, 500] });
  const part = Math.floor(c.claim.totalCents / 3);
  expect((await pay(c.id, part)).body.openCents).toBe(c.claim.totalCents - part);
  // The first reminder adds a 3 € fee to what is open.
  await h.eventually('first reminder', async () => ((await open(c.id)) === c.claim.totalCents - part + 300 ? true : undefined));
  const rest = await open(c.id);
  expect((await pay(c.id, rest + 500)).status).toBe(201);
  expect(await c.result()).toBe('PAID');
  const b = await accountBalances(h.db, [c.id]);
  // The client gets all principal minus 6 % of it; the centre keeps the fee and the dunning fee.
  const fee = applyRate(part, '0.06') + applyRate(c.claim.totalCents - part, '0.06');
  expect(b).toMatchObject({ receivable_principal: 0, receivable_costs: 0, payer_credit: -500, client_payable: 0, fee_income: -(fee + 300) });
  expect((await h.db.payout.findMany({ where: { claimId: c.id } })).map((p) => p.amountCents)).toEqual([c.claim.totalCents - fee]);
});

test.concurrent('a deferral pauses dunning until its date', async () => {
  const c = await waitingClaim('INKASSO', { paymentTerm: '3s', reminderInterval: '1s' });
  const until = Date.now() + 5000;
  expect((await h.api().post(`/api/claims/${c.id}/deferral`).send({ until: new Date(until).toISOString(), reason: 'Patient im Krankenhaus' })).status).toBe(202);
  await h.eventually('first reminder', async () => ((await stagesOf(c.id)).some((s) => s.stage === 'REMINDER') ? true : undefined));
  const firstReminder = (await stagesOf(c.id)).find((s) => s.stage === 'REMINDER')!;
  expect(firstReminder.at).toBeGreaterThanOrEqual(until);
  expect((await pay(c.id, await open(c.id))).status).toBe(201);
  expect(await c.result()).toBe('PAID');
});

test.concurrent('installments paid on time keep dunning away; the plan must cover the open amount', async () => {
  // Wide margins: each payment is made long before its installment falls due, however slow the machine.
  const c = await waitingClaim('INKASSO', { paymentTerm: '10s', reminderInterval: '1s' });
  const half = Math.floor(c.claim.totalCents / 2);
  const plan = (a: number, b: number) => ({ installments: [{ dueDate: new Date(Date.now() + 8000).toISOString(), amountCents: a }, { dueDate: new Date(Date.now() + 40_000).toISOString(), amountCents: b }] });
  expect((await h.api().post(`/api/claims/${c.id}/installment-agreement`).send(plan(half, half - 1 - (c.claim.totalCents % 2)))).status).toBe(422);
  expect((await h.api().post(`/api/claims/${c.id}/installment-agreement`).send(plan(half, c.claim.totalCents - half))).status).toBe(202);
  await pay(c.id, half);
  // Past the first installment's date and the payment term: the plan, kept, holds dunning off.
  await sleep(12_000);
  expect((await stagesOf(c.id)).some((s) => s.stage === 'REMINDER')).toBe(false);
  await pay(c.id, c.claim.totalCents - half);
  expect(await c.result()).toBe('PAID');
  expect((await stagesOf(c.id)).some((s) => s.stage === 'REMINDER')).toBe(false);
});

test.concurrent('a missed installment ends the plan and dunning resumes', async () => {
  const c = await waitingClaim('INKASSO', { paymentTerm: '3s', reminderInterval: '1s', collectionPeriod: '1s' });
  const half = Math.floor(c.claim.totalCents / 2);
  const due = Date.now() + 4000;
  await h.api().post(`/api/claims/${c.id}/installment-agreement`).send({ installments: [{ dueDate: new Date(due).toISOString(), amountCents: half }, { dueDate: new Date(due + 60_000).toISOString(), amountCents: c.claim.totalCents - half }] });
  expect(await c.result()).toBe('RETURNED');
  const reminder = (await stagesOf(c.id)).find((s) => s.stage === 'REMINDER')!;
  expect(reminder.at).toBeGreaterThanOrEqual(due);
});

test.concurrent('a dispute holds dunning until it is resolved', async () => {
  const c = await waitingClaim('INKASSO', { paymentTerm: '3s', reminderInterval: '1s' });
  await h.api().post(`/api/claims/${c.id}/dispute`).send({ open: true, reason: 'Patient bestreitet Leistung 410' });
  await sleep(4500);
  expect((await stagesOf(c.id)).some((s) => s.stage === 'REMINDER')).toBe(false);
  const resolvedAt = Date.now();
  await h.api().post(`/api/claims/${c.id}/dispute`).send({ open: false, reason: 'Leistung belegt' });
  await h.eventually('reminder after the dispute', async () => ((await stagesOf(c.id)).find((s) => s.stage === 'REMINDER') ? true : undefined));
  expect((await stagesOf(c.id)).find((s) => s.stage === 'REMINDER')!.at).toBeGreaterThanOrEqual(resolvedAt);
  await h.api().post(`/api/claims/${c.id}/cancellation`).send({ reason: 'Vergleich' });
  expect(await c.result()).toBe('CANCELLED');
});

test.concurrent('a cancellation clears the claim with a credit note; a bought claim’s price is reclaimed from the client', async () => {
  const c = await waitingClaim('SOFORTFACTORING', { paymentTerm: '1 hour' });
  const price = c.claim.totalCents - applyRate(c.claim.totalCents, '0.035');
  expect((await h.db.payout.findMany({ where: { claimId: c.id } })).map((p) => p.amountCents)).toEqual([price]);
  expect((await h.api('sachbearbeiterin.k').post(`/api/claims/${c.id}/cancellation`).send({ reason: 'Doppelt abgerechnet' })).status).toBe(202);
  expect(await c.result()).toBe('CANCELLED');
  const b = await accountBalances(h.db, [c.id]);
  // The price was released to the client's payout run at purchase; the client buys the claim back
  // (recourse), a charge-back released to the run at once: the two cancel out. The centre returns its discount.
  expect(b).toMatchObject({ receivable_principal: 0, client_payable: 0, client_payout_due: 0, fee_income: 0 });
  expect(b.bank ?? 0).toBe(0);
  expect((await h.db.payout.findMany({ where: { claimId: c.id }, orderBy: { createdAt: 'asc' } })).map((p) => [p.idempotencyKey, p.amountCents])).toEqual([
    [`payout:${c.id}:purchase`, price],
    [`payout:${c.id}:buy-back:cancellation:claim`, -price],
  ]);
  expect((await h.db.document.findMany({ where: { claimId: c.id }, orderBy: { createdAt: 'asc' } })).map((d) => d.kind)).toEqual(['INVOICE', 'CANCELLATION']);
  const history = await h.db.auditEvent.findMany({ where: { entityId: c.id, action: 'cancel' } });
  expect(history.map((e) => e.actor)).toEqual(['sachbearbeiterin.k']);
  expect(await unbalancedEntries(h.db, [c.id])).toBe(0);
  // A closed claim takes no more staff actions.
  expect((await h.api().post(`/api/claims/${c.id}/deferral`).send({ until: '2030-01-01', reason: 'x' })).status).toBe(409);
});

test.concurrent('Fälligkeitsfactoring: an unpaid claim is bought when it falls due, then dunned and written off', async () => {
  const c = await waitingClaim('FAELLIGKEITSFACTORING', { paymentTerm: '1s', reminderInterval: '1s', collectionPeriod: '1s' });
  expect(await c.result()).toBe('WRITTEN_OFF');
  const price = c.claim.totalCents - applyRate(c.claim.totalCents, '0.035');
  expect((await h.db.payout.findMany({ where: { claimId: c.id } })).map((p) => [p.idempotencyKey, p.amountCents])).toEqual([[`payout:${c.id}:purchase`, price]]);
  const b = await accountBalances(h.db, [c.id]);
  expect(b).toMatchObject({ receivable_principal: 0, receivable_costs: 0, client_claims: 0, client_payable: 0, bad_debt: c.claim.totalCents });
});

test.each([
  ['INKASSO', 'the client bears the principal: its claim on the patient ends'],
  ['SOFORTFACTORING', 'the centre bears the principal as bad debt'],
] as const)('staff write a claim off (%s): %s; the letter names staff’s decision; the audit trail names who and why', async (tariff, _bearer) => {
  const c = await waitingClaim(tariff, { paymentTerm: '1 hour' });
  const writeOff = (body: object) => h.api('teamleitung.m').post(`/api/claims/${c.id}/write-off`).send(body);
  expect((await writeOff({ reason: 'bankrupt', note: 'x' })).status).toBe(400);
  expect((await writeOff({ reason: 'uneconomic', note: '' })).status).toBe(400);
  expect((await writeOff({ reason: 'uneconomic', note: 'Schuldner im Ausland, Kleinbetrag' })).status).toBe(202);
  expect(await c.result()).toBe('WRITTEN_OFF');
  const b = await accountBalances(h.db, [c.id]);
  expect(b).toMatchObject({ receivable_principal: 0, client_claims: 0 });
  expect(b.receivable_costs ?? 0).toBe(0);
  expect(b.bad_debt ?? 0).toBe(tariff === 'INKASSO' ? 0 : c.claim.totalCents);
  expect(await unbalancedEntries(h.db, [c.id])).toBe(0);
  const audit = await h.db.auditEvent.findMany({ where: { entityId: c.id, action: { in: ['write_off_request', 'write_off'] } }, orderBy: { at: 'asc' } });
  expect(audit.map((e) => [e.action, e.actor])).toEqual([
    ['write_off_request', 'teamleitung.m'],
    ['write_off', 'teamleitung.m'],
  ]);
  expect(audit[1].data).toMatchObject({ reason: 'uneconomic: Schuldner im Ausland, Kleinbetrag', principalCents: c.claim.totalCents });
  const notice = await h.db.document.findUniqueOrThrow({ where: { idempotencyKey: `write-off-notice:${c.id}` } });
  expect(notice).toMatchObject({ kind: 'WRITE_OFF_NOTICE', status: 'SENT' });
  // Written off, the claim takes no second write-off.
  expect((await writeOff({ reason: 'other', note: 'noch einmal' })).status).toBe(409);
});

test.concurrent('a claim not yet invoiced cannot be written off: it is cancelled instead', async () => {
  const c = await waitingClaim('INKASSO', { paymentTerm: '1 hour' });
  await h.db.claim.update({ where: { id: c.id }, data: { stage: 'STATEMENT' } });
  const refused = await h.api().post(`/api/claims/${c.id}/write-off`).send({ reason: 'other', note: 'zu früh' });
  expect(refused.status).toBe(409);
  expect(refused.body.error.code).toBe('not_invoiced');
  await h.db.claim.update({ where: { id: c.id }, data: { stage: 'WAITING' } });
  await h.api().post(`/api/claims/${c.id}/cancellation`).send({ reason: 'Test beendet' });
  expect(await c.result()).toBe('CANCELLED');
});
