import path from 'node:path';
import { Prisma } from '../../prisma/generated/client';
import { generatePadnext } from '../../bench/gen/padnext-generator';
import { billingFileWorkflowId, claimWorkflowId, payoutRunWorkflowId } from '../../contracts/workflow-ids';
import { Account } from '../../domain/ledger/accounts';
import { applyRate } from '../../domain/decimal-rate';
import { DEFAULT_PAYOUT_RUN_POLICY } from '../../domain/money/payout-run-policy';
import { ensurePayoutRunSchedule, PAYOUT_RUN_SCHEDULE_ID } from '../../services/scheduling/payout-run-schedule';
import { claimflowActivities } from '../../workers/claim-worker';
import { crashAfterFirstRun } from '../support/faults';
import { onSftpServer, testBankSftp } from '../support/sftp-session';
import { useHarness } from '../support/harness';
import { pain001Figures, validatePain001 } from '../support/sepa-schema';
import type { Tariff } from '../../prisma/generated/client';
import { ref, statement, upload } from '../fixtures/bank-import/bank-test-kit';

jest.setTimeout(240_000);

const h = useHarness();
const bankSftp = testBankSftp();

/** A client of `tariff` with `cases` claims, each invoiced and waiting (a bought claim's price is released by then). */
async function clientWithClaims(tariff: Tariff, cases: number, seed: number) {
  const client = await h.client(tariff, { paymentTerm: '1 hour' });
  const file = generatePadnext({ cases, seed, clientId: client.id });
  const res = await h.api().post(`/api/clients/${client.id}/billing-files`).query({ fileName: file.padxName }).set('Content-Type', 'application/xml').send(file.padx);
  expect(res.status).toBe(202);
  await h.temporal.workflow.getHandle(billingFileWorkflowId(res.body.submissionId)).result();
  const claims = await h.db.claim.findMany({ where: { submissionId: res.body.submissionId }, orderBy: { id: 'asc' } });
  await h.eventually(`claims of ${client.id} waiting`, async () => ((await h.db.claim.count({ where: { id: { in: claims.map((c) => c.id) }, stage: 'WAITING' } })) === claims.length ? true : undefined));
  return { client, claims };
}

/** What the ledger says the centre owes the client now: its released payables not yet transferred. */
async function ledgerOwes(clientId: string): Promise<number> {
  const sum = await h.db.ledgerPosting.aggregate({ where: { account: Account.CLIENT_PAYOUT_DUE, OR: [{ clientId }, { claim: { clientId } }] }, _sum: { amountCents: true } });
  return 0 - (sum._sum.amountCents ?? 0);
}

const post = (url: string, actor: string, body: object = {}) => h.api(actor).post(url).send(body);

async function executed(runId: string) {
  const res = await post(`/api/payout-runs/${runId}/execute`, 'ben');
  expect(res.status).toBe(202);
  return h.temporal.workflow.getHandle(payoutRunWorkflowId(runId)).result();
}

