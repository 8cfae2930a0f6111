import { useHarness } from '../support/harness';
import { unbalancedEntries } from '../support/ledger-checks';
import { camt053 } from '../../bench/gen/camt053-writer';
import { CENTRE_IBAN, claimRow, openOf, randomIban, ref, statement, upload, waitingClaims, workflowResult } from '../fixtures/bank-import/bank-test-kit';
import { claimWorkflowId } from '../../contracts/workflow-ids';
import { zipArchive } from '../support/zip-archive';

jest.setTimeout(180_000);

const h = useHarness();

const paymentsOf = (claimId: string) => h.db.payment.findMany({ where: { claimId } });
const stagesOf = async (id: string) => (await h.db.auditEvent.findMany({ where: { entityId: id, action: 'stage' } })).map((e) => (e.data as { stage: string }).stage);

test.concurrent('a statement pays claims: paid ones close and stop dunning, a partial payment leaves the claim open, an overpayment becomes credit; the bank account reconciles', async () => {
  const [full, part, over, other] = await waitingClaims(h, 4, { paymentTerm: '20s', reminderInterval: '2s' });
  const payer = randomIban();
  const half = Math.floor(part.totalCents / 2);
  const file = statement([
    { amountCents: full.totalCents, ref: ref(), name: full.payer, iban: payer, remittance: `Rechnung ${full.id} vielen Dank` },
    { amountCents: half, ref: ref(), name: part.payer, iban: randomIban(), remittance: `Teilzahlung ${part.id.toLowerCase()}` },
    { amountCents: over.totalCents + 2000, ref: ref(), name: over.payer, iban: randomIban(), remittance: `RE ${over.id.slice(2, 6)}-${over.id.slice(6)}` },
    { amountCents: 4711, ref: ref(), name: 'Unbekannt', iban: randomIban(), remittance: 'Spende' },
    { amountCents: -350, ref: ref(), family: 'CCRD', subFamily: 'CHRG', remittance: 'Kontoführung' },
  ]);
  const res = await upload(h, file);
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({ status: 'IMPORTED', format: 'camt.053', statements: 1, lines: 5, duplicates: 0, matched: 3, queued: 1, reversed: 0, ignored: 1 });

  expect(await workflowResult(h, full.id)).toBe('PAID');
  expect(await workflowResult(h, over.id)).toBe('PAID');
  expect(await claimRow(h, full.id)).toMatchObject({ stage: 'CLOSED', outcome: 'PAID' });
  // Paid within the payment term: the claim never saw a reminder, and no reminder mail went out.
  expect(await stagesOf(full.id)).not.toContain('REMINDER');
  expect(h.mails().filter((m) => m.raw.includes(full.id) && /Erinnerung|Mahnung/i.test(m.subject))).toEqual([]);
  expect(await openOf(h, part.id)).toBe(part.totalCents - half);
  expect((await claimRow(h, part.id)).outcome).toBeNull();
  expect(await openOf(h, other.id)).toBe(other.totalCents);
  const credit = await h.db.ledgerPosting.aggregate({ where: { claimId: over.id, account: 'payer_credit' }, _sum: { amountCents: true } });
  expect(credit._sum.amountCents).toBe(-2000);

  const detail = await h.api().get(`/api/bank-statements/${res.body.fileId}`);
  const movement = full.totalCents + half + over.totalCents + 2000 + 4711 - 350;
  expect(detail.body.reconciliation).toEqual({ movementCents: movement, bookedCents: movement, ownTransfersCents: 0, differenceCents: 0 });
  expect(await unbalancedEntries(h.db, [full.id, part.id, over.id])).toBe(0);
  const lines = detail.body.lines as Array<{ id: string; status: string; amountCents: number }>;
  expect(lines.map((l) => l.status).sort()).toEqual(['IGNORED', 'MATCHED', 'MATCHED', 'MATCHED', 'UNCLEAR']);
  // Each booked payment carries its bank line's key and reached its claim's workflow once.
  const fullLine = lines.find((l) => l.amountCents === full.totalCents)!;
  expect((await paymentsOf(full.id)).map((p) => p.idempotencyKey)).toEqual([`bank:${fullLine.id}:${full.id}`]);
  const state = await h.temporal.workflow.getHandle(claimWorkflowId(part.id)).query<{ seenPayments: string[] }>('claimState');
  expect(state.seenPayments).toEqual((await paymentsOf(part.id)).map((p) => p.id));
});

