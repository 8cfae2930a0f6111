import { ScheduleOverlapPolicy } from '@temporalio/client';
import { formatDate } from '../../domain/format';
import { formatInvoiceNumber } from '../../domain/invoice-number';
import { Account } from '../../domain/ledger/accounts';
import { limitationEvents } from '../../persistence/claims/limitation-events';
import { LAWYER_FEEDBACK_SCHEDULE_ID, ensureLawyerFeedbackSchedule } from '../../services/scheduling/lawyer-feedback-schedule';
import { ref, statement, upload } from '../fixtures/bank-import/bank-test-kit';
import { useHarness } from '../support/harness';
import { COLLECTION_TEST_POLICY, claimResult, claimsInCollection, claimState, euro, feedbackCsv, folderNames, newLawyer, putFeedback, readFeedbackNow, reconciledBalances } from '../support/collection-kit';

jest.setTimeout(180_000);

const h = useHarness();
const { LAWYER_CLEARING, LAWYER_PAYABLE, RECEIVABLE_PRINCIPAL, RECEIVABLE_COSTS, BANK, BAD_DEBT, CLIENT_PAYABLE, CLIENT_CLAIMS, FEE_INCOME, UNALLOCATED_RECEIPTS } = Account;
/** Reports carry calendar days: today's, so the claims' interest runs to the day the tests run. */
const todayIso = new Date().toISOString().slice(0, 10);
const TODAY = formatDate(todayIso);
/** The day `n` days from today (ISO), and as the lawyer writes it. */
const dayIn = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const inDays = (n: number) => formatDate(dayIn(n));
/** An invoice number of ours (right check digits) that no claim has. */
const NO_CLAIM = formatInvoiceNumber(99_999_999);

test('staff register lawyers: an IBAN belongs to one lawyer, folders are absolute, every change audited', async () => {
  const lawyer = await newLawyer(h);
  const listed = (await h.api().get('/api/collection/lawyers')).body.lawyers;
  expect(listed).toContainEqual(lawyer);
  const changed = await h.api().put(`/api/collection/lawyers/${lawyer.id}`).send({ ...lawyer, id: undefined, name: `${lawyer.name} & Partner` });
  expect(changed.status).toBe(200);
  const other = await h.api().put(`/api/collection/lawyers/${lawyer.id}-2`).send({ ...lawyer, id: undefined });
  expect(other.status).toBe(409);
  expect(other.body.error).toMatchObject({ code: 'iban_taken' });
  const bad = await h.api().put(`/api/collection/lawyers/${lawyer.id}-3`).send({ name: 'X', iban: 'DE00123', outboxFolder: 'relative/out', doneFolder: '/a/../b' });
  expect(bad.status).toBe(400);
  expect(await h.db.auditEvent.findMany({ where: { entityType: 'lawyer', entityId: lawyer.id }, select: { action: true, actor: true }, orderBy: { id: 'asc' } })).toEqual([
    { action: 'create', actor: 'verwaltung' },
    { action: 'update', actor: 'test.user' },
  ]);
});

