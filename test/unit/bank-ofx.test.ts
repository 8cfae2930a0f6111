import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseBankFile } from '../../domain/bank/parse-bank-file';

const FIXTURE = readFileSync(path.resolve(__dirname, '../fixtures/bank/ofx1-sgml-cp1252.ofx'));
const TESTDATA = path.resolve(__dirname, '../../../shared/testdata/ofx');
const read = (file: string) => parseBankFile(path.basename(file), readFileSync(path.join(TESTDATA, file)));

describe('OFX 1.x SGML fixture (German bank, Windows-1252, decimal comma)', () => {
  const file = parseBankFile('umsaetze.ofx', FIXTURE);
  const [statement] = file.statements;

  it('reads the account as bank code/account number, the currency and the ledger balance', () => {
    expect(file.format).toBe('ofx');
    expect(statement).toMatchObject({ accountId: '12030000/1234567890', currency: 'EUR', closingBalanceCents: 144410, fromDate: '2026-11-25', toDate: '2026-11-26' });
    expect(statement.openingBalanceCents).toBeUndefined();
  });

  it('reads each STMTTRN: FITID as entry reference, NAME as counterparty, MEMO as remittance, umlauts decoded', () => {
    expect(statement.lines).toEqual([
      {
        accountId: '12030000/1234567890',
        bookingDate: '2026-11-25',
        valueDate: '2026-11-26',
        amountCents: 15000,
        currency: 'EUR',
        kind: 'CREDIT',
        entryRef: 'OFX-2611-0001',
        counterpartyName: 'Jürgen Müller',
        counterpartyIban: 'DE89370400440532013000',
        remittance: 'Rechnung RE0000100008 Zahnärztin',
        bankCode: 'CREDIT',
        source: 'STMTTRN 1 (line 23)',
      },
      expect.objectContaining({ amountCents: -590, kind: 'CHARGE', bankCode: 'SRVCHG', remittance: 'Kontoführung', source: 'STMTTRN 2 (line 33)' }),
      expect.objectContaining({ amountCents: -120000, kind: 'DEBIT', counterpartyName: 'Praxis Dr. Weiß', remittance: 'Auszahlung November', source: 'STMTTRN 3 (line 41)' }),
    ]);
  });

  it('takes the mandate reference of a direct debit from a MEMO carrying the SEPA identifiers, and only from one', () => {
    const text = FIXTURE.toString('latin1');
    const withMemo = (memo: string) => parseBankFile('umsaetze.ofx', Buffer.from(text.replace('<MEMO>Kontoführung', `<MEMO>${memo}`), 'latin1')).statements[0].lines[1];
    const returned = withMemo('RUECKLASTSCHRIFT EREF+PVS-E2E-4711 MREF+PVS-M-2026-0815 CRED+DE98ZZZ09999999999 SVWZ+RE0000100032 MD06');
    expect(returned.mandateId).toBe('PVS-M-2026-0815');
    // The end-to-end id stays where it is: it is part of the dedup key of lines stored before.
    expect(returned.endToEndId).toBeUndefined();
    expect(withMemo('Mandat PVS-M-2026-0815').mandateId).toBeUndefined();
  });

  it('rejects a bad amount and a foreign-currency line with the transaction number', () => {
    const text = FIXTURE.toString('latin1');
    const broken = (from: string, to: string) => () => parseBankFile('umsaetze.ofx', Buffer.from(text.replace(from, to), 'latin1'));
    expect(broken('<TRNAMT>-5.90', '<TRNAMT>-5.9O')).toThrow("umsaetze.ofx: STMTTRN 2/TRNAMT (line 36): '-5.9O' is not an amount (digits with '.' as decimal separator)");
    expect(broken('<TRNAMT>-5.90', '<TRNAMT>-5.90\r\n<CURRENCY><CURRATE>1.1<CURSYM>USD</CURRENCY>')).toThrow(
      'umsaetze.ofx: STMTTRN 2/CURRENCY/CURSYM (line 37): the amount is in USD, not the account currency EUR',
    );
  });
});

describe('OFX real files', () => {
  it('reads an OFX 2.x XML statement with CDATA names', () => {
    expect(read('jseutter-ofxparse/suncorp.ofx').statements[0]).toEqual({
      accountId: 'SUNCORP/123456789',
      currency: 'AUD',
      closingBalanceCents: 123412,
      fromDate: '2013-06-18',
      toDate: '2013-12-15',
      lines: [
        {
          accountId: 'SUNCORP/123456789',
          bookingDate: '2013-12-15',
          amountCents: -1685,
          currency: 'AUD',
          kind: 'DEBIT',
          entryRef: '1',
          counterpartyName: 'EFTPOS WDL HANDYWAY ALDI STORE',
          remittance: 'EFTPOS WDL HANDYWAY ALDI STORE GEELONG WEST VICAU',
          bankCode: 'DEBIT',
          source: 'STMTTRN 1 (line 35)',
        },
      ],
    });
  });

  it('reads a credit-card statement and dates with time and zone', () => {
    const [statement] = read('bradenmacdonald-ofx-js/credit-card.qfx').statements;
    expect(statement).toMatchObject({ accountId: '4510000000003333', currency: 'CAD', closingBalanceCents: 90453 });
    expect(statement.lines.map((l) => [l.bookingDate, l.amountCents, l.kind])).toEqual([
      ['2026-03-23', -688, 'DEBIT'],
      ['2026-03-23', 20208, 'CREDIT'],
      ['2026-03-26', -7037, 'DEBIT'],
      ['2026-04-02', -2638, 'DEBIT'],
      ['2026-04-05', -1797, 'DEBIT'],
    ]);
  });

  it('reads several statement responses of one file', () => {
    expect(read('jseutter-ofxparse/multiple_accounts.ofx').statements.map((s) => [s.accountId, s.closingBalanceCents])).toEqual([
      ['123/9100', 11100],
      ['123/9200', 22200],
    ]);
  });
});
