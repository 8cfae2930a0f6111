import { DEFAULT_COLLECTION_POLICY } from '../../domain/claims/collection-policy';
import { applyRate } from '../../domain/decimal-rate';
import type { Tariff } from '../../prisma/generated/client';
import { randomIban, ref, statement, upload } from '../fixtures/bank-import/bank-test-kit';
import { waitingClaim } from '../support/claim-kit';
import { claimResult, claimsInCollection, newLawyer, reconciledBalances } from '../support/collection-kit';
import { claimWorkflowRunning } from '../../contracts/client/claim-handle';
import { useHarness } from '../support/harness';

jest.setTimeout(180_000);

const h = useHarness();

/** A claim of `tariff`, invoiced (payment term an hour), written off by staff: its first round has ended. */
async function writtenOffClaim(tariff: Tariff) {
  const c = await waitingClaim(h, tariff, { paymentTerm: '1 hour' });
  expect((await writeOff(c.id, 'Schuldner unbekannt verzogen')).status).toBe(202);
  expect(await c.result()).toBe('WRITTEN_OFF');
  return c;
}
const writeOff = (id: string, note: string) => h.api('teamleitung.m').post(`/api/claims/${id}/write-off`).send({ reason: 'address_unknown', note });
const reopen = (id: string, requestId: string, body: object = { reason: 'Neue Anschrift über Einwohnermeldeamt', note: 'Anfrage vom 02.12.' }) =>
  h.api('teamleitung.m').post(`/api/claims/${id}/reopen`).set('Idempotency-Key', requestId).send(body);
/** The reopened claim's workflow runs (started by the reopening), ready for the next signal. */
const nextRoundRunning = (id: string) => h.eventually(`claim ${id} running again`, async () => ((await claimWorkflowRunning(h.temporal, id)) ? true : undefined));
const keysOf = async (id: string, kind: string) => (await h.db.ledgerTransaction.findMany({ where: { kind, postings: { some: { claimId: id } } }, orderBy: { occurredAt: 'asc' } })).map((t) => t.idempotencyKey);

test.concurrent('written off by staff, reopened (the same request twice books once), paid by bank import, paid out; the ledger reconciles to the cent', async () => {
  const c = await writtenOffClaim('INKASSO');
  const total = c.claim.totalCents;

  const first = await reopen(c.id, `reopen-${c.id}`);
  expect(first.status).toBe(201);
  expect(first.body).toEqual({ claimId: c.id, round: 2, stage: 'WAITING', openCents: total, created: true });
  // A retried request is the same reopening: nothing is booked or started again.
  const again = await reopen(c.id, `reopen-${c.id}`);
  expect(again.status).toBe(200);
  expect(again.body).toEqual({ ...first.body, created: false });
  expect(await keysOf(c.id, 'reopen')).toEqual([`reopen:${c.id}:2`]);
  // The write-off stays as booked; the reopening reverses it with an entry of its own.
  expect(await keysOf(c.id, 'write_off')).toEqual([`write-off:${c.id}`]);
  expect(await reconciledBalances(h, [c.id])).toMatchObject({ receivable_principal: total, client_claims: -total });
  expect(await h.db.claim.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ stage: 'WAITING', outcome: null });
  const audit = await h.db.auditEvent.findMany({ where: { entityId: c.id, action: 'reopen' } });
  expect(audit.map((e) => [e.actor, e.data])).toEqual([
    ['teamleitung.m', { round: 2, stage: 'WAITING', reason: 'Neue Anschrift über Einwohnermeldeamt', note: 'Anfrage vom 02.12.', reversed: `write-off:${c.id}`, outcome: 'WRITTEN_OFF' }],
  ]);

  const responsible = await h.db.person.findUniqueOrThrow({ where: { id: c.claim.responsibleId } });
  const paid = await upload(h, statement([{ amountCents: total, ref: ref(), name: `${responsible.firstName} ${responsible.lastName}`, iban: randomIban(), remittance: c.id }]));
  expect(paid.body).toMatchObject({ status: 'IMPORTED', matched: 1 });
  expect(await c.result()).toBe('PAID');

  const fee = applyRate(total, '0.06');
  expect((await h.db.payout.findMany({ where: { claimId: c.id } })).map((p) => [p.idempotencyKey, p.amountCents])).toEqual([[`payout:${c.id}:final#r2`, total - fee]]);
  expect(await reconciledBalances(h, [c.id])).toMatchObject({ receivable_principal: 0, client_claims: 0, client_payable: 0, client_payout_due: -(total - fee), bank: total, fee_income: -fee });
  expect(await h.db.claim.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ stage: 'CLOSED', outcome: 'PAID' });
  // Paid, the claim is not reopened.
  expect((await reopen(c.id, `reopen-paid-${c.id}`)).status).toBe(409);
});

