import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { firstOpenDay } from '../../domain/accounting/booking-date';
import { transactionSource } from '../../domain/accounting/transaction-source';
import { buchungsstapel, fiscalYearStart } from '../../domain/datev/buchungsstapel';
import { accountNumbers } from '../../domain/datev/chart';
import { DEFAULT_DATEV_POLICY } from '../../domain/datev/datev-policy';
import { belegfeld1, transactionRows } from '../../domain/datev/transaction-rows';
import { Account } from '../../domain/ledger/accounts';
import * as entries from '../../domain/ledger/entries';

/** DATEV's own example batch (ledermann/datev): the shape our batch must have. */
const EXAMPLE = path.resolve(__dirname, '../../../shared/testdata/datev/ledermann-datev/EXTF_Buchungsstapel.csv');
const exampleLines = iconv.decode(fs.readFileSync(EXAMPLE), 'win1252').split('\r\n');

/** A line's fields, and for each whether it was written in quotes. */
function fieldsOf(line: string): Array<{ value: string; quoted: boolean }> {
  const values = parse(line, { delimiter: ';', relax_quotes: true })[0] as string[];
  const quoted: boolean[] = [];
  let i = 0;
  for (const v of values) {
    const q = line[i] === '"';
    quoted.push(q);
    i += q ? v.replace(/"/g, '""').length + 2 + 1 : v.length + 1;
  }
  return values.map((value, k) => ({ value, quoted: quoted[k] }));
}

const SKR03 = accountNumbers({ skr: 'SKR03', overrides: {} });
const postingsOf = (ps: ReturnType<typeof entries.payment>) => ps.map((p, i) => ({ id: `p${i}`, account: p.account, amountCents: p.amountCents, currency: 'EUR' }));

describe('DATEV Buchungsstapel', () => {
  const header = { createdAt: new Date('2026-12-02T10:25:00.123Z'), exportedBy: 'Buchhaltung Schäfer', period: { from: '2026-11-01', to: '2026-11-30' }, skr: 'SKR03' as const, policy: { ...DEFAULT_DATEV_POLICY, consultantNumber: 1001, clientNumber: 456 }, currency: 'EUR' };
  const rows = transactionRows(
    { id: 't1', kind: 'reminder_fee', bookingDate: '2026-11-07', document: 'RE0000100008', party: 'Müller, Jörg', postings: postingsOf(entries.reminderFee(250)) },
    SKR03,
  );
  const file = buchungsstapel(header, rows);
  const lines = iconv.decode(file, 'win1252').split('\r\n');

  it('writes the header line field by field as DATEV specifies (31 fields, quoted as in the example)', () => {
    const ours = fieldsOf(lines[0]);
    const example = fieldsOf(exampleLines[0]);
    expect(ours).toHaveLength(example.length);
    expect(ours.map((f) => f.value)).toEqual([
      'EXTF', '700', '21', 'Buchungsstapel', '9', '20261202102500123', '', 'CF', 'Buchhaltung Schäfer', '', '1001', '456', '20260101', '4',
      '20261101', '20261130', 'claimflow 2026-11-01', '', '1', '', '0', 'EUR', '', '', '', '', '03', '', '', '', '',
    ]);
    // Which fields are quoted is DATEV's: the same as in its example.
    expect(ours.map((f) => f.quoted)).toEqual(example.map((f) => f.quoted));
  });

  it('writes the column line of the example and rows with its field count and quoting', () => {
    expect(lines[1]).toBe(exampleLines[1]);
    const row = fieldsOf(lines[2]);
    const exampleRow = fieldsOf(exampleLines[2]);
    expect(row).toHaveLength(exampleRow.length);
    expect(row.map((f) => f.quoted)).toEqual(exampleRow.map((f) => f.quoted));
    expect(row.slice(0, 14).map((f) => f.value)).toEqual(['2,50', 'S', 'EUR', '', '', '', '1410', '8200', '', '0711', 'RE0000100008', '', '', 'Mahngebühr Müller, Jörg']);
    expect(row.slice(14).every((f) => f.value === '')).toBe(true);
  });

  it('is Windows-1252 with CRLF line ends', () => {
    expect(file.includes(Buffer.from('Mahngeb\xfchr M\xfcller, J\xf6rg', 'latin1'))).toBe(true);
    expect(file.includes(Buffer.from('ü', 'utf8'))).toBe(false);
    expect(file.toString('latin1').split('\r\n')).toHaveLength(4);
    expect(file.toString('latin1').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('splits a multi-posting transaction into rows against the largest account, each balancing', () => {
    // 100.00 paid on an Inkasso claim, 6 % fee: bank, principal, client stake, client payable, fee income.
    const b = { principalOpenCents: 10_000, costsOpenCents: 0, interestOpenCents: 0, clientStakeCents: 10_000, clientPayableCents: 0 };
    const t = { id: 't2', kind: 'payment', bookingDate: '2026-11-30', document: 'RE0000100008', party: 'Müller, Jörg', postings: postingsOf(entries.payment(b, 10_000, '0.06')) };
    const r = transactionRows(t, SKR03).map((x) => [x.account, x.counterAccount, x.debit ? 'S' : 'H', x.amountCents]);
    expect(r).toEqual([
      ['1400', '1200', 'H', 10_000],
      ['1610', '1200', 'S', 10_000],
      ['1600', '1200', 'H', 9_400],
      ['8200', '1200', 'H', 600],
    ]);
    // What the rows move on the counter account is the bank posting: +100.00.
    expect(transactionRows(t, SKR03).reduce((s, x) => s + (x.debit ? -x.amountCents : x.amountCents), 0)).toBe(10_000);
  });

  it('sums postings the chart numbers alike into one DATEV account', () => {
    const b = { principalOpenCents: 10_000, costsOpenCents: 250, interestOpenCents: 0, clientStakeCents: 0, clientPayableCents: 0 };
    const t = { id: 't3', kind: 'payment', bookingDate: '2026-11-30', document: 'RE0000100008', party: '', postings: postingsOf(entries.payment(b, 10_250, '0')) };
    const oneReceivable = accountNumbers({ skr: 'SKR03', overrides: { [Account.RECEIVABLE_COSTS]: '1400' } });
    expect(transactionRows(t, oneReceivable).map((x) => [x.account, x.counterAccount, x.debit ? 'S' : 'H', x.amountCents, x.postingIds.length])).toEqual([['1200', '1400', 'S', 10_250, 3]]);
  });

  it('keeps Belegfeld 1 in DATEV’s alphabet and 36 characters', () => {
    expect(belegfeld1('RE0000100008')).toBe('RE0000100008');
    expect(belegfeld1('019ad6c2-7b7e-7c31-9a3f-0123456789ab-extra')).toBe('019AD6C2-7B7E-7C31-9A3F-0123456789AB');
    expect(belegfeld1('bank line 12_x')).toBe('BANKLINE12X');
  });
});

describe('booking dates and locked periods', () => {
  it('books in the first open day after the exported periods covering a day', () => {
    const locked = [{ from: '2026-12-01', to: '2026-12-02' }, { from: '2026-11-01', to: '2026-11-30' }];
    expect(firstOpenDay('2026-11-15', locked)).toBe('2026-12-03');
    expect(firstOpenDay('2026-12-02', locked)).toBe('2026-12-03');
    expect(firstOpenDay('2026-12-03', locked)).toBe('2026-12-03');
    expect(firstOpenDay('2026-10-31', locked)).toBe('2026-10-31');
  });

  it('finds the fiscal year a day lies in', () => {
    expect(fiscalYearStart('2026-03-31', 1)).toBe('2026-01-01');
    expect(fiscalYearStart('2026-03-31', 4)).toBe('2025-04-01');
    expect(fiscalYearStart('2026-04-01', 4)).toBe('2026-04-01');
  });

  it('reads each transaction’s source from its key', () => {
    expect(transactionSource('payment:019a', 'RE1')).toEqual({ kind: 'payment', id: '019a' });
    expect(transactionSource('interest:payment:019a', 'RE1')).toEqual({ kind: 'payment', id: '019a' });
    expect(transactionSource('bank-line:019b:unallocated', null)).toEqual({ kind: 'bank_line', id: '019b' });
    expect(transactionSource('bank-not-ours:019c', null)).toEqual({ kind: 'allocation', id: '019c' });
    expect(transactionSource('payout:RE1:purchase', 'RE1')).toEqual({ kind: 'payout', id: 'payout:RE1:purchase' });
    expect(transactionSource('payout:RE1:final:C7', 'RE1')).toEqual({ kind: 'payout', id: 'payout:RE1:final:C7' });
    expect(transactionSource('levy:019d:final', 'RE1')).toEqual({ kind: 'levy', id: '019d' });
    expect(transactionSource('factor-sale:019d:sold', 'RE1')).toEqual({ kind: 'factor_sale', id: '019d' });
    expect(transactionSource('factor-sale:019d:answer', 'RE1')).toEqual({ kind: 'factor_sale', id: '019d' });
    expect(transactionSource('recognise:RE1', 'RE1')).toEqual({ kind: 'invoice', id: 'RE1' });
  });
});
