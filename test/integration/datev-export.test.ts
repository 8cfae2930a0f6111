import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { addDays, isoDayOf } from '../../domain/interest/calendar-day';
import { applyRate } from '../../domain/decimal-rate';
import { SYSTEM_POLICY } from '../../domain/policy';
import { loadPolicy } from '../../persistence/policy';
import { book } from '../../persistence/ledger';
import * as entries from '../../domain/ledger/entries';
import { Account } from '../../domain/ledger/accounts';
import { useHarness } from '../support/harness';
import { reachesStage, waitingClaim } from '../support/claim-kit';

/**
 * The DATEV export of real claims (intake → purchase or payment → payout) under the SKR04 chart:
 * header and rows field by field, Windows-1252, the period locked after its export (a later
 * payment booked in the next period and exported with it), the same period again the same batch,
 * and each claim's money trace down to its DATEV rows.
 */

jest.setTimeout(180_000);
const h = useHarness();

const EXAMPLE = path.resolve(__dirname, '../../../shared/testdata/datev/ledermann-datev/EXTF_Buchungsstapel.csv');
const fieldsOf = (line: string) => parse(line, { delimiter: ';', relax_quotes: true })[0] as string[];
const euro = (cents: number) => `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
const ddmm = (day: string) => day.slice(8, 10) + day.slice(5, 7);

let inkasso: Awaited<ReturnType<typeof waitingClaim>>;
let factoring: Awaited<ReturnType<typeof waitingClaim>>;
let period: { from: string; to: string };
let exported: { id: string; rowCount: number; sha256: string };
let lines: string[];
let file: Buffer;

async function bookingDaysOf(claimIds: string[]): Promise<string[]> {
  const ts = await h.db.ledgerTransaction.findMany({ where: { postings: { some: { claimId: { in: claimIds } } } }, select: { bookingDate: true } });
  return ts.map((t) => isoDayOf(t.bookingDate)).sort();
}

async function download(id: string): Promise<Buffer> {
  const res = await h.api().get(`/api/accounting/datev-exports/${id}/file`).buffer(true).parse((r, cb) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => cb(null, Buffer.concat(chunks)));
  });
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('text/csv; charset=windows-1252');
  return res.body as Buffer;
}

/** Our claims' rows: the 14 leading fields of each row whose Belegfeld 1 is one of them. */
const rowsOf = (ls: string[], claimId: string) => ls.slice(2).filter(Boolean).map(fieldsOf).filter((f) => f[10] === claimId).map((f) => f.slice(0, 14));

beforeAll(async () => {
  // Long payment terms: no reminders or interest while the test runs.
  [inkasso, factoring] = await Promise.all([waitingClaim(h, 'INKASSO', { paymentTerm: '1 hour' }), waitingClaim(h, 'SOFORTFACTORING', { paymentTerm: '1 hour' })]);
  // A payer with an umlaut, for the Windows-1252 check.
  await h.db.person.update({ where: { id: inkasso.claim.responsibleId }, data: { lastName: 'Jäger', firstName: 'Jörg' } });
  await h.db.person.update({ where: { id: factoring.claim.responsibleId }, data: { lastName: 'Weber', firstName: 'Anna' } });
  const paid = await h.api().post(`/api/claims/${inkasso.id}/payments`).set('Idempotency-Key', `datev-${inkasso.id}`).send({ amountCents: inkasso.claim.totalCents });
  expect(paid.status).toBe(201);
  await reachesStage(h, inkasso.id, 'CLOSED');
  await h.eventually('the purchase price paid out', async () => ((await h.db.payout.count({ where: { claimId: factoring.id } })) === 1 ? true : undefined));

  const chart = await h.api('anna.buchhaltung').put('/api/accounting/chart').send({ skr: 'SKR04', overrides: { bank: '1810' } });
  expect(chart.status).toBe(200);
  expect(chart.body.accounts.find((a: { account: string }) => a.account === 'bank')).toEqual({ account: 'bank', default: '1800', number: '1810' });
  expect(chart.body.accounts.find((a: { account: string }) => a.account === 'fee_income')).toEqual({ account: 'fee_income', default: '4200', number: '4200' });

  const days = await bookingDaysOf([inkasso.id, factoring.id]);
  period = { from: days[0], to: days[days.length - 1] };
  const res = await h.api('anna.buchhaltung').post('/api/accounting/datev-exports').send(period);
  expect(res.status).toBe(201);
  exported = res.body;
  file = await download(exported.id);
  lines = iconv.decode(file, 'win1252').split('\r\n');
});

describe('DATEV export of a period', () => {
  it('writes the header as DATEV defines it, with the example’s field count', () => {
    const example = fieldsOf(iconv.decode(fs.readFileSync(EXAMPLE), 'win1252').split('\r\n')[0]);
    const header = fieldsOf(lines[0]);
    expect(header).toHaveLength(example.length);
    const compact = (d: string) => d.replace(/-/g, '');
    expect(header.slice(0, 6)).toEqual(['EXTF', '700', '21', 'Buchungsstapel', '9', expect.stringMatching(/^\d{17}$/)]);
    expect(header.slice(6, 22)).toEqual(['', 'CF', 'anna.buchhaltung', '', String(SYSTEM_POLICY.datev.consultantNumber), String(SYSTEM_POLICY.datev.clientNumber), `${period.from.slice(0, 4)}0101`, '4', compact(period.from), compact(period.to), `claimflow ${period.from}`, '', '1', '', '0', 'EUR']);
    expect(header[26]).toBe('04');
    expect(lines[lines.length - 1]).toBe('');
    expect(exported.rowCount).toBe(lines.length - 3);
  });

  it('books an Inkasso claim from intake to payment and payout, row by row', async () => {
    const c = inkasso.claim;
    const fee = applyRate(c.totalCents, (await loadPolicy(h.db, c.clientId)).inkassoFeeRate);
    const row = (amount: number, sh: string, konto: string, gegenkonto: string, text: string) => [euro(amount), sh, 'EUR', '', '', '', konto, gegenkonto, '', c.id, '', '', text];
    const rows = rowsOf(lines, c.id);
    // Belegdatum (TTMM) is the booking day: the period's (two days only when the test ran over midnight).
    for (const r of rows) expect([ddmm(period.from), ddmm(period.to)]).toContain(r[9]);
    expect(rows.map((r) => [...r.slice(0, 9), ...r.slice(10)])).toEqual([
      row(c.totalCents, 'S', '1200', '3310', 'Rechnungsausgang Jäger, Jörg'),
      row(c.totalCents, 'H', '1200', '1810', 'Zahlungseingang Jäger, Jörg'),
      row(c.totalCents, 'S', '3310', '1810', 'Zahlungseingang Jäger, Jörg'),
      row(c.totalCents - fee, 'H', '3300', '1810', 'Zahlungseingang Jäger, Jörg'),
      row(fee, 'H', '4200', '1810', 'Zahlungseingang Jäger, Jörg'),
      // The claim's payout step releases what the client is owed to the next payout run (docs/payout-runs.md).
      row(c.totalCents - fee, 'S', '3300', '3305', 'Auszahlung freigegeben Jäger, Jörg'),
    ]);
  });

  it('books a factoring purchase as rows against the client claims account', async () => {
    const c = factoring.claim;
    const discount = applyRate(c.totalCents, (await loadPolicy(h.db, c.clientId)).factoringFeeRate);
    const rows = rowsOf(lines, c.id);
    expect(rows.map((r) => [r[0], r[1], r[6], r[7], r[13]])).toEqual([
      [euro(c.totalCents), 'S', '1200', '3310', 'Rechnungsausgang Weber, Anna'],
      [euro(c.totalCents - discount), 'H', '3300', '3310', 'Forderungsankauf Weber, Anna'],
      [euro(discount), 'H', '4200', '3310', 'Forderungsankauf Weber, Anna'],
      [euro(c.totalCents - discount), 'S', '3300', '3305', 'Auszahlung freigegeben Weber, Anna'],
    ]);
    for (const r of rows) expect(r[9]).toMatch(/^\d{4}$/);
  });

  it('is Windows-1252 with CRLF: the umlaut is one byte', () => {
    expect(file.includes(Buffer.from('Zahlungseingang J\xe4ger, J\xf6rg', 'latin1'))).toBe(true);
    expect(file.includes(Buffer.from('Jäger', 'utf8'))).toBe(false);
    expect(file.toString('latin1').split('\r\n').every((l) => !l.includes('\n'))).toBe(true);
  });

  it('writes the Rechnungsausgangsbuch of the period', async () => {
    const res = await h.api().get(`/api/accounting/datev-exports/${exported.id}/invoice-journal`);
    expect(res.status).toBe(200);
    const text = res.text.replace(/^\uFEFF/, '');
    const rows = parse(text, { delimiter: ';' }) as string[][];
    expect(rows[0]).toEqual(['Rechnungsnummer', 'Rechnungsdatum', 'Debitor', 'Mandantennummer', 'Mandant', 'Betrag', 'Währung']);
    const mine = rows.filter((r) => r[0] === inkasso.id);
    const { invoiceDate } = await h.db.claim.findUniqueOrThrow({ where: { id: inkasso.id } });
    expect(mine).toEqual([[inkasso.id, isoDayOf(invoiceDate!), 'Jäger, Jörg', inkasso.client.number, inkasso.client.name, euro(inkasso.claim.totalCents), 'EUR']]);
  });

  it('returns the same batch for the same period and refuses an overlapping one', async () => {
    const again = await h.api().post('/api/accounting/datev-exports').send(period);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(exported.id);
    expect(again.body.sha256).toBe(exported.sha256);
    expect((await download(exported.id)).equals(file)).toBe(true);
    const overlap = await h.api().post('/api/accounting/datev-exports').send({ from: addDays(period.from, -1), to: period.to });
    expect(overlap.status).toBe(409);
    expect(overlap.body.error.code).toBe('period_overlaps_export');
  });

  it('books a later payment in the next open period and exports it there', async () => {
    const paid = await h.api().post(`/api/claims/${factoring.id}/payments`).set('Idempotency-Key', `datev-late-${factoring.id}`).send({ amountCents: 1_000 });
    expect(paid.status).toBe(201);
    const t = await h.db.ledgerTransaction.findUniqueOrThrow({ where: { idempotencyKey: `payment:${paid.body.paymentId}` } });
    const expectedDay = [isoDayOf(new Date()), addDays(period.to, 1)].sort()[1];
    expect(isoDayOf(t.bookingDate)).toBe(expectedDay);
    const next = await h.api().post('/api/accounting/datev-exports').send({ from: expectedDay, to: expectedDay });
    expect(next.status).toBe(201);
    const nextLines = iconv.decode(await download(next.body.id), 'win1252').split('\r\n');
    expect(rowsOf(nextLines, factoring.id)).toEqual([['10,00', 'S', 'EUR', '', '', '', '1810', '1200', '', ddmm(expectedDay), factoring.id, '', '', 'Zahlungseingang Weber, Anna']]);
    expect(rowsOf(nextLines, inkasso.id)).toEqual([]);
  });

  it('traces every posting of a claim to its source and DATEV row; the trace sums to the claim’s balance', async () => {
    const res = await h.api().get(`/api/claims/${inkasso.id}/money-trace`);
    expect(res.status).toBe(200);
    const trace = res.body as { postings: Array<{ postingId: string; transaction: { kind: string }; account: string; chartAccount: string; amountCents: number; currency: string; source: { kind: string; goaeLines?: unknown[]; payment?: { amountCents: number }; payout?: { amountCents: number } }; datev: Array<{ exportId: string; rowNo: number }> }>; balance: Record<string, number> };
    const stored = await h.db.ledgerPosting.findMany({ where: { claimId: inkasso.id } });
    expect(trace.postings.map((p) => p.postingId).sort()).toEqual(stored.map((p) => p.id).sort());
    expect(trace.postings.every((p) => p.currency === 'EUR')).toBe(true);
    const detail = await h.api().get(`/api/claims/${inkasso.id}`);
    expect(trace.balance).toEqual({ principalOpenCents: 0, costsOpenCents: 0, interestOpenCents: 0, clientStakeCents: 0, clientPayableCents: 0, openCents: 0 });
    expect(trace.balance.openCents).toBe(detail.body.balance.openCents);
    expect(trace.postings.reduce((s, p) => s + p.amountCents, 0)).toBe(0);
    const byKind = (kind: string) => trace.postings.filter((p) => p.transaction.kind === kind);
    expect(byKind('recognise')[0].source.kind).toBe('invoice');
    expect(byKind('recognise')[0].source.goaeLines).toHaveLength(await h.db.claimLine.count({ where: { claimId: inkasso.id } }));
    expect(byKind('payment')[0].source).toMatchObject({ kind: 'payment', payment: { amountCents: inkasso.claim.totalCents } });
    expect(byKind('payout_release')[0].source.kind).toBe('payout');
    expect(byKind('payment').find((p) => p.account === 'bank')!.chartAccount).toBe('1810');
    // Every posting went out in the first batch, in a row that names the claim as Belegfeld 1.
    for (const p of trace.postings) {
      expect(p.datev.length).toBeGreaterThan(0);
      for (const d of p.datev) {
        expect(d.exportId).toBe(exported.id);
        expect(fieldsOf(lines[d.rowNo + 1])[10]).toBe(inkasso.id);
      }
    }
    expect((await h.api().get('/api/claims/RE0000000000/money-trace')).status).toBe(404);
  });

  it('refuses a chart naming an unknown account or a malformed number, and keeps the one in force', async () => {
    const bad = await h.api().put('/api/accounting/chart').send({ skr: 'SKR04', overrides: { bank: '18a0', kasse: '1000' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['overrides', 'overrides.bank']);
    const chart = await h.api().get('/api/accounting/chart');
    expect(chart.body).toMatchObject({ skr: 'SKR04', overrides: { bank: '1810' } });
    // Every internal account has its number (levy_payable included).
    expect(chart.body.accounts).toHaveLength(Object.keys(Account).length);
    expect(chart.body.accounts).toContainEqual({ account: 'levy_payable', default: '3502', number: '3502' });
  });

  it('lets an export wait for a booking in flight and takes it in', async () => {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let dated!: (day: string) => void;
    const bookingDay = new Promise<string>((r) => (dated = r));
    const booking = h.db.$transaction(
      async (tx) => {
        await book(tx, { idempotencyKey: 'datev-test-in-flight', kind: 'bank_charge', description: 'charge booked while an export starts', postings: entries.bankCharge(-123) });
        dated(isoDayOf((await tx.ledgerTransaction.findUniqueOrThrow({ where: { idempotencyKey: 'datev-test-in-flight' } })).bookingDate));
        await released;
      },
      { timeout: 60_000 },
    );
    const day = await bookingDay;
    const exporting = new Promise<{ status: number; body: { id: string } }>((resolve, reject) => {
      h.api().post('/api/accounting/datev-exports').send({ from: day, to: day }).end((err, res) => (err ? reject(err) : resolve(res)));
    });
    await new Promise((r) => setTimeout(r, 500));
    release();
    await booking;
    const res = await exporting;
    expect(res.status).toBe(201);
    const exportedLines = iconv.decode(await download(res.body.id), 'win1252').split('\r\n');
    expect(exportedLines.slice(2).filter(Boolean).map(fieldsOf).filter((f) => f[10] === 'DATEV-TEST-IN-FLIGHT').map((f) => f.slice(0, 14))).toEqual([
      ['1,23', 'S', 'EUR', '', '', '', '6855', '1810', '', ddmm(day), 'DATEV-TEST-IN-FLIGHT', '', '', 'Bankgebühren'],
    ]);
  });

  it('audits the chart and the exports', async () => {
    const events = await h.db.auditEvent.findMany({ where: { entityType: { in: ['accounting_chart', 'datev_export'] } }, orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.entityType, e.action, e.actor])).toEqual([
      ['accounting_chart', 'update', 'anna.buchhaltung'],
      ['datev_export', 'export', 'anna.buchhaltung'],
      ['datev_export', 'export', 'test.user'],
      ['datev_export', 'export', 'test.user'],
    ]);
  });
});