test('the lawyer collects in full (read by the Schedule); its transfers settle the clearing account: one for the claims it names, one for the rest', async () => {
  const lawyer = await newLawyer(h);
  const [a, b, c] = await claimsInCollection(h, 'INKASSO', 3);
  const all = [a, b, c].map((x) => x.id);
  await putFeedback(
    lawyer,
    'rueckmeldung-1.csv',
    feedbackCsv([`L1;${a.id};AZ 1/26;BESTAETIGT;${TODAY};;;`, `L2;${a.id};AZ 1/26;ZAHLUNG;${TODAY};${euro(a.openCents)};;`, `L3;${b.id};AZ 2/26;ZAHLUNG;${TODAY};${euro(b.openCents)};;`, `L4;${c.id};AZ 3/26;ZAHLUNG;${TODAY};${euro(c.openCents)};;`]),
  );

  await ensureLawyerFeedbackSchedule(h.temporal, h.db, h.services.deps.queues.claims);
  const schedule = h.temporal.schedule.getHandle(LAWYER_FEEDBACK_SCHEDULE_ID);
  expect((await schedule.describe()).action).toMatchObject({ workflowType: 'lawyerFeedbackWorkflow', taskQueue: h.services.deps.queues.claims });
  await schedule.trigger(ScheduleOverlapPolicy.BUFFER_ONE);
  await h.eventually('the file moved to the done folder', async () => ((await folderNames(lawyer.doneFolder)).includes('rueckmeldung-1.csv') ? true : undefined));
  expect(await folderNames(lawyer.outboxFolder)).toEqual([]);

  for (const x of [a, b, c]) expect(await claimResult(h, x.id)).toBe('PAID');
  const payments = await h.db.payment.findMany({ where: { claimId: { in: all } }, orderBy: { claimId: 'asc' } });
  expect(payments.map((p) => [p.claimId, p.amountCents, p.source])).toEqual([a, b, c].sort((x, y) => x.id.localeCompare(y.id)).map((x) => [x.id, x.openCents, 'lawyer']));
  expect(payments.find((p) => p.claimId === a.id)?.reference).toBe('AZ 1/26');
  const collected = await reconciledBalances(h, all);
  expect(collected).toMatchObject({ [LAWYER_CLEARING]: a.openCents + b.openCents + c.openCents, [RECEIVABLE_PRINCIPAL]: 0, [RECEIVABLE_COSTS]: 0 });

  // A transfer that fits nothing open goes to the unclear-payments queue with its reason.
  const wrong = await upload(h, statement([{ amountCents: 1234, ref: ref(), name: lawyer.name, iban: lawyer.iban, remittance: 'Abrechnung 11/2026' }]));
  expect(wrong.body).toMatchObject({ lines: 1, queued: 1, matched: 0 });
  const queued = await h.db.bankLine.findFirstOrThrow({ where: { counterpartyIban: lawyer.iban, amountCents: 1234 } });
  expect(queued.status).toBe('UNCLEAR');
  expect((queued.decision as { reasons: string[] }).reasons.join(' ')).toContain(`transfer from lawyer ${lawyer.name}: 12,34 € matches neither the`);
  expect(await h.db.ledgerPosting.aggregate({ where: { transaction: { idempotencyKey: { startsWith: `bank-line:${queued.id}:` } }, account: UNALLOCATED_RECEIPTS }, _sum: { amountCents: true } })).toEqual({ _sum: { amountCents: -1234 } });

  // One transfer for the two claims its remittance names; then one for what is left open.
  const named = [a, b].sort((x, y) => x.id.localeCompare(y.id));
  const first = await upload(h, statement([{ amountCents: a.openCents + b.openCents, ref: ref(), name: lawyer.name, iban: lawyer.iban, remittance: `Abrechnung 12/2026 ${a.id} ${b.id}` }]));
  expect(first.body).toMatchObject({ lines: 1, matched: 1, queued: 0 });
  const line = await h.db.bankLine.findFirstOrThrow({ where: { fileId: first.body.fileId } });
  expect(line).toMatchObject({ status: 'MATCHED', decision: { action: 'BOOK', settles: 'lawyer_clearing', lawyerId: lawyer.id, allocations: named.map((x) => ({ claimId: x.id, amountCents: x.openCents })) } });
  expect((await reconciledBalances(h, all))[LAWYER_CLEARING]).toBe(c.openCents);
  const second = await upload(h, statement([{ amountCents: c.openCents, ref: ref(), name: lawyer.name, iban: lawyer.iban, remittance: 'Abrechnung 12/2026 Rest' }]));
  expect(second.body).toMatchObject({ lines: 1, matched: 1, queued: 0 });

  const settled = await reconciledBalances(h, all);
  expect(settled[LAWYER_CLEARING]).toBe(0);
  // The bank holds what the lawyer sent; what the client is owed is released to its next payout run.
  const paidOut = (await h.db.payout.aggregate({ where: { claimId: { in: all } }, _sum: { amountCents: true } }))._sum.amountCents!;
  expect(settled[BANK]).toBe(a.openCents + b.openCents + c.openCents);
  expect(settled[Account.CLIENT_PAYOUT_DUE]).toBe(-paidOut);
  for (const [file, cents] of [[first, a.openCents + b.openCents], [second, c.openCents]] as const) {
    const reconciliation = (await h.api().get(`/api/bank-statements/${file.body.fileId}`)).body.reconciliation;
    expect(reconciliation).toEqual({ movementCents: cents, bookedCents: cents, ownTransfersCents: 0, differenceCents: 0 });
  }
});