test.concurrent('written off, reopened, written off again: two write-offs, two letters to the client, the centre bears the loss once', async () => {
  const c = await writtenOffClaim('SOFORTFACTORING');
  const total = c.claim.totalCents;
  expect((await reopen(c.id, `reopen-${c.id}`)).status).toBe(201);
  await nextRoundRunning(c.id);
  expect((await writeOff(c.id, 'wieder unbekannt verzogen')).status).toBe(202);
  expect(await c.result()).toBe('WRITTEN_OFF');

  expect(await keysOf(c.id, 'write_off')).toEqual([`write-off:${c.id}`, `write-off:${c.id}#r2`]);
  const notices = await h.db.document.findMany({ where: { claimId: c.id, kind: 'WRITE_OFF_NOTICE' }, orderBy: { createdAt: 'asc' } });
  expect(notices.map((d) => [d.idempotencyKey, d.status])).toEqual([
    [`write-off-notice:${c.id}`, 'SENT'],
    [`write-off-notice:${c.id}#r2`, 'SENT'],
  ]);
  const writeOffs = await h.db.auditEvent.findMany({ where: { entityId: c.id, action: 'write_off' }, orderBy: { id: 'asc' } });
  expect(writeOffs.map((e) => (e.data as { round: number; principalCents: number; bearer: string }))).toEqual([
    expect.objectContaining({ round: 1, principalCents: total, bearer: 'centre' }),
    expect.objectContaining({ round: 2, principalCents: total, bearer: 'centre' }),
  ]);
  const price = total - applyRate(total, '0.035');
  expect((await h.db.payout.findMany({ where: { claimId: c.id } })).map((p) => [p.idempotencyKey, p.amountCents])).toEqual([[`payout:${c.id}:purchase`, price]]);
  const b = await reconciledBalances(h, [c.id]);
  expect(b).toMatchObject({ receivable_principal: 0, client_claims: 0, bad_debt: total });
  expect(b.receivable_costs ?? 0).toBe(0);
  // Reopened again: round 3 reverses round 2's write-off.
  const third = await reopen(c.id, `reopen-3-${c.id}`);
  expect(third.body).toMatchObject({ round: 3, stage: 'WAITING', openCents: total, created: true });
  expect(await keysOf(c.id, 'reopen')).toEqual([`reopen:${c.id}:2`, `reopen:${c.id}:3`]);
  expect((await writeOff(c.id, 'endgültig')).status).toBe(202);
  expect(await c.result()).toBe('WRITTEN_OFF');
  expect((await reconciledBalances(h, [c.id])).bad_debt).toBe(total);
});

