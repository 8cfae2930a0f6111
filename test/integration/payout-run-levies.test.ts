import { payoutRunWorkflowId } from '../../contracts/workflow-ids';
import { Account } from '../../domain/ledger/accounts';
import { LevyRecipientInput } from '../../domain/splitting/levy-recipient';
import { leviesOwed } from '../../persistence/money/levies-owed';
import { createSplittingService } from '../../services/money/splitting-service';
import { claimflowActivities } from '../../workers/claim-worker';
import { crashAfterFirstRun } from '../support/faults';
import { paidAndReleasedClaim } from '../support/goae-claim';
import { useHarness } from '../support/harness';
import { pain001Figures, validatePain001 } from '../support/sepa-schema';

jest.setTimeout(240_000);

const h = useHarness();
const post = (url: string, actor: string, body: object = {}) => h.api(actor).post(url).send(body);

const paidAndReleased = (clientId: string) => paidAndReleasedClaim(h.db, clientId);

/** The claims' balance on an account per client and in total. */
async function levyPayable(claimIds: string[]): Promise<number> {
  const sum = await h.db.ledgerPosting.aggregate({ where: { claimId: { in: claimIds }, account: Account.LEVY_PAYABLE }, _sum: { amountCents: true } });
  return sum._sum.amountCents ?? 0;
}