test('the lawyer collects in part, then agrees installments that are kept', async () => {
  const lawyer = await newLawyer(h);
  const [c] = await claimsInCollection(h, 'INKASSO', 1);
  const part = Math.floor(c.openCents / 2);
  const rest = c.openCents - part;
  const first = Math.floor(rest / 2);
  await putFeedback(lawyer, 'teil.csv', feedbackCsv([`P1;${c.id};;BESTAETIGT;${TODAY};;;`, `P2;${c.id};;ZAHLUNG;${TODAY};${euro(part)};;`, `P3;${c.id};;RATENZAHLUNG;${TODAY};;;${inDays(30)}=${euro(first)}|${inDays(60)}=${euro(rest - first)}`]));
  await readFeedbackNow(h);
  const state = await h.eventually('the plan in the claim state', async () => {
    const s = await claimState(h, c.id);
    return s.installments.length === 2 && s.openCents === rest ? s : undefined;
  });
  expect(state).toMatchObject({ stage: 'COLLECTION', lawyer: { acknowledgedOn: todayIso }, installments: [{ dueAt: Date.parse(dayIn(30)), amountCents: first }, { dueAt: Date.parse(dayIn(60)), amountCents: rest - first }] });
  expect(await reconciledBalances(h, [c.id])).toMatchObject({ [LAWYER_CLEARING]: part, [RECEIVABLE_COSTS]: 0 });

  await putFeedback(lawyer, 'raten.csv', feedbackCsv([`P4;${c.id};;ZAHLUNG;${TODAY};${euro(first)};;`, `P5;${c.id};;ZAHLUNG;${TODAY};${euro(rest - first)};;`]));
  await readFeedbackNow(h);
  expect(await claimResult(h, c.id)).toBe('PAID');
  expect(await reconciledBalances(h, [c.id])).toMatchObject({ [LAWYER_CLEARING]: c.openCents, [RECEIVABLE_PRINCIPAL]: 0, [RECEIVABLE_COSTS]: 0 });
});

test('a dunning order, then a title: both recorded as limitation events and in the claim state; staff can enter a report by hand, once per key', async () => {
  const lawyer = await newLawyer(h);
  const [c] = await claimsInCollection(h, 'INKASSO', 1);
  await putFeedback(lawyer, 'mb.csv', feedbackCsv([`D1;${c.id};;MAHNBESCHEID;20.11.2026;;;`]));
  await readFeedbackNow(h);
  const title = { kind: 'title', claimId: c.id, date: '2026-12-01', lawyerRef: 'AZ 9/26' };
  const entered = await h.api('sachbearbeiterin.k').post(`/api/collection/lawyers/${lawyer.id}/reports`).set('Idempotency-Key', `vb-${c.id}`).send(title);
  expect(entered.status).toBe(201);
  const again = await h.api().post(`/api/collection/lawyers/${lawyer.id}/reports`).set('Idempotency-Key', `vb-${c.id}`).send(title);
  expect(again.status).toBe(200);
  expect(again.body.reportId).toBe(entered.body.reportId);
  const other = await h.api().post(`/api/collection/lawyers/${lawyer.id}/reports`).set('Idempotency-Key', `vb-${c.id}`).send({ ...title, date: '2026-12-02' });
  expect(other.status).toBe(409);
  const invalid = await h.api().post(`/api/collection/lawyers/${lawyer.id}/reports`).set('Idempotency-Key', 'x').send({ kind: 'collected', claimId: c.id, date: '2026-12-01', amountCents: -5 });
  expect(invalid.status).toBe(400);
  expect((await h.api().post(`/api/collection/lawyers/${lawyer.id}/reports`).send(title)).status).toBe(400);

  expect((await limitationEvents(h.db, c.id)).map((e) => [e.kind, e.date])).toEqual([['DUNNING_ORDER', '2026-11-20'], ['TITLE', '2026-12-01']]);
  const state = await h.eventually('both in the claim state', async () => {
    const s = await claimState(h, c.id);
    return s.lawyer?.titleOn ? s : undefined;
  });
  expect(state).toMatchObject({ stage: 'COLLECTION', lawyer: { dunningOrderOn: '2026-11-20', titleOn: '2026-12-01' } });
  expect(await h.db.auditEvent.count({ where: { entityId: c.id, action: 'lawyer_report:title', actor: 'sachbearbeiterin.k' } })).toBe(1);
  // The claim waits for the lawyer now: the silence period, not the collection period.
  expect(state.nextActionAt).toBeGreaterThan(Date.now() + 50 * 60_000);
});