test.concurrent('not pursued (the client did not answer, the policy returns it), reopened: the client is asked again, and it goes back once more', async () => {
  const c = await waitingClaim(h, 'INKASSO', {
    paymentTerm: '1s',
    reminderLevels: 1,
    reminderInterval: '1s',
    reminderFeesCents: [250],
    collection: { ...DEFAULT_COLLECTION_POLICY, answerWithin: '1s', defaultAnswer: 'return' },
  });
  expect(await c.result()).toBe('RETURNED');
  const reopened = await reopen(c.id, `reopen-${c.id}`);
  expect(reopened.body).toMatchObject({ round: 2, stage: 'COLLECTION_REQUEST', openCents: c.claim.totalCents + 250, created: true });
  expect(await c.result()).toBe('RETURNED');

  const requests = await h.db.document.findMany({ where: { claimId: c.id, kind: 'COLLECTION_REQUEST' }, orderBy: { createdAt: 'asc' } });
  expect(requests.map((d) => d.idempotencyKey)).toEqual([`collection-request:${c.id}:1`, `collection-request:${c.id}:2`]);
  expect((await h.db.collectionDecision.findMany({ where: { claimId: c.id }, orderBy: { createdAt: 'asc' } })).map((d) => [d.idempotencyKey, d.decision, d.source])).toEqual([
    [`policy:${c.id}:1`, 'return', 'policy'],
    [`policy:${c.id}:2`, 'return', 'policy'],
  ]);
  expect(await keysOf(c.id, 'uncollectible')).toEqual([`uncollectible:${c.id}`, `uncollectible:${c.id}#r2`]);
  expect(await keysOf(c.id, 'reopen')).toEqual([`reopen:${c.id}:2`]);
  const b = await reconciledBalances(h, [c.id]);
  expect(b).toMatchObject({ receivable_principal: 0, receivable_costs: 0, client_claims: 0 });
  expect(b.client_payable ?? 0).toBe(0);
});

test.concurrent('written off on the lawyer’s report (the client bears the lawyer’s costs), reopened with the lawyer, collected: the client is paid out what it is owed', async () => {
  const lawyer = await newLawyer(h);
  const [c] = await claimsInCollection(h, 'INKASSO', 1);
  const principal = c.openCents - 250;
  const today = new Date().toISOString().slice(0, 10);
  const report = (key: string, body: object) => h.api().post(`/api/collection/lawyers/${lawyer.id}/reports`).set('Idempotency-Key', `${key}-${c.id}`).send({ claimId: c.id, date: today, ...body });
  expect((await report('costs', { kind: 'costs', amountCents: 8354 })).status).toBe(201);
  expect((await report('gone', { kind: 'uncollectable', reason: 'address_unknown' })).status).toBe(201);
  expect(await claimResult(h, c.id)).toBe('WRITTEN_OFF');

  const reopened = await reopen(c.id, `reopen-${c.id}`);
  expect(reopened.body).toMatchObject({ round: 2, stage: 'COLLECTION', openCents: c.openCents + 8354, created: true });
  await nextRoundRunning(c.id);
  expect((await report('paid', { kind: 'collected', amountCents: c.openCents + 8354 })).status).toBe(201);
  expect(await claimResult(h, c.id)).toBe('PAID');

  // Charged the lawyer's costs at the write-off, the client gets them back with its principal less the fee.
  const fee = applyRate(principal, '0.06');
  expect((await h.db.payout.findMany({ where: { claimId: c.id }, orderBy: { createdAt: 'asc' } })).map((p) => [p.idempotencyKey, p.amountCents])).toEqual([
    [`payout:${c.id}:final`, -8354],
    [`payout:${c.id}:final#r2`, 8354 + principal - fee],
  ]);
  const b = await reconciledBalances(h, [c.id]);
  expect(b).toMatchObject({ receivable_principal: 0, receivable_costs: 0, client_claims: 0, client_payable: 0, lawyer_payable: -8354, lawyer_clearing: c.openCents + 8354 });
  expect(await keysOf(c.id, 'write_off')).toEqual([`write-off:${c.id}`]);
});

test.concurrent('an open claim is not reopened; a request is validated; an unknown claim is not found', async () => {
  const c = await waitingClaim(h, 'INKASSO', { paymentTerm: '1 hour' });
  const refused = await reopen(c.id, `reopen-open-${c.id}`);
  expect(refused.status).toBe(409);
  expect(refused.body.error).toMatchObject({ code: 'not_reopenable', message: `claim ${c.id} is open (waiting): only a claim written off or returned to the client is reopened` });
  expect((await reopen(c.id, `reopen-bad-${c.id}`, { reason: '' })).status).toBe(400);
  expect((await reopen('NO-SUCH-CLAIM', 'reopen-none')).status).toBe(404);
  expect(await h.db.claimReopening.count({ where: { claimId: c.id } })).toBe(0);
  await h.api().post(`/api/claims/${c.id}/cancellation`).send({ reason: 'Testende' });
  expect(await c.result()).toBe('CANCELLED');
});
