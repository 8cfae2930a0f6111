import fs from 'node:fs';
import path from 'node:path';
import { generatePadnext } from '../../bench/gen/padnext-generator';
import { applyRate } from '../../domain/decimal-rate';
import { upsertDoctor } from '../../persistence/seed';
import { useHarness } from '../support/harness';
import { accountBalances, unbalancedEntries } from '../support/ledger-checks';
import { billingFileWorkflowId, claimWorkflowId } from '../../contracts/workflow-ids';

jest.setTimeout(120_000);
const sftp = JSON.parse(process.env.CF_TEST_SFTP!) as { baseDir: string };

const h = useHarness();

/** Uploads a generated billing file; returns the claim ids of its accepted records. */
async function uploadAndWait(clientId: string, cases: number, seed: number): Promise<string[]> {
  const file = generatePadnext({ cases, seed, clientId });
  const billable = file.cases.filter((c) => c.consent).length;
  const res = await h.api().post(`/api/clients/${clientId}/billing-files`).query({ fileName: file.padxName }).set('Content-Type', 'application/xml').send(file.padx);
  expect(res.status).toBe(202);
  const result = await h.temporal.workflow.getHandle(billingFileWorkflowId(res.body.submissionId)).result();
  expect(result).toEqual({ accepted: billable, rejected: cases - billable, duplicates: 0, started: billable });
  const receipt = await h.api().get(`/api/billing-files/${res.body.submissionId}`);
  return receipt.body.records.filter((r: { outcome: string }) => r.outcome === 'ACCEPTED').map((r: { claimId: string }) => r.claimId);
}

test('Inkasso: a paid claim and an unpaid claim each run through every stage, and the money reconciles', async () => {
  const client = await h.client('INKASSO');
  const [paid, unpaid] = await uploadAndWait(client.id, 2, 11);

  // The patient pays once the invoice is out.
  await h.eventually('invoice of the paid claim', async () => ((await h.db.claim.findUnique({ where: { id: paid } }))?.stage === 'WAITING' ? true : undefined));
  const claim = await h.db.claim.findUniqueOrThrow({ where: { id: paid } });
  const pay = await h.api().post(`/api/claims/${paid}/payments`).set('Idempotency-Key', `test-${paid}`).send({ amountCents: claim.totalCents, reference: paid });
  expect(pay.status).toBe(201);
  expect(pay.body.openCents).toBe(0);

  expect(await h.temporal.workflow.getHandle(claimWorkflowId(paid)).result()).toBe('PAID');
  expect(await h.temporal.workflow.getHandle(claimWorkflowId(unpaid)).result()).toBe('RETURNED');

  // Every stage was passed and recorded in the audit trail.
  for (const id of [paid, unpaid]) {
    const stages = (await h.db.auditEvent.findMany({ where: { entityId: id, action: 'stage' }, orderBy: { id: 'asc' } })).map((e) => (e.data as { stage: string }).stage);
    expect(stages.slice(0, 4)).toEqual(['SPLITTING', 'PURCHASE', 'STATEMENT', 'WAITING']);
    expect(stages.slice(-2)).toEqual(['PAYOUT', 'CLOSED']);
  }
  const unpaidStages = (await h.db.auditEvent.findMany({ where: { entityId: unpaid, action: 'stage' }, orderBy: { id: 'asc' } })).map((e) => e.data as { stage: string; dunningLevel: number });
  expect(unpaidStages.filter((s) => s.stage === 'REMINDER').map((s) => s.dunningLevel)).toEqual([1, 2]);
  expect(unpaidStages.filter((s) => s.stage.startsWith('COLLECTION')).map((s) => s.stage)).toEqual(['COLLECTION_REQUEST', 'COLLECTION']);

  // Letters: the paid claim got its invoice only; the unpaid one invoice, two reminders, the
  // collection request to the client (unanswered: the policy pursues) and the handoff.
  // Letters go by email where the person responsible has an address, else to print.
  const docs = async (id: string) => (await h.db.document.findMany({ where: { claimId: id }, orderBy: { createdAt: 'asc' } })).map((d) => `${d.kind}:${d.status}`);
  const letterStatus = async (id: string) => ((await h.db.claim.findUniqueOrThrow({ where: { id }, include: { responsible: true } })).responsible.email ? 'SENT' : 'QUEUED_FOR_PRINT');
  const [paidVia, unpaidVia] = [await letterStatus(paid), await letterStatus(unpaid)];
  expect(await docs(paid)).toEqual([`INVOICE:${paidVia}`]);
  expect(await docs(unpaid)).toEqual([`INVOICE:${unpaidVia}`, `REMINDER_1:${unpaidVia}`, `REMINDER_2:${unpaidVia}`, 'COLLECTION_REQUEST:SENT', 'COLLECTION_HANDOFF:SENT']);
  const subjects = h.mails().map((m) => m.subject);
  const mailed = (subject: string, via: string) => expect(subjects.filter((s) => s === subject)).toHaveLength(via === 'SENT' ? 1 : 0);
  mailed(`Rechnung ${paid}`, paidVia);
  mailed(`Zahlungserinnerung zur Rechnung ${unpaid}`, unpaidVia);
  mailed(`1. Mahnung zur Rechnung ${unpaid}`, unpaidVia);
  // The lawyer's folder: the papers sent so far, the statement of claim, the CSV and the manifest naming them.
  const folder = path.join(sftp.baseDir, 'collection', client.number, unpaid);
  expect(fs.readFileSync(path.join(folder, `${unpaid}.csv`), 'utf8')).toContain(unpaid);
  const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'claim.json'), 'utf8'));
  expect(manifest.claim.invoiceNumber).toBe(unpaid);
  expect(manifest.documents.map((d: { kind: string }) => d.kind)).toEqual(['INVOICE', 'REMINDER_1', 'REMINDER_2', 'STATEMENT_OF_CLAIM']);
  for (const d of manifest.documents) expect(fs.readFileSync(path.join(folder, d.file)).subarray(0, 5).toString()).toBe('%PDF-');
  expect(manifest.statementOfAccount.open.totalCents).toBe(manifest.statementOfAccount.open.principalCents + manifest.statementOfAccount.open.costsCents + manifest.statementOfAccount.open.interestCents);

  // Money: the paid claim's principal goes to the client minus the 6 % Inkasso fee; the unpaid
  // claim goes back to the client, its dunning fee is dropped; nothing stays open anywhere.
  const fee = applyRate(claim.totalCents, '0.06');
  const payouts = await h.db.payout.findMany({ where: { claimId: { in: [paid, unpaid] } } });
  expect(payouts.map((p) => [p.claimId, p.amountCents])).toEqual([[paid, claim.totalCents - fee]]);
  const balances = await accountBalances(h.db, [paid, unpaid]);
  expect(balances).toMatchObject({ receivable_principal: 0, receivable_costs: 0, client_claims: 0, client_payable: 0, bank: claim.totalCents, client_payout_due: -(claim.totalCents - fee), fee_income: -fee });
  expect(Object.values(balances).reduce((a, b) => a + b, 0)).toBe(0);
  expect(await unbalancedEntries(h.db, [paid, unpaid])).toBe(0);
});

