import { formatDate } from '../../domain/format';
import { formatInvoiceNumber } from '../../domain/invoice-number';
import { applyRate } from '../../domain/decimal-rate';
import { decimalComma } from '../../domain/factoring/sale-file';
import { Account } from '../../domain/ledger/accounts';
import { FACTOR_RUN_SCHEDULE_ID, ensureFactorRunSchedule } from '../../services/scheduling/factor-run-schedule';
import { useHarness } from '../support/harness';
import { folderNames, reconciledBalances } from '../support/collection-kit';
import { answerCsv, newFactor, purchasedClaims, putFile, readFile, runFor } from '../support/factoring-kit';

jest.setTimeout(180_000);

const h = useHarness();
const { FACTOR_CLEARING, RECEIVABLES_SOLD, FACTOR_DISCOUNT, RECEIVABLE_PRINCIPAL } = Account;
const NO_CLAIM = formatInvoiceNumber(99_999_998);
/** What the centre paid for a claim of `total` cents: the total less the system policy's 3.5 % discount. */
const price = (total: number) => total - applyRate(total, '0.035');

test('staff register factors (audited); the Schedule runs the factorRunWorkflow', async () => {
  const factor = await newFactor(h);
  expect((await h.api().get(`/api/factoring/factors/${factor.id}`)).body).toEqual(factor);
  expect((await h.api().get('/api/factoring/factors')).body.factors).toContainEqual(factor);
  expect((await h.api().put(`/api/factoring/factors/${factor.id}`).send({ ...factor, id: undefined, active: false })).status).toBe(200);
  expect((await h.api().put(`/api/factoring/factors/${factor.id}-x`).send({ ...factor, id: undefined, inboxFolder: 'relative' })).status).toBe(400);
  expect((await h.api().get('/api/factoring/factors/F-none')).status).toBe(404);
  expect(await h.db.auditEvent.findMany({ where: { entityType: 'factor', entityId: factor.id }, select: { action: true, actor: true }, orderBy: { id: 'asc' } })).toEqual([
    { action: 'create', actor: 'verwaltung' },
    { action: 'update', actor: 'test.user' },
  ]);
  await ensureFactorRunSchedule(h.temporal, h.db, h.services.deps.queues.claims);
  expect((await h.temporal.schedule.getHandle(FACTOR_RUN_SCHEDULE_ID).describe()).action).toMatchObject({ workflowType: 'factorRunWorkflow', taskQueue: h.services.deps.queues.claims });
});

test('a run sells the purchased claims (every one of the client) in one documented file to the inbox; each claim is sold once, the file uploaded once', async () => {
  const factor = await newFactor(h);
  const claims = await purchasedClaims(h, 2);
  const n = claims.length;
  const ids = claims.map((c) => c.id);
  const total = claims.reduce((s, c) => s + c.totalCents, 0);

  const run = await runFor(h, factor.id, 'lauf-1');
  const runId = `lauf-1-${factor.id}`;
  expect(run.sales).toEqual([{ factorId: factor.id, runId, fileName: `forderungsverkauf-${runId}.csv`, claims: n, openCents: total, uploaded: true }]);
  expect(await folderNames(factor.inboxFolder)).toEqual([`forderungsverkauf-${runId}.csv`]);
  const row = (c: (typeof claims)[number]) => {
    const p = c.responsible;
    return [c.id, [p.title, p.firstName, p.lastName].filter(Boolean).join(' '), p.street, p.postalCode, p.city, p.country, formatDate(c.dueDate!), decimalComma(c.totalCents), decimalComma(price(c.totalCents)), 'EUR'].join(';');
  };
  expect(await readFile(factor.inboxFolder, `forderungsverkauf-${runId}.csv`)).toBe(
    ['Rechnungsnummer;Schuldner;Strasse;PLZ;Ort;Land;Faellig_am;Offen;Kaufpreis;Waehrung', ...claims.map(row), `ENDE;${n};${decimalComma(total)}`, ''].join('\r\n'),
  );
  expect(await reconciledBalances(h, ids)).toMatchObject({ [FACTOR_CLEARING]: total, [RECEIVABLES_SOLD]: -total, [RECEIVABLE_PRINCIPAL]: total });

  // The same run again (as after a crash after the upload), and a new run: nothing sold or uploaded twice.
  expect((await runFor(h, factor.id, 'lauf-1')).sales).toEqual([{ ...run.sales[0], uploaded: false }]);
  expect(await h.services.services.factoring.uploadSaleRun(runId)).toBe(false);
  expect(await h.services.services.factoring.prepareSaleRun('lauf-1', factor.id)).toMatchObject({ runId, claims: n, openCents: total });
  expect((await runFor(h, factor.id, 'lauf-2')).sales).toEqual([{ factorId: factor.id, runId: `lauf-2-${factor.id}`, fileName: `forderungsverkauf-lauf-2-${factor.id}.csv`, claims: 0, openCents: 0, uploaded: false }]);
  expect(await folderNames(factor.inboxFolder)).toEqual([`forderungsverkauf-${runId}.csv`]);
  await expect(h.db.factorSale.create({ data: { id: 'dup', claimId: ids[0], factorId: factor.id, runId, openCents: 1, purchasePriceCents: 1 } })).rejects.toMatchObject({ code: 'P2002' });
  expect(await h.db.ledgerTransaction.count({ where: { kind: 'factor_sale', postings: { some: { claimId: { in: ids } } } } })).toBe(n);
  expect(await reconciledBalances(h, ids)).toMatchObject({ [FACTOR_CLEARING]: total, [RECEIVABLES_SOLD]: -total });
});