test.concurrent('the same file again, and an overlapping statement, book nothing twice', async () => {
  const [a, b] = await waitingClaims(h, 2, { paymentTerm: '1 hour' });
  const first = { amountCents: a.totalCents, ref: ref(), name: a.payer, iban: randomIban(), remittance: a.id };
  const file = statement([first]);
  const res = await upload(h, file);
  expect(res.body).toMatchObject({ lines: 1, matched: 1 });
  expect(await workflowResult(h, a.id)).toBe('PAID');

  const again = await upload(h, file, 'renamed-copy.xml');
  expect(again.status).toBe(200);
  expect(again.body).toMatchObject({ fileId: res.body.fileId, duplicateFile: true, lines: 1, matched: 1, duplicates: 0 });

  // The next day's statement repeats yesterday's entry (same account, date, amount, reference) and pays b.
  const overlapping = camt053([
    { iban: CENTRE_IBAN, id: 'STMT-OVERLAP', openingCents: 1_000_00, date: '2026-11-25', entries: [first, { amountCents: b.totalCents, ref: ref(), name: b.payer, iban: randomIban(), remittance: `Rg.Nr. ${b.id}` }] },
  ]);
  const next = await upload(h, overlapping);
  expect(next.status).toBe(201);
  expect(next.body).toMatchObject({ lines: 2, duplicates: 1, matched: 1, queued: 0 });
  expect(await workflowResult(h, b.id)).toBe('PAID');
  expect(await paymentsOf(a.id)).toHaveLength(1);
  expect(await paymentsOf(b.id)).toHaveLength(1);
  expect(await h.db.bankLine.count({ where: { fileId: next.body.fileId } })).toBe(1);
});

test.concurrent('a broken file is rejected whole with a precise error, kept in quarantine, and books nothing', async () => {
  const [c] = await waitingClaims(h, 1, { paymentTerm: '1 hour' });
  const good = statement([
    { amountCents: c.totalCents, ref: ref(), name: c.payer, iban: randomIban(), remittance: c.id },
    { amountCents: 1000, ref: ref(), name: 'X', iban: randomIban(), remittance: 'zweite Buchung' },
  ]).toString();
  // The second entry's amount is written the German way, which ISO 20022 does not allow.
  const broken = Buffer.from(good.replace(/<Amt Ccy="EUR">10\.00<\/Amt>/, '<Amt Ccy="EUR">10,00</Amt>'));
  const res = await upload(h, broken, 'kaputt.xml');
  expect(res.status).toBe(422);
  expect(res.body.error.code).toBe('bank_file_rejected');
  expect(res.body.error.details).toMatchObject({ fileName: 'kaputt.xml' });
  expect(res.body.error.details.location).toContain('Ntry[2]');
  expect(res.body.error.message).toMatch(/^kaputt\.xml: .*Ntry\[2\].*: /);
  const file = await h.db.bankStatementFile.findUniqueOrThrow({ where: { id: res.body.error.details.fileId }, omit: { content: false } });
  expect(file.status).toBe('QUARANTINED');
  expect(Buffer.from(file.content).equals(broken)).toBe(true);
  expect(await h.db.bankLine.count({ where: { fileId: file.id } })).toBe(0);
  expect(await paymentsOf(c.id)).toEqual([]);
  const list = await h.api().get('/api/bank-statements').query({ status: 'QUARANTINED', limit: 500 });
  expect(list.body.files.map((f: { id: string }) => f.id)).toContain(file.id);
  // Sent again, it is answered the same way, still without booking.
  expect((await upload(h, broken, 'kaputt.xml')).status).toBe(422);
  expect(await paymentsOf(c.id)).toEqual([]);
});