test('splitting: records of a doctor who is a client of their own move to that client and its tariff', async () => {
  const group = await h.client('INKASSO', { paymentTerm: '1 hour' });
  const doctorClient = await h.client('SOFORTFACTORING', { paymentTerm: '1 hour' });
  await upsertDoctor(h.db, { submitterId: group.id, externalId: 'ARZT-2', clientId: doctorClient.id, name: 'Dr. med. Henning Oberländer' });
  const file = generatePadnext({ cases: 8, seed: 12, clientId: group.id });
  const res = await h.api().post(`/api/clients/${group.id}/billing-files`).query({ fileName: file.padxName }).set('Content-Type', 'application/xml').send(file.padx);
  await h.temporal.workflow.getHandle(billingFileWorkflowId(res.body.submissionId)).result();
  const records = (await h.api().get(`/api/billing-files/${res.body.submissionId}`)).body.records as Array<{ recordNo: number; claimId: string | null }>;
  const expected = records
    .filter((r) => r.claimId)
    .map((r) => ({ id: r.claimId!, clientId: file.cases[r.recordNo - 1].doctorIndex === 1 ? doctorClient.id : group.id }));
  expect(new Set(expected.map((e) => e.clientId)).size).toBe(2);

  for (const e of expected) {
    await h.eventually(`claim ${e.id} invoiced`, async () => ((await h.db.claim.findUniqueOrThrow({ where: { id: e.id } })).stage === 'WAITING' ? true : undefined));
    const claim = await h.db.claim.findUniqueOrThrow({ where: { id: e.id } });
    expect({ id: e.id, clientId: claim.clientId, purchased: claim.purchased }).toEqual({ id: e.id, clientId: e.clientId, purchased: e.clientId === doctorClient.id });
    // Every posting is booked for the client the claim was split to.
    const postingClients = await h.db.ledgerPosting.findMany({ where: { claimId: e.id }, distinct: ['clientId'], select: { clientId: true } });
    expect(postingClients.map((p) => p.clientId)).toEqual([e.clientId]);
    const split = await h.db.auditEvent.count({ where: { entityId: e.id, action: 'split' } });
    expect(split).toBe(e.clientId === doctorClient.id ? 1 : 0);
  }
  for (const e of expected) await h.temporal.workflow.getHandle(claimWorkflowId(e.id)).terminate('test done');
});