test.each([
  ['INKASSO', 'the client bears principal and the lawyer costs'],
  ['SOFORTFACTORING', 'the centre bears principal and lawyer costs as bad debt'],
] as const)('uncollectable and written off (%s): %s; the client gets a letter', async (tariff, _bearer) => {
  const lawyer = await newLawyer(h);
  const [c] = await claimsInCollection(h, tariff, 1);
  const before = await reconciledBalances(h, [c.id]);
  await putFeedback(lawyer, 'ende.csv', feedbackCsv([`U1;${c.id};;KOSTEN;${TODAY};83,54;;`, `U2;${c.id};;UNEINBRINGLICH;${TODAY};;INSOLVENZ;`]));
  await readFeedbackNow(h);
  expect(await claimResult(h, c.id)).toBe('WRITTEN_OFF');
  const after = await reconciledBalances(h, [c.id]);
  const principal = before[RECEIVABLE_PRINCIPAL];
  expect(after).toMatchObject({ [RECEIVABLE_PRINCIPAL]: 0, [RECEIVABLE_COSTS]: 0, [LAWYER_PAYABLE]: -8354 });
  // The centre's own dunning fee is dropped either way.
  expect(after[FEE_INCOME] - before[FEE_INCOME]).toBe(250);
  if (tariff === 'INKASSO') {
    expect(after[CLIENT_CLAIMS] ?? 0).toBe(0);
    // What the client bears is charged to its payable and released to its payout run, which nets it.
    const owedByClient = (b: Record<string, number>) => (b[CLIENT_PAYABLE] ?? 0) + (b[Account.CLIENT_PAYOUT_DUE] ?? 0);
    expect(owedByClient(after) - owedByClient(before)).toBe(8354);
    expect(after[Account.CLIENT_PAYOUT_DUE] - (before[Account.CLIENT_PAYOUT_DUE] ?? 0)).toBe(8354);
    expect(after[BAD_DEBT] ?? 0).toBe(0);
  } else {
    expect(after[BAD_DEBT]).toBe(principal + 8354);
    expect((after[CLIENT_PAYABLE] ?? 0) - (before[CLIENT_PAYABLE] ?? 0)).toBe(0);
  }
  const notice = await h.db.document.findUniqueOrThrow({ where: { idempotencyKey: `write-off-notice:${c.id}` } });
  expect(notice).toMatchObject({ kind: 'WRITE_OFF_NOTICE', clientId: c.clientId, status: 'SENT' });
  expect(h.mails().some((m) => m.subject.includes(`Ausbuchung Rechnung ${c.id}`))).toBe(true);
});

test('a damaged feedback file: the good lines are booked, the bad ones quarantined with line and reason; a cut-off file is quarantined whole', async () => {
  const lawyer = await newLawyer(h);
  const [c] = await claimsInCollection(h, 'INKASSO', 1);
  const damaged = feedbackCsv([`G1;${c.id};;BESTAETIGT;${TODAY};;;`, `G2;${c.id};;ZAHLUNG;32.12.2026;10,00;;`, `G3;${NO_CLAIM};;ZAHLUNG;${TODAY};10,00;;`, `G4;${c.id};;ZAHLUNG;${TODAY};10,00;;`, `G5;${c.id};;KLAGE;${TODAY};;;`]);
  await putFeedback(lawyer, 'beschaedigt.csv', damaged);
  await putFeedback(lawyer, 'abgeschnitten.csv', damaged.subarray(0, damaged.length - 10));
  const results = await readFeedbackNow(h);
  expect(results.map((r) => ('summary' in r ? [r.name, r.summary.status, r.summary.reports, r.summary.problems] : r))).toEqual([
    ['abgeschnitten.csv', 'QUARANTINED', 0, 1],
    ['beschaedigt.csv', 'PROCESSED', 2, 3],
  ]);
  expect(await h.db.payment.findMany({ where: { claimId: c.id }, select: { amountCents: true } })).toEqual([{ amountCents: 1000 }]);
  await h.eventually('the payment in the claim state', async () => ((await claimState(h, c.id)).openCents === c.openCents - 1000 ? true : undefined));
  expect(await reconciledBalances(h, [c.id])).toMatchObject({ [LAWYER_CLEARING]: 1000 });

  const fileIds = results.flatMap((r) => ('summary' in r ? [r.summary.fileId] : []));
  const listed = await h.api().get('/api/collection/quarantine').query({ fileId: fileIds[1] });
  expect(listed.status).toBe(200);
  expect(listed.body.items.map((i: { fileName: string; line: number; field: string; reason: string }) => [i.fileName, i.line, i.field, i.reason])).toEqual([
    ['beschaedigt.csv', 3, 'Datum', '"32.12.2026" is not a date (dd.mm.yyyy)'],
    ['beschaedigt.csv', 4, 'Rechnungsnummer', `claim ${NO_CLAIM} does not exist`],
    ['beschaedigt.csv', 6, 'Meldung', 'unknown report "KLAGE" (known: BESTAETIGT, ZAHLUNG, RATENZAHLUNG, MAHNBESCHEID, TITEL, KOSTEN, UNEINBRINGLICH, RUECKGABE)'],
  ]);
  const whole = (await h.api().get('/api/collection/quarantine').query({ fileId: fileIds[0] })).body.items;
  expect(whole).toEqual([expect.objectContaining({ fileName: 'abgeschnitten.csv', line: 0, field: 'trailer', reason: 'no trailer line "ENDE;<count>": the file may be cut off' })]);
  expect((await folderNames(lawyer.doneFolder)).sort()).toEqual(['abgeschnitten.csv', 'beschaedigt.csv']);
});