test.concurrent('a ZIP of CAMT files is booked entry by entry; a hostile file is quarantined with its reason while the next one imports', async () => {
  const [a, b] = await waitingClaims(h, 2, { paymentTerm: '1 hour' });
  const zip = zipArchive([
    { name: 'tag1.xml', content: statement([{ amountCents: a.totalCents, ref: ref(), name: a.payer, iban: randomIban(), remittance: a.id }]) },
    { name: 'tag2.xml', content: statement([{ amountCents: b.totalCents, ref: ref(), name: b.payer, iban: randomIban(), remittance: b.id }]) },
  ]);
  const res = await upload(h, zip, 'camt-lieferung.zip');
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({ status: 'IMPORTED', format: 'camt.053', statements: 2, lines: 2, matched: 2 });
  expect(await workflowResult(h, a.id)).toBe('PAID');
  expect(await workflowResult(h, b.id)).toBe('PAID');

  const deep = Buffer.from(`<?xml version="1.0"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">${'<X>'.repeat(100_000)}${'</X>'.repeat(100_000)}</Document>`);
  const rejected = await upload(h, deep, 'tief.xml');
  expect(rejected.status).toBe(422);
  expect(rejected.body.error.details).toMatchObject({ fileName: 'tief.xml', location: 'line 2' });
  expect(rejected.body.error.details.reason).toMatch(/^elements nested deeper than 64 levels/);
  const [c] = await waitingClaims(h, 1, { paymentTerm: '1 hour' });
  expect((await upload(h, statement([{ amountCents: c.totalCents, ref: ref(), name: c.payer, iban: randomIban(), remittance: c.id }]))).body).toMatchObject({ status: 'IMPORTED', matched: 1 });
});

test.concurrent('a returned direct debit reverses only our collection it names, by end-to-end id or mandate reference: one whose end-to-end id names no collection of ours is not matched to a transfer of the same account and amount', async () => {
  const [f, g, m] = await waitingClaims(h, 3, { paymentTerm: '1 hour' });
  const [payerF, payerG, payerM] = [randomIban(), randomIban(), randomIban()];
  const [partF, partG, partM] = [Math.floor(f.totalCents / 3), Math.floor(g.totalCents / 3), Math.floor(m.totalCents / 3)];
  const collectionId = `E2E-${ref()}`;
  const mandateId = `PVS-M-${ref()}`;
  const paid = await upload(
    h,
    statement([
      { amountCents: partF, ref: ref(), name: f.payer, iban: payerF, remittance: `Anzahlung ${f.id}` },
      { amountCents: partG, ref: ref(), endToEndId: collectionId, name: g.payer, iban: payerG, remittance: `${g.id} Lastschrift`, family: 'IDDT', subFamily: 'ESDD' },
      { amountCents: partM, ref: ref(), endToEndId: `E2E-${ref()}`, mandateId, name: m.payer, iban: payerM, remittance: `${m.id} Lastschrift`, family: 'IDDT', subFamily: 'ESDD' },
    ]),
  );
  expect(paid.body.matched).toBe(3);
  await h.eventually('payments seen', async () => ((await openOf(h, f.id)) === f.totalCents - partF && (await openOf(h, g.id)) === g.totalCents - partG && (await openOf(h, m.id)) === m.totalCents - partM ? true : undefined));

  const returned = await upload(
    h,
    statement([
      { amountCents: -partF, ref: ref(), endToEndId: `E2E-${ref()}`, name: f.payer, iban: payerF, family: 'IDDT', subFamily: 'UPDD', remittance: 'RUECKLASTSCHRIFT MD06' },
      { amountCents: -partG, ref: ref(), endToEndId: collectionId, name: g.payer, iban: payerG, family: 'IDDT', subFamily: 'UPDD', remittance: 'RUECKLASTSCHRIFT AM04' },
      // Returned without end-to-end id, account or invoice number: the mandate alone names the collection.
      { amountCents: -partM, ref: ref(), mandateId, name: m.payer, family: 'IDDT', subFamily: 'UPDD', remittance: 'RUECKLASTSCHRIFT MS03' },
    ]),
  );
  expect(returned.body).toMatchObject({ lines: 3, reversed: 2, queued: 1, matched: 0 });
  const byMandate = await h.db.bankLine.findFirstOrThrow({ where: { fileId: returned.body.fileId, amountCents: -partM } });
  expect(byMandate).toMatchObject({ mandateId, status: 'REVERSED' });
  expect((byMandate.decision as { reasons: string[] }).reasons).toContain(`mandate reference ${mandateId} names this collection of ours, of the same amount`);
  expect(await openOf(h, m.id)).toBe(m.totalCents);
  const queued = await h.db.bankLine.findFirstOrThrow({ where: { fileId: returned.body.fileId, status: 'UNCLEAR' } });
  expect(queued.amountCents).toBe(-partF);
  const decision = queued.decision as { reasons: string[]; suggestions: { reasons: string[] }[] };
  expect(decision.reasons.join(' ')).toContain('names no collection of ours');
  expect(decision.suggestions[0].reasons.join(' ')).toContain('match a transfer');
  expect(await openOf(h, f.id)).toBe(f.totalCents - partF);
  expect(await openOf(h, g.id)).toBe(g.totalCents);
  expect(await unbalancedEntries(h.db, [f.id, g.id, m.id])).toBe(0);
});

