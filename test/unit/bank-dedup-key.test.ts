import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BankLine } from '../../domain/bank/bank-line';
import { bankLineDedupKey, dedupKeysOf } from '../../domain/bank/dedup-key';
import { parseBankFile } from '../../domain/bank/parse-bank-file';

const line = (over: Partial<BankLine> = {}): BankLine => ({
  accountId: 'DE02120300000000202051',
  currency: 'EUR',
  kind: 'CREDIT',
  bookingDate: '2026-11-19',
  valueDate: '2026-11-19',
  amountCents: 4990,
  counterpartyIban: 'DE89370400440532013000',
  remittance: 'Rechnung RE0000100008',
  source: 'line 6',
  ...over,
});

describe('bank line dedup key', () => {
  it('is account, booking date, amount and the bank reference when there is one', () => {
    expect(bankLineDedupKey(line({ entryRef: 'ABC-1' }))).toBe('DE02120300000000202051|2026-11-19|4990 EUR|ref:ABC-1');
  });

  it('ignores where the line stood in the file, but not what identifies the entry', () => {
    const base = bankLineDedupKey(line());
    expect(bankLineDedupKey(line({ source: 'Stmt[2]/Ntry[9]' }))).toBe(base);
    for (const change of [
      { accountId: 'DE89370400440532013000' },
      { bookingDate: '2026-11-20' },
      { amountCents: -4990 },
      { remittance: 'Rechnung RE0000100016' },
      { counterpartyIban: 'DE75512108001245126199' },
      { valueDate: '2026-11-18' },
      { endToEndId: 'E2E-1' },
    ]) {
      expect(bankLineDedupKey(line(change))).not.toBe(base);
    }
  });

  it('numbers identical lines without reference within one statement, the first keeps the plain key', () => {
    const keys = dedupKeysOf([line(), line({ amountCents: 100 }), line(), line()]);
    expect(keys[1]).not.toBe(keys[0]);
    expect(keys[2]).toBe(`${keys[0]}#2`);
    expect(keys[3]).toBe(`${keys[0]}#3`);
    expect(bankLineDedupKey(line(), 2)).toBe(keys[2]);
    expect(new Set(keys).size).toBe(4);
  });

  it('gives the same keys to the same entries in an overlapping statement', () => {
    const day1 = [line(), line(), line({ bookingDate: '2026-11-18', entryRef: 'X1' })];
    const overlapping = [line({ bookingDate: '2026-11-18', entryRef: 'X1' }), line(), line(), line({ bookingDate: '2026-11-20', remittance: 'RE0000100024' })];
    const keysA = dedupKeysOf(day1);
    const keysB = dedupKeysOf(overlapping);
    expect(keysB.slice(0, 3).sort()).toEqual([...keysA].sort());
    expect(keysA).not.toContain(keysB[3]);
  });

  it('tells apart every line of the real fixtures, and a re-read file gives the same keys', () => {
    const fixture = readFileSync(path.resolve(__dirname, '../fixtures/bank/camt053-cases.xml'));
    const keys = () => parseBankFile('a.xml', fixture).statements.flatMap((s) => dedupKeysOf(s.lines));
    expect(new Set(keys()).size).toBe(7);
    expect(keys()).toEqual(keys());
  });
});