test('the lawyer returns the case: an Inkasso claim goes back to the client', async () => {
  const lawyer = await newLawyer(h);
  const [c] = await claimsInCollection(h, 'INKASSO', 1);
  await putFeedback(lawyer, 'rueckgabe.csv', feedbackCsv([`R1;${c.id};;RUECKGABE;${TODAY};;Mandat niedergelegt;`]));
  await readFeedbackNow(h);
  expect(await claimResult(h, c.id)).toBe('RETURNED');
  expect(await reconciledBalances(h, [c.id])).toMatchObject({ [RECEIVABLE_PRINCIPAL]: 0, [RECEIVABLE_COSTS]: 0, [CLIENT_CLAIMS]: 0 });
  expect((await h.db.lawyerReport.findFirstOrThrow({ where: { claimId: c.id } })).data).toMatchObject({ kind: 'returned', note: 'Mandat niedergelegt' });
});

test('a lawyer who goes silent longer than the silence period: the claim closes as uncollectible, counted from the last report', async () => {
  const lawyer = await newLawyer(h);
  const [c] = await claimsInCollection(h, 'INKASSO', 1, { collection: { ...COLLECTION_TEST_POLICY.collection!, silencePeriod: '4s' } });
  await putFeedback(lawyer, 'still.csv', feedbackCsv([`S1;${c.id};;BESTAETIGT;${TODAY};;;`]));
  await readFeedbackNow(h);
  const reportedAt = Date.now();
  expect(await claimResult(h, c.id)).toBe('RETURNED');
  expect(Date.now() - reportedAt).toBeGreaterThanOrEqual(3_000);
  const state = await claimState(h, c.id);
  expect(state.lawyer).toMatchObject({ acknowledgedOn: todayIso, seenReports: [expect.any(String)] });
  expect(await reconciledBalances(h, [c.id])).toMatchObject({ [RECEIVABLE_PRINCIPAL]: 0, [CLIENT_CLAIMS]: 0 });
});

test('the same feedback file read twice, and a line id seen before in another file, book nothing twice', async () => {
  const lawyer = await newLawyer(h);
  const [c] = await claimsInCollection(h, 'INKASSO', 1);
  const file = feedbackCsv([`W1;${c.id};;ZAHLUNG;${TODAY};20,00;;`, `W2;${c.id};;KOSTEN;${TODAY};5,00;;`]);
  await putFeedback(lawyer, 'zweimal.csv', file);
  const [first] = await readFeedbackNow(h);
  // As after a crash between reading and moving: the same file is in the outbox again.
  await putFeedback(lawyer, 'zweimal.csv', file);
  const [second] = await readFeedbackNow(h);
  if (!('summary' in first) || !('summary' in second)) throw new Error('not read');
  expect(second.summary).toEqual(first.summary);
  expect(second.archivedTo).toMatch(new RegExp(`zweimal\\.csv\\.${first.summary.fileId}$`));
  // Another file repeating a line id: that line is skipped.
  await putFeedback(lawyer, 'nachtrag.csv', feedbackCsv([`W1;${c.id};;ZAHLUNG;${TODAY};20,00;;`, `W3;${c.id};;BESTAETIGT;${TODAY};;;`]));
  const [third] = await readFeedbackNow(h);
  expect('summary' in third && third.summary).toMatchObject({ reports: 1, duplicates: 1, problems: 0 });

  expect(await h.db.payment.count({ where: { claimId: c.id } })).toBe(1);
  expect(await h.db.lawyerReport.count({ where: { claimId: c.id } })).toBe(3);
  expect(await reconciledBalances(h, [c.id])).toMatchObject({ [LAWYER_CLEARING]: 2000, [LAWYER_PAYABLE]: -500 });
  await h.eventually('the claim saw each report once', async () => ((await claimState(h, c.id)).lawyer?.seenReports.length === 3 ? true : undefined));
});