test('a run is prepared, refused to its preparer, approved by another and executed: SEPA file valid, amounts as the ledger says, nothing paid twice', async () => {
  const [bought, inkasso, noAccount] = await Promise.all([clientWithClaims('SOFORTFACTORING', 2, 21), clientWithClaims('INKASSO', 1, 22), clientWithClaims('SOFORTFACTORING', 1, 23)]);
  await h.db.client.update({ where: { id: noAccount.client.id }, data: { payoutIban: null } });
  // The Inkasso claim is paid in full: the collected money minus the 6 % fee is released at its payout step.
  const paid = inkasso.claims[0];
  expect((await h.api().post(`/api/claims/${paid.id}/payments`).set('Idempotency-Key', `payout-test-${paid.id}`).send({ amountCents: paid.totalCents, reference: paid.id })).status).toBe(201);
  expect(await h.temporal.workflow.getHandle(claimWorkflowId(paid.id)).result()).toBe('PAID');

  const prices = bought.claims.map((c) => c.totalCents - applyRate(c.totalCents, '0.035'));
  const fee = applyRate(paid.totalCents, '0.06');
  const owed = { bought: prices[0] + prices[1], inkasso: paid.totalCents - fee, noAccount: noAccount.claims[0].totalCents - applyRate(noAccount.claims[0].totalCents, '0.035') };
  expect(await Promise.all([ledgerOwes(bought.client.id), ledgerOwes(inkasso.client.id), ledgerOwes(noAccount.client.id)])).toEqual([owed.bought, owed.inkasso, owed.noAccount]);
  // The Inkasso client is invoiced its fee with the run, 19 % VAT on it deducted from its transfer.
  const vat = applyRate(fee, '0.19');
  const inkassoLine = owed.inkasso - vat;

  const clientIds = [bought.client.id, inkasso.client.id, noAccount.client.id];
  const prepared = await post('/api/payout-runs', 'anna', { clientIds });
  expect(prepared.status).toBe(201);
  const run = prepared.body;
  expect(run).toMatchObject({ status: 'PREVIEWED', preparedBy: 'anna', approvedBy: null, totals: { lineCount: 2, totalCents: owed.bought + inkassoLine, heldBackCents: owed.noAccount }, sepa: null });
  const byClient = Object.fromEntries(run.lines.map((l: { recipientId: string }) => [l.recipientId, l]));
  expect(byClient[bought.client.id]).toMatchObject({ recipientKind: 'CLIENT', amountCents: owed.bought, iban: 'DE02120300000000202051', bic: null, holder: bought.client.name, payables: 2, endToEndId: expect.stringMatching(/^PR\d{8}-[0-9A-F]{16}$/) });
  expect(byClient[inkasso.client.id]).toMatchObject({ amountCents: inkassoLine, payables: 1, invoice: { id: expect.any(String), number: null, netCents: fee, vatRate: '0.19', vatCents: vat } });
  expect(byClient[bought.client.id].invoice).toBeNull();
  expect(run.heldBack).toEqual([expect.objectContaining({ recipientId: noAccount.client.id, amountCents: owed.noAccount, iban: null, reason: `${noAccount.client.name} has no payout account (IBAN): enter one, the amount waits for the next run` })]);

  // Not approved yet: not executed. Four eyes: the preparer cannot approve.
  expect((await post(`/api/payout-runs/${run.id}/execute`, 'ben')).body.error).toMatchObject({ code: 'run_not_approved' });
  const own = await post(`/api/payout-runs/${run.id}/approve`, 'anna');
  expect(own.status).toBe(422);
  expect(own.body.error).toMatchObject({ code: 'four_eyes', message: `payout run ${run.number} was prepared by anna: another person must approve it` });
  const approved = await post(`/api/payout-runs/${run.id}/approve`, 'ben');
  expect(approved.status).toBe(200);
  expect(approved.body).toMatchObject({ status: 'APPROVED', approvedBy: 'ben' });
  expect((await post(`/api/payout-runs/${run.id}/approve`, 'carla')).status).toBe(409);
  expect((await h.api().get(`/api/payout-runs/${run.id}/sepa`)).status).toBe(409);

  // A claim's payable is never in two runs: a second run finds only the held-back client's, and the database refuses a payable twice.
  const second = await post('/api/payout-runs', 'anna', { clientIds });
  expect(second.body).toMatchObject({ totals: { lineCount: 0, totalCents: 0, heldBackCents: owed.noAccount }, lines: [] });
  const payoutOfRun = await h.db.payoutRunItem.findFirstOrThrow({ where: { line: { runId: run.id } } });
  const secondLine = await h.db.payoutRunLine.findFirstOrThrow({ where: { runId: second.body.id } });
  await expect(h.db.payoutRunItem.create({ data: { payoutId: payoutOfRun.payoutId, lineId: secondLine.id, amountCents: payoutOfRun.amountCents } })).rejects.toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
  // Four eyes hold in the database too: no approval by the preparer, whatever writes it.
  await expect(h.db.payoutRun.update({ where: { id: second.body.id }, data: { approvedBy: 'anna' } })).rejects.toThrow(/PayoutRun_four_eyes/);
  expect((await post(`/api/payout-runs/${second.body.id}/cancel`, 'anna')).body).toMatchObject({ status: 'CANCELLED', cancelledBy: 'anna' });

  const result = await executed(run.id);
  const msgId = `PAYOUT-RUN-${String(run.number).padStart(8, '0')}`;
  const uploadedTo = path.posix.join(DEFAULT_PAYOUT_RUN_POLICY.sftpFolder!, `${msgId}.xml`);
  expect(result).toEqual({ runId: run.id, number: run.number, lineCount: 2, totalCents: owed.bought + inkassoLine, sepaMsgId: msgId, uploadedTo });
  const done = (await h.api().get(`/api/payout-runs/${run.id}`)).body;
  expect(done).toMatchObject({ status: 'EXECUTED', sepa: { msgId, uploadedTo }, executedAt: expect.any(String) });

  // The file: valid against the XSD, counts and control sums equal to the lines, the ids the preview showed.
  const file = await h.api().get(`/api/payout-runs/${run.id}/sepa`).buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });
  expect(file.status).toBe(200);
  expect(file.headers['content-disposition']).toBe(`attachment; filename=${msgId}.xml`);
  const xml = (file.body as Buffer).toString('utf8');
  expect(validatePain001(xml).ok).toBe(true);
  const euros = (cents: number) => (cents / 100).toFixed(2);
  const lines = [...run.lines].sort((a, b) => a.endToEndId.localeCompare(b.endToEndId));
  const figures = pain001Figures(xml);
  expect(figures).toMatchObject({ msgId, nbOfTxs: ['2', '2'], ctrlSum: [euros(owed.bought + inkassoLine), euros(owed.bought + inkassoLine)] });
  expect(figures.endToEndIds.sort()).toEqual(lines.map((l) => l.endToEndId));
  expect(figures.ibans[0]).toBe(DEFAULT_PAYOUT_RUN_POLICY.debtor.iban);
  // Uploaded once to the bank's SFTP folder, the same bytes.
  const onServer = await onSftpServer(bankSftp, async (sftp) => (await sftp.get(path.posix.join(bankSftp.baseDir, uploadedTo))) as Buffer);
  expect(onServer.toString('utf8')).toBe(xml);

  // The ledger: each paid client's payables transferred through the bank, the held-back one still owed; every entry balanced.
  expect(await Promise.all([ledgerOwes(bought.client.id), ledgerOwes(inkasso.client.id), ledgerOwes(noAccount.client.id)])).toEqual([0, 0, owed.noAccount]);
  const lineIds = (await h.db.payoutRunLine.findMany({ where: { runId: run.id, heldBackReason: null } })).map((l) => l.id);
  const transfers = await h.db.ledgerTransaction.findMany({ where: { idempotencyKey: { in: lineIds.map((id) => `payout-run-line:${id}`) } }, include: { postings: true } });
  expect(transfers).toHaveLength(2);
  const bank = transfers.flatMap((t) => t.postings).filter((p) => p.account === Account.BANK);
  expect(bank.map((p) => p.amountCents).sort((a, b) => a - b)).toEqual([-owed.bought, -inkassoLine].sort((a, b) => a - b));
  expect(transfers.flatMap((t) => t.postings).filter((p) => p.account === Account.VAT_PAYABLE).map((p) => [p.amountCents, p.clientId])).toEqual([[-vat, inkasso.client.id]]);
  for (const t of transfers) expect(t.postings.reduce((s, p) => s + p.amountCents, 0)).toBe(0);
  const claimIds = [...bought.claims, ...inkasso.claims, ...noAccount.claims].map((c) => c.id);
  const everything = await h.db.ledgerPosting.aggregate({ where: { OR: [{ claimId: { in: claimIds } }, { transactionId: { in: transfers.map((t) => t.id) } }] }, _sum: { amountCents: true } });
  expect(everything._sum.amountCents).toBe(0);
  const trialBalance = await h.db.ledgerPosting.aggregate({ _sum: { amountCents: true } });
  expect(trialBalance._sum.amountCents).toBe(0);

  // Each paid client got the payout journal of its line, once; the held-back client none.
  const journals = await h.db.document.findMany({ where: { idempotencyKey: { startsWith: 'payout-journal:' }, clientId: { in: clientIds } }, select: { clientId: true, kind: true, status: true } });
  expect(journals.sort((a, b) => a.clientId!.localeCompare(b.clientId!))).toEqual([bought.client.id, inkasso.client.id].sort().map((clientId) => ({ clientId, kind: 'PAYOUT_JOURNAL', status: 'SENT' })));
  // And the Inkasso client its invoice.
  expect(await h.db.document.findMany({ where: { idempotencyKey: { startsWith: 'payout-run-invoice:' }, clientId: { in: clientIds } }, select: { clientId: true, kind: true, status: true } })).toEqual([{ clientId: inkasso.client.id, kind: 'CLIENT_INVOICE', status: 'SENT' }]);

  // Executing again changes nothing; the audit trail names who did what.
  expect((await post(`/api/payout-runs/${run.id}/execute`, 'ben')).body).toMatchObject({ status: 'EXECUTED' });
  expect(await h.db.ledgerTransaction.count({ where: { idempotencyKey: { startsWith: 'payout-run-line:' }, id: { in: transfers.map((t) => t.id) } } })).toBe(2);
  const trail = await h.db.auditEvent.findMany({ where: { entityType: 'payout-run', entityId: run.id }, orderBy: { id: 'asc' } });
  expect(trail.map((e) => [e.actor, e.action])).toEqual([
    ['anna', 'prepare'],
    ['ben', 'approve'],
    ['ben', 'execute'],
    ['payout-run', 'sepa-file'],
    ['payout-run', 'sepa-upload'],
    ['payout-run', 'executed'],
  ]);

  // Once the client has an account, the held-back amount goes in the next run.
  await h.db.client.update({ where: { id: noAccount.client.id }, data: { payoutIban: 'DE75512108001245126199' } });
  const next = await post('/api/payout-runs', 'anna', { clientIds });
  expect(next.body).toMatchObject({ totals: { lineCount: 1, totalCents: owed.noAccount, heldBackCents: 0 }, heldBack: [] });
  await post(`/api/payout-runs/${next.body.id}/cancel`, 'anna');
});