test('answers: a confirmation and a rejection booked to the cent, bad lines quarantined beside them, the same file twice books nothing twice, a cut-off file quarantined whole', async () => {
  const factor = await newFactor(h);
  const [a, b, c] = await purchasedClaims(h, 3);
  const ids = [a.id, b.id, c.id];
  await runFor(h, factor.id, 'lauf-a');
  const paidA = a.totalCents - 1234;

  const answers = answerCsv([`A1;${a.id};ANGEKAUFT;${decimalComma(paidA)};`, `A2;${b.id};ABGELEHNT;;Schuldner insolvent`, `A3;${c.id};ANGEKAUFT;12,3x;`, `A4;${NO_CLAIM};ANGEKAUFT;10,00;`, `A5;${c.id};VIELLEICHT;;`]);
  await putFile(factor.outboxFolder, 'antwort-1.csv', answers);
  const first = await runFor(h, factor.id, 'lauf-b');
  expect(first.answers).toEqual([{ factorId: factor.id, name: 'antwort-1.csv', summary: { fileId: expect.any(String), status: 'PROCESSED', answers: 2, problems: 3 }, archivedTo: expect.stringContaining(`${factor.doneFolder}/antwort-1.csv`) }]);
  const fileId = (first.answers[0] as { summary: { fileId: string } }).summary.fileId;
  expect(await folderNames(factor.outboxFolder)).toEqual([]);
  const quarantined = (await h.api().get('/api/factoring/quarantine').query({ fileId })).body.items;
  expect(quarantined.map((q: { line: number; field: string; reason: string; fileName: string }) => [q.fileName, q.line, q.field, q.reason])).toEqual([
    ['antwort-1.csv', 4, 'Kaufpreis', expect.stringContaining('12,3x')],
    ['antwort-1.csv', 5, 'Rechnungsnummer', `claim ${NO_CLAIM} was not sold to this factor`],
    ['antwort-1.csv', 6, 'Entscheidung', 'unknown decision "VIELLEICHT" (known: ANGEKAUFT, ABGELEHNT)'],
  ]);
  const sales = await h.db.factorSale.findMany({ where: { claimId: { in: ids } }, orderBy: { claimId: 'asc' } });
  expect(sales.map((s) => [s.claimId, s.status, s.factorPriceCents, s.reason, s.answerLine])).toEqual([
    [a.id, 'CONFIRMED', paidA, null, 2],
    [b.id, 'REJECTED', null, 'Schuldner insolvent', 3],
    [c.id, 'SOLD', null, null, null],
  ]);
  const booked = { [FACTOR_CLEARING]: paidA + c.totalCents, [FACTOR_DISCOUNT]: 1234, [RECEIVABLES_SOLD]: -(a.totalCents + c.totalCents) };
  expect(await reconciledBalances(h, [a.id])).toMatchObject({ [FACTOR_CLEARING]: paidA, [FACTOR_DISCOUNT]: 1234, [RECEIVABLES_SOLD]: -a.totalCents });
  expect(await reconciledBalances(h, [b.id])).toMatchObject({ [FACTOR_CLEARING]: 0, [RECEIVABLES_SOLD]: 0 });
  expect(await reconciledBalances(h, ids)).toMatchObject(booked);

  // The same file again, under another name: recognised by its sha256, nothing booked twice.
  await putFile(factor.outboxFolder, 'antwort-1-nochmal.csv', answers);
  const again = await runFor(h, factor.id, 'lauf-c');
  expect(again.answers).toEqual([{ factorId: factor.id, name: 'antwort-1-nochmal.csv', summary: { fileId, status: 'PROCESSED', answers: 2, problems: 3 }, archivedTo: expect.any(String) }]);
  // The same line ids in a new file: skipped as taken.
  await putFile(factor.outboxFolder, 'antwort-2.csv', answerCsv([`A1;${a.id};ANGEKAUFT;${decimalComma(paidA)};`, `A9;${c.id};ANGEKAUFT;${decimalComma(c.totalCents - 1)};`]));
  expect((await runFor(h, factor.id, 'lauf-d')).answers[0]).toMatchObject({ summary: { status: 'PROCESSED', answers: 1, problems: 0 } });
  const confirmedC = { ...booked, [FACTOR_CLEARING]: paidA + c.totalCents - 1, [FACTOR_DISCOUNT]: 1235 };
  expect(await reconciledBalances(h, ids)).toMatchObject(confirmedC);
  expect(await h.db.ledgerTransaction.count({ where: { kind: { in: ['factor_confirmation', 'factor_rejection'] }, postings: { some: { claimId: { in: ids } } } } })).toBe(3);

  // A cut-off file (no trailer): quarantined whole, nothing of it booked.
  await putFile(factor.outboxFolder, 'antwort-3.csv', Buffer.from(`${Object.values({ a: 'Meldungs-ID', b: 'Rechnungsnummer', c: 'Entscheidung', d: 'Kaufpreis', e: 'Grund' }).join(';')}\r\nA7;${b.id};ANGEKAUFT;1,00;\r\n`));
  const cut = (await runFor(h, factor.id, 'lauf-e')).answers[0] as { summary: { fileId: string; status: string } };
  expect(cut.summary.status).toBe('QUARANTINED');
  expect((await h.api().get('/api/factoring/quarantine').query({ fileId: cut.summary.fileId })).body.items).toMatchObject([{ line: 0, field: 'trailer', reason: 'no trailer line "ENDE;<count>": the file may be cut off', fileName: 'antwort-3.csv' }]);
  expect(await reconciledBalances(h, ids)).toMatchObject(confirmedC);
});