test.concurrent('a return reverses the payment it names and the claim is dunned again; a return on a closed claim goes to staff; our own transfers are recorded only', async () => {
  const [d, e] = await waitingClaims(h, 2, { paymentTerm: '1 hour' });
  const [payerD, payerE] = [randomIban(), randomIban()];
  const part = Math.floor(d.totalCents / 3);
  const paid = await upload(
    h,
    statement([
      { amountCents: part, ref: ref(), endToEndId: `E2E-${ref()}`, name: d.payer, iban: payerD, remittance: `Anzahlung ${d.id}` },
      { amountCents: e.totalCents, ref: ref(), endToEndId: `E2E-${ref()}`, name: e.payer, iban: payerE, remittance: e.id },
    ]),
  );
  expect(paid.body.matched).toBe(2);
  const e2e = async (claimId: string) => (await h.db.bankLine.findFirstOrThrow({ where: { fileId: paid.body.fileId, allocations: { some: { claimId } } } })).endToEndId!;
  await h.eventually('payment seen', async () => ((await openOf(h, d.id)) === d.totalCents - part ? true : undefined));
  expect(await workflowResult(h, e.id)).toBe('PAID');

  const payout = 12_345;
  const returned = await upload(
    h,
    statement([
      { amountCents: -part, ref: ref(), endToEndId: await e2e(d.id), name: d.payer, iban: payerD, subFamily: 'RRTN' },
      { amountCents: -e.totalCents, ref: ref(), endToEndId: await e2e(e.id), name: e.payer, iban: payerE, subFamily: 'RRTN' },
      { amountCents: -payout, ref: ref(), family: 'ICDT', subFamily: 'ESCT', name: 'Praxis', iban: randomIban(), remittance: 'Auszahlung' },
    ]),
  );
  expect(returned.body).toMatchObject({ lines: 3, reversed: 1, queued: 1, ignored: 1, matched: 0 });
  expect(await openOf(h, d.id)).toBe(d.totalCents);
  const original = await h.db.bankAllocation.findFirstOrThrow({ where: { claimId: d.id, kind: 'CLAIM' } });
  expect(original.reversedAt).not.toBeNull();
  // e closed as paid (and its client was paid out): the return does not reopen it silently.
  const queued = await h.db.bankLine.findFirstOrThrow({ where: { fileId: returned.body.fileId, status: 'UNCLEAR' } });
  expect(queued.amountCents).toBe(-e.totalCents);
  expect((queued.decision as { reasons: string[] }).reasons.join(' ')).toContain(`claim ${e.id} is closed (PAID)`);
  expect(await openOf(h, e.id)).toBe(0);
  expect(await unbalancedEntries(h.db, [d.id, e.id])).toBe(0);
  const detail = await h.api().get(`/api/bank-statements/${returned.body.fileId}`);
  const movement = -part - e.totalCents - payout;
  expect(detail.body.reconciliation).toEqual({ movementCents: movement, bookedCents: -part - e.totalCents, ownTransfersCents: -payout, differenceCents: 0 });
  // The workflow heard of it: its open amount is the whole claim again, and it is still waiting.
  await h.eventually('workflow sees the return', async () => {
    const s = await h.temporal.workflow.getHandle(claimWorkflowId(d.id)).query<{ openCents: number; stage: string }>('claimState');
    return s.openCents === d.totalCents && s.stage === 'WAITING' ? true : undefined;
  });
});