test('a run interrupted after every step resumes without a second file, posting or upload', async () => {
  const { client, claims } = await clientWithClaims('SOFORTFACTORING', 1, 24);
  const price = claims[0].totalCents - applyRate(claims[0].totalCents, '0.035');
  const run = (await post('/api/payout-runs', 'anna', { clientIds: [client.id] })).body;
  await post(`/api/payout-runs/${run.id}/approve`, 'ben');

  // Every step does its work, then its worker "crashes" before Temporal records the result.
  await h.stopWorker();
  const real = claimflowActivities(h.services.services);
  await h.startWorker(crashAfterFirstRun(real, ['writePayoutRunSepaFile', 'bookPayoutRunTransfers', 'uploadPayoutRunSepaFile', 'sendPayoutRunJournals', 'finishPayoutRun']));
  try {
    const result = await executed(run.id);
    expect(result).toMatchObject({ lineCount: 1, totalCents: price });
  } finally {
    await h.stopWorker();
    await h.startWorker();
  }
  const history = await h.temporal.workflow.getHandle(payoutRunWorkflowId(run.id)).fetchHistory();
  // Each step ran twice (a retried attempt is recorded as the started attempt's number).
  expect(history.events!.flatMap((e) => (e.activityTaskStartedEventAttributes ? [e.activityTaskStartedEventAttributes.attempt] : []))).toEqual([2, 2, 2, 2, 2]);

  const line = await h.db.payoutRunLine.findFirstOrThrow({ where: { runId: run.id } });
  const postings = await h.db.ledgerPosting.findMany({ where: { transaction: { idempotencyKey: `payout-run-line:${line.id}` } } });
  expect(postings.map((p) => [p.account, p.amountCents, p.claimId]).sort()).toEqual([
    [Account.BANK, -price, null],
    [Account.CLIENT_PAYOUT_DUE, price, claims[0].id],
  ].sort());
  expect(await ledgerOwes(client.id)).toBe(0);
  expect(await h.db.document.findMany({ where: { idempotencyKey: `payout-journal:${line.id}` }, select: { kind: true, status: true } })).toEqual([{ kind: 'PAYOUT_JOURNAL', status: 'SENT' }]);
  expect(h.mails().filter((m) => m.messageId === `<payout-journal:${line.id}@claimflow>`).map((m) => m.to)).toEqual([client.email]);
  const trail = await h.db.auditEvent.findMany({ where: { entityType: 'payout-run', entityId: run.id }, orderBy: { id: 'asc' } });
  expect(trail.map((e) => e.action)).toEqual(['prepare', 'approve', 'execute', 'sepa-file', 'sepa-upload', 'executed']);
  const xml = (await h.db.payoutRun.findUniqueOrThrow({ where: { id: run.id } })).sepaFile!;
  expect(validatePain001(Buffer.from(xml)).ok).toBe(true);
  // Nothing left to pay: the next run finds nothing.
  expect((await post('/api/payout-runs', 'anna', { clientIds: [client.id] })).body.error).toMatchObject({ code: 'nothing_to_pay' });
});