test('levy recipients are paid in the run, once though it is interrupted after every step: the client line net of the levies, exact cents, a recipient without a valid IBAN held back', async () => {
  const splitting = createSplittingService({ db: h.db });
  const doctor = await h.client('INKASSO');
  const hospital = await splitting.createLevyRecipient(LevyRecipientInput.parse({ name: 'Klinikum Süd', iban: 'DE89 3704 0044 0532 0130 00', bic: 'cobadeffxxx' }), 'test');
  const pool = await splitting.createLevyRecipient(LevyRecipientInput.parse({ name: 'Mitarbeiterpool', iban: 'DE02120300000000202051' }), 'test');
  const foundation = await splitting.createLevyRecipient(LevyRecipientInput.parse({ name: 'Stiftung Nord', iban: 'DE75512108001245126199' }), 'test');
  await splitting.saveLevyRules(doctor.id, [
    { label: 'Chefarztabgabe', recipientId: hospital.id, match: { sections: ['O'] }, rate: '0.35' },
    { label: 'Pool', recipientId: pool.id, match: { all: true }, fixedCents: 500 },
    { label: 'Stiftung', recipientId: foundation.id, match: { all: true }, fixedCents: 100 },
  ], 'test');
  // The foundation's IBAN was mistyped in the master data (written past the API's check).
  await h.db.levyRecipient.update({ where: { id: foundation.id }, data: { iban: 'DE75512108001245126198' } });
  const claims = [await paidAndReleased(doctor.id), await paidAndReleased(doctor.id)];

  // Per claim: 6 % fee of 4941 = 296, 4645 owed; the levies 35 % of the X-ray's 1749 = 612 (612.15),
  // 500 and 100 are taken before the release: the client's payable is 4645 - 1212 = 3433.
  expect((await h.db.payout.findMany({ where: { claimId: { in: claims } } })).map((p) => p.amountCents)).toEqual([3433, 3433]);
  expect(await levyPayable(claims)).toBe(-2 * 1212);

  const prepared = await post('/api/payout-runs', 'anna', { clientIds: [doctor.id] });
  expect(prepared.status).toBe(201);
  const run = prepared.body;
  // The client's line is its payables as released (the levies are not taken a second time), less
  // the 19 % VAT on its 592 fees (112, its run invoice); each recipient a line of its own.
  expect(run.totals).toEqual({ lineCount: 3, totalCents: 6754 + 1224 + 1000, heldBackCents: 200 });
  expect(run.lines.map((l: Record<string, unknown>) => [l.recipientKind, l.recipientId, l.name, l.amountCents, l.iban, l.bic, l.holder, l.payables])).toEqual([
    ['LEVY_RECIPIENT', hospital.id, 'Klinikum Süd', 1224, 'DE89370400440532013000', 'COBADEFFXXX', 'Klinikum Süd', 2],
    ['LEVY_RECIPIENT', pool.id, 'Mitarbeiterpool', 1000, 'DE02120300000000202051', null, 'Mitarbeiterpool', 2],
    ['CLIENT', doctor.id, doctor.name, 6754, 'DE02120300000000202051', null, doctor.name, 2],
  ].sort((a, b) => String(a[2]).localeCompare(String(b[2]))));
  expect(run.heldBack).toEqual([expect.objectContaining({ recipientKind: 'LEVY_RECIPIENT', recipientId: foundation.id, amountCents: 200, reason: 'the payout IBAN "DE75512108001245126198" of Stiftung Nord is not a valid IBAN' })]);
  const ids = run.lines.map((l: { endToEndId: string }) => l.endToEndId);
  expect(new Set(ids).size).toBe(3);
  for (const id of ids) expect(id).toMatch(new RegExp(`^PR${String(run.number).padStart(8, '0')}-[0-9A-F]{16}$`));

  // A second run prepared meanwhile finds the levies taken by the first (only the held-back one is open).
  const second = (await post('/api/payout-runs', 'anna', { clientIds: [doctor.id] })).body;
  expect(second.totals).toEqual({ lineCount: 0, totalCents: 0, heldBackCents: 200 });
  expect((await post(`/api/payout-runs/${second.id}/cancel`, 'anna')).status).toBe(200);

  // Executed with a worker that "crashes" after every step did its work: each step runs twice.
  expect((await post(`/api/payout-runs/${run.id}/approve`, 'ben')).status).toBe(200);
  await h.stopWorker();
  await h.startWorker(crashAfterFirstRun(claimflowActivities(h.services.services), ['writePayoutRunSepaFile', 'bookPayoutRunTransfers', 'uploadPayoutRunSepaFile', 'sendPayoutRunJournals', 'finishPayoutRun']));
  try {
    expect((await post(`/api/payout-runs/${run.id}/execute`, 'ben')).status).toBe(202);
    expect(await h.temporal.workflow.getHandle(payoutRunWorkflowId(run.id)).result()).toMatchObject({ lineCount: 3, totalCents: 8978 });
  } finally {
    await h.stopWorker();
    await h.startWorker();
  }

  // The file: three transfers, 89.78 EUR, the recipients' accounts, the levy remittance.
  const xml = Buffer.from((await h.db.payoutRun.findUniqueOrThrow({ where: { id: run.id } })).sepaFile!).toString('utf8');
  expect(validatePain001(xml).ok).toBe(true);
  const figures = pain001Figures(xml);
  expect(figures).toMatchObject({ nbOfTxs: ['3', '3'], ctrlSum: ['89.78', '89.78'] });
  expect(figures.endToEndIds.sort()).toEqual([...ids].sort());
  expect(figures.ibans.slice(1).sort()).toEqual(['DE02120300000000202051', 'DE02120300000000202051', 'DE89370400440532013000']);
  expect(xml).toContain(`<Ustrd>Abgaben ${run.number} Klinikum Sued</Ustrd>`);

  // The ledger: one balanced entry per claim levy paid, levy_payable → bank, booked once; the held-back levies still owed.
  const claimLevies = await h.db.claimLevy.findMany({ where: { claimId: { in: claims }, recipientId: { in: [hospital.id, pool.id] } } });
  const paid = await h.db.ledgerTransaction.findMany({ where: { idempotencyKey: { startsWith: 'levy-paid:' }, postings: { some: { claimId: { in: claims } } } }, include: { postings: true } });
  expect(paid.map((t) => t.idempotencyKey).sort()).toEqual(claimLevies.map((l) => `levy-paid:${l.id}:${run.id}`).sort());
  for (const t of paid) {
    const levy = claimLevies.find((l) => t.idempotencyKey === `levy-paid:${l.id}:${run.id}`)!;
    expect(t.postings.map((p) => [p.account, p.amountCents, p.clientId]).sort()).toEqual([
      [Account.BANK, -levy.amountCents, doctor.id],
      [Account.LEVY_PAYABLE, levy.amountCents, doctor.id],
    ].sort());
  }
  expect(await levyPayable(claims)).toBe(-200);
  const clientLine = await h.db.payoutRunLine.findFirstOrThrow({ where: { runId: run.id, recipientKind: 'CLIENT' } });
  const runEntries = await h.db.ledgerPosting.groupBy({ by: ['transactionId'], where: { transaction: { idempotencyKey: { in: [...paid.map((t) => t.idempotencyKey), `payout-run-line:${clientLine.id}`] } } }, _sum: { amountCents: true } });
  expect(runEntries.map((e) => e._sum.amountCents)).toEqual([0, 0, 0, 0, 0]);
  const bankOut = await h.db.ledgerPosting.aggregate({ where: { account: Account.BANK, transaction: { idempotencyKey: { in: [...paid.map((t) => t.idempotencyKey), `payout-run-line:${clientLine.id}`] } } }, _sum: { amountCents: true } });
  expect(bankOut._sum.amountCents).toBe(-8978);
  // Journals go to clients only: the doctor got its payout journal once.
  expect(await h.db.document.count({ where: { idempotencyKey: { startsWith: 'payout-journal:' }, clientId: doctor.id } })).toBe(1);

  // The foundation's IBAN corrected: the next run pays it its 2 EUR, and nothing is owed any more.
  await h.db.levyRecipient.update({ where: { id: foundation.id }, data: { iban: 'DE75512108001245126199' } });
  const next = (await post('/api/payout-runs', 'anna', { clientIds: [doctor.id] })).body;
  expect(next.lines.map((l: { recipientId: string; amountCents: number }) => [l.recipientId, l.amountCents])).toEqual([[foundation.id, 200]]);
  await post(`/api/payout-runs/${next.id}/approve`, 'ben');
  expect((await post(`/api/payout-runs/${next.id}/execute`, 'ben')).status).toBe(202);
  await h.temporal.workflow.getHandle(payoutRunWorkflowId(next.id)).result();
  expect(await levyPayable(claims)).toBe(0);
  expect((await leviesOwed(h.db, { until: new Date('2999-12-31'), clientIds: [doctor.id] }))).toEqual([]);
  expect((await post('/api/payout-runs', 'anna', { clientIds: [doctor.id] })).body.error).toMatchObject({ code: 'nothing_to_pay' });
});