test('the Schedule prepares runs at the policy cron', async () => {
  await ensurePayoutRunSchedule(h.temporal, h.db, h.services.deps.queues.claims);
  const schedule = h.temporal.schedule.getHandle(PAYOUT_RUN_SCHEDULE_ID);
  try {
    const described = await schedule.describe();
    expect(described.action).toMatchObject({ workflowType: 'payoutRunPreparationWorkflow', taskQueue: h.services.deps.queues.claims });
    expect(described.spec.calendars?.length ?? 0).toBeGreaterThan(0);
  } finally {
    await schedule.delete();
  }
});

test('the bank statement’s debit of a run’s transfer is recognised by its end-to-end id, once, and books nothing again', async () => {
  const { client, claims } = await clientWithClaims('SOFORTFACTORING', 1, 25);
  const price = claims[0].totalCents - applyRate(claims[0].totalCents, '0.035');
  const run = (await post('/api/payout-runs', 'anna', { clientIds: [client.id] })).body;
  await post(`/api/payout-runs/${run.id}/approve`, 'ben');
  await executed(run.id);
  const line = await h.db.payoutRunLine.findFirstOrThrow({ where: { runId: run.id } });
  const debit = (amountCents: number) => statement([{ amountCents, ref: ref(), endToEndId: line.endToEndId, name: line.holder ?? client.name, iban: line.iban!, remittance: `Auszahlung ${run.number}`, family: 'ICDT', subFamily: 'ESCT' }]);

  const first = await upload(h, debit(-price));
  expect(first.body).toMatchObject({ status: 'IMPORTED', lines: 1, ignored: 1, matched: 0, queued: 0 });
  const bankLine = await h.db.bankLine.findFirstOrThrow({ where: { fileId: first.body.fileId } });
  expect(bankLine.status).toBe('IGNORED');
  expect((bankLine.decision as { reasons: string[] }).reasons).toContain(`payout run ${run.number}: the transfer to ${client.name}, booked when the run was executed`);
  expect((await h.api().get(`/api/payout-runs/${run.id}`)).body.lines[0]).toMatchObject({ endToEndId: line.endToEndId, debitedOn: bankLine.id });

  // The same id again (a bank's duplicate, or someone else's transfer) is not taken as this transfer a second time.
  const second = await upload(h, debit(-price));
  const other = await h.db.bankLine.findFirstOrThrow({ where: { fileId: second.body.fileId } });
  expect((other.decision as { reasons: string[] }).reasons.at(-1)).toMatch(new RegExp(`end-to-end id of payout run ${run.number}'s transfer .* already debited on another line\\): staff check$`));
  expect((await h.db.payoutRunLine.findUniqueOrThrow({ where: { id: line.id } })).bankLineId).toBe(bankLine.id);
  // The run's posting moved the money when it was executed; the statement lines add nothing.
  for (const l of [bankLine, other]) expect(await h.db.ledgerTransaction.count({ where: { idempotencyKey: { startsWith: `bank-line:${l.id}:` } } })).toBe(0);
});
