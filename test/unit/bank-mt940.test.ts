import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { BankLine } from '../../domain/bank/bank-line';
import { decimalToCents } from '../../domain/bank/decimal-cents';
import { decodeBankText } from '../../domain/bank/decode-bank-text';
import { parseDetails } from '../../domain/bank/mt940-details';
import { splitMt940 } from '../../domain/bank/mt940-fields';
import { readMt940 } from '../../domain/bank/mt940-reader';
import { parseStatementLine } from '../../domain/bank/mt940-statement-line';
import { parseBankFile } from '../../domain/bank/parse-bank-file';
import { failFor } from '../../domain/bank/read-statement';

const WOLPH = path.resolve(__dirname, '../../../shared/testdata/mt940/wolph-mt940');
const FIXTURE = readFileSync(path.resolve(__dirname, '../fixtures/bank/mt940-sparkasse-latin1.sta'));

/**
 * wolph/mt940's expected parses are Python objects dumped as YAML: Decimal amounts come out as
 * ['12.34'], dates as [bytes] (year high, year low, month, day).
 */
type Py = Record<string, any>;
const cents = (decimal: Py | undefined) => {
  const r = decimalToCents(String(decimal?.[0]), '.');
  return r.ok ? r.cents : NaN;
};
const isoOf = (date: Py | null | undefined) => {
  if (!date) return undefined;
  const b = date[0] as Uint8Array;
  return `${b[0] * 256 + b[1]}-${String(b[2]).padStart(2, '0')}-${String(b[3]).padStart(2, '0')}`;
};
/**
 * Text compared without whitespace and without letters outside ASCII: raiffeisen-cmi.sta is in DOS
 * code page 852, which the reader (rightly, for German banks) takes as Windows-1252.
 */
const plain = (s: string | null | undefined) => (s ?? '').replace(/[^\x21-\x7e]/g, '');
/** wolph splits :28C: into number and sequence and drops leading zeros of numbers its YAML typed. */
const sameStatementNumber = (ours: string | undefined, number: unknown, sequence: unknown) =>
  ours?.includes('/') ? ours.split('/').map(Number).join('/') === `${Number(number)}/${Number(sequence)}` : ours === `${number}${sequence ?? ''}`;

/** The .sta files with an expected parse that the reader takes as a statement (the others are rejected, see bank-testdata). */
const comparable = readdirSync(WOLPH, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.yml') && existsSync(path.join(WOLPH, f.replace(/\.yml$/, '.sta'))))
  .filter((f) => {
    try {
      readMt940(decodeBankText(readFileSync(path.join(WOLPH, f.replace(/\.yml$/, '.sta')))), failFor(f));
      return true;
    } catch {
      return false;
    }
  })
  .sort();

describe('MT940 against wolph/mt940 expected parses', () => {
  it('covers the statement files the reader can read', () => {
    expect(comparable).toEqual([
      'mBank/mt940.yml',
      'mBank/mt942.yml',
      'mBank/with_newline_in_tnr.yml',
      'self-provided/details_60-63.yml',
      'self-provided/february_30.yml',
      'self-provided/long_statement_number.yml',
      'self-provided/malformed_details.yml',
      'self-provided/mt942.yml',
      'self-provided/overly_long_details.yml',
      'self-provided/raiffeisen-cmi.yml',
      'self-provided/transaction_details_wrapped.yml',
      'self-provided/whitespace.yml',
      'self-provided/wrapped_timestamp.yml',
    ]);
  });

  it.each(comparable)('%s', (yml) => {
    const expected = parseYaml(readFileSync(path.join(WOLPH, yml), 'utf8'), { logLevel: 'silent', maxAliasCount: -1 }) as Py;
    const read = readMt940(decodeBankText(readFileSync(path.join(WOLPH, yml.replace(/\.yml$/, '.sta')))), failFor(yml));
    // wolph keeps the last statement of a file.
    const statement = read.statements[read.statements.length - 1].statement;
    const d = expected.data;
    expect(statement.accountId).toBe(d.account_identification);
    expect(sameStatementNumber(statement.statementId, d.statement_number, d.sequence_number)).toBe(true);
    if (d.final_opening_balance) expect(statement.openingBalanceCents).toBe(cents(d.final_opening_balance.amount.amount));
    if (d.final_closing_balance) expect(statement.closingBalanceCents).toBe(cents(d.final_closing_balance.amount.amount));

    const lines = statement.lines;
    expect(lines).toHaveLength(expected.transactions.length);
    expected.transactions.forEach(({ data: t }: Py, i: number) => {
      const line: BankLine = lines[i];
      expect(line.amountCents).toBe(cents(t.amount.amount));
      expect(line.currency).toBe(t.currency);
      expect(line.valueDate).toBe(isoOf(t.date));
      expect(line.bookingDate).toBe(isoOf(t.entry_date) ?? isoOf(t.date));
      expect(line.entryRef).toBe(t.bank_reference ?? undefined);
      expect(line.bankCode).toBe(t.transaction_code ?? t.id);
      if (t.applicant_name) expect(line.counterpartyName).toBe(t.applicant_name);
      if (/^[A-Z]{2}\d{2}/.test(t.applicant_iban ?? '')) expect(line.counterpartyIban).toBe(t.applicant_iban);
      if (t.end_to_end_reference) expect(line.endToEndId).toBe(t.end_to_end_reference.trim());
      // ?60–?63 continue the Verwendungszweck; wolph keeps them apart (additional_purpose).
      if (t.purpose) expect(plain(line.remittance).startsWith(plain(t.purpose))).toBe(true);
      if (t.transaction_details) expect(plain(line.remittance)).toBe(plain(t.transaction_details));
    });
  });
});

describe('MT940 fixture: Sparkasse style, ISO-8859-1, CRLF, SWIFT blocks', () => {
  const file = parseBankFile('auszug.sta', FIXTURE);
  const [statement] = file.statements;

  it('reads the statement header and balances', () => {
    expect(file.format).toBe('mt940');
    expect(statement).toMatchObject({
      accountId: '12030000/1234567890',
      statementId: '00112/001',
      currency: 'EUR',
      openingBalanceCents: 250000,
      closingBalanceCents: 251910,
      fromDate: '2026-11-25',
      toDate: '2026-11-26',
    });
    expect(statement.lines).toHaveLength(4);
  });

  it('reads a SEPA credit: umlauts decoded, SVWZ across wrapped lines and subfields, name from ?32+?33', () => {
    expect(statement.lines[0]).toEqual({
      accountId: '12030000/1234567890',
      bookingDate: '2026-11-26',
      valueDate: '2026-11-26',
      amountCents: 15000,
      currency: 'EUR',
      kind: 'CREDIT',
      entryRef: '2611260001',
      endToEndId: 'RE0000100008-1',
      counterpartyName: 'Jürgen Müller-Lüdenscheid',
      counterpartyIban: 'DE89370400440532013000',
      remittance: 'Rechnung RE0000100008 Behandlung vom 10.11.2026 Zahnärztin',
      bankCode: '166',
      source: 'line 6',
    });
  });

  it('reads a Rücklastschrift (GVC 109) as RETURN with its ?34 reason code', () => {
    expect(statement.lines[1]).toMatchObject({
      amountCents: -8000,
      kind: 'RETURN',
      returnReason: '901',
      endToEndId: 'LS-RE0000100032',
      mandateId: 'M-4711',
      remittance: 'Lastschrift RE0000100032',
      counterpartyName: 'Hans Weber',
    });
    expect(statement.lines[1].original).toBeUndefined();
  });

  it('reads an RC mark (reversal of a credit) as money out and RETURN, GVC 805 as CHARGE', () => {
    expect(statement.lines[2]).toMatchObject({ amountCents: -4500, kind: 'RETURN', remittance: 'Doppelte Buchung', source: 'line 14' });
    expect(statement.lines[2].returnReason).toBeUndefined();
    expect(statement.lines[3]).toMatchObject({ amountCents: -590, kind: 'CHARGE', valueDate: '2026-11-30', bookingDate: '2026-11-26' });
  });

  it('rejects a bad amount and a bad date with the line number', () => {
    const text = FIXTURE.toString('latin1');
    const broken = (from: string, to: string) => () => parseBankFile('auszug.sta', Buffer.from(text.replace(from, to), 'latin1'));
    expect(broken(':61:2611261126D80,00', ':61:2611261126D80,0,0')).toThrow('auszug.sta: line 10: amount');
    expect(broken(':61:2611261126D80,00', ':61:2613261126D80,00')).toThrow("auszug.sta: line 10: value date '261326' is not a valid date (YYMMDD)");
    expect(broken(':62F:C261126EUR2519,10', ':62F:C261126EUR2591,10')).toThrow(
      'auszug.sta: line 18: balance mismatch in statement 00112/001 of account 12030000/1234567890: opening balance 2500.00 EUR + 4 line(s) totalling 19.10 EUR = 2519.10 EUR, but the closing balance is 2591.10 EUR',
    );
  });
});

describe('MT940 pieces', () => {
  it('reads :61: variants: entry date across the year end, RD mark, funds code, amount without comma, four spaces for the entry date', () => {
    expect(parseStatementLine(['1812311231C10,00NTRFNONREF'])).toEqual({ ok: true, value: expect.objectContaining({ valueDate: '2018-12-31', bookingDate: '2018-12-31' }) });
    expect(parseStatementLine(['1812310102C10,00NTRFNONREF']).ok && parseStatementLine(['1812310102C10,00NTRFNONREF'])).toMatchObject({ value: { bookingDate: '2019-01-02' } });
    expect(parseStatementLine(['1701021230RD12,5NDDTKREF1//BANK1'])).toEqual({
      ok: true,
      value: { valueDate: '2017-01-02', bookingDate: '2016-12-30', mark: 'RD', amountCents: 1250, transactionType: 'NDDT', customerRef: 'KREF1', bankRef: 'BANK1' },
    });
    expect(parseStatementLine(['170103DN369,00FCHGNONREF'])).toMatchObject({ value: { mark: 'D', amountCents: -36900, transactionType: 'FCHG' } });
    expect(parseStatementLine(['1407290729C500NTRF29-07-2014 10:05//B4G29PGDCK1QFV3E'])).toMatchObject({ value: { amountCents: 50000, customerRef: '29-07-2014 10:05', bankRef: 'B4G29PGDCK1QFV3E' } });
    expect(parseStatementLine(['200101    D65,00NOVBNL47INGB9999999999'])).toMatchObject({ value: { bookingDate: '2020-01-01', amountCents: -6500 } });
    expect(parseStatementLine(['1602300301DR6,00N024NONREF'])).toMatchObject({ value: { valueDate: '2016-02-29', bookingDate: '2016-03-01', mark: 'D' } });
    expect(parseStatementLine(['0408040804DR5,NTRFREF//X', '/OCMT/USD4,5//IACC/D3/'])).toMatchObject({ value: { amountCents: -500, original: { amountCents: -450, currency: 'USD' } } });
    expect(parseStatementLine(['2611261126X5,00NTRF'])).toEqual({ ok: false, reason: "':61:2611261126X5,00NTRF' is not a statement line (value date, C/D mark, amount, transaction type)" });
  });

  it('splits SWIFT text into fields with line numbers; tag-like wrapped text continues the field', () => {
    const { messages } = splitMt940('\x01{1:F01X}{2:O940}{4:\r\n:20:A\r\n:86:?602017-01-01T13\r\n:12:11\r\n-}{5:}\r\n:20:B\r\n:25:X\r\n-\r\n\x03');
    expect(messages).toEqual([
      {
        type: { code: '940', line: 1 },
        fields: [
          { tag: '20', lines: ['A'], line: 2 },
          { tag: '86', lines: ['?602017-01-01T13', ':12:11'], line: 3 },
        ],
      },
      {
        fields: [
          { tag: '20', lines: ['B'], line: 6 },
          { tag: '25', lines: ['X'], line: 7 },
        ],
      },
    ]);
    expect(splitMt940('hello\n:20:A').stray).toEqual({ line: 1, text: 'hello' });
  });

  it('finds SVWZ+ split across subfields, ABWA as fallback name, and ">" subfield separators', () => {
    const gvCodes = readFileSync(path.join(WOLPH, 'self-provided/gv_codes.sta'), 'utf8');
    const details = splitMt940(gvCodes).messages[0].fields.find((f) => f.tag === '86')!;
    expect(parseDetails(details.lines)).toEqual({
      gvc: '835',
      remittance: '. SPOTIFY, Ihr Einkaufbei SPOTIFY',
      endToEndId: '1234567890123 PAYPAL',
      mandateId: '12AB234CD6E7F',
      counterpartyName: 'PayPal (Europe) S.a.r.l. et',
    });
    expect(parseDetails(['166?20EREF+NOTPROVIDED?21SVWZ+RE0000100008?22ABWA+Max Muster'])).toEqual({
      gvc: '166',
      remittance: 'RE0000100008',
      counterpartyName: 'Max Muster',
    });
    expect(parseDetails(['>20Opłata za rachunek>31>32BOOKING GROUP'])).toEqual({ remittance: 'Opłata za rachunek', counterpartyName: 'BOOKING GROUP' });
    expect(parseDetails(['NL47INGB9999999999 hr gjlm paulissen', '', 'Betaling sieraden'])).toEqual({ remittance: 'NL47INGB9999999999 hr gjlm paulissen Betaling sieraden' });
  });

  it('finds the mandate reference (MREF+) wherever the wrapped Verwendungszweck puts it', () => {
    // The value runs on from ?21 into ?22 without repeating its identifier.
    expect(parseDetails(['109?00SEPA-RUECKLASTSCHRIFT?20EREF+PVS-E2E-2026-00','0815?21MREF+PVS-M-2026-00?2247', '11?23CRED+DE98ZZZ09999999999?24SVWZ+RE0000100032 MD06?34901'])).toMatchObject({
      gvc: '109',
      endToEndId: 'PVS-E2E-2026-000815',
      mandateId: 'PVS-M-2026-004711',
      remittance: 'RE0000100032 MD06',
      returnCode: '901',
    });
    expect(parseDetails(['166?20SVWZ+RE0000100008 Mandat fehlt']).mandateId).toBeUndefined();
  });

  it("finds a line's :86: behind a non-SWIFT :NS: field, and reads FCHG lines as charges", () => {
    const file = parseBankFile('test-with-NS.mt940x', readFileSync(path.resolve(WOLPH, '../mt940js/test-with-NS.mt940x')));
    expect(file.statements[1].lines).toEqual([
      expect.objectContaining({ amountCents: -2500, kind: 'CHARGE', remittance: 'Opłata za prowadzenie rachunku od 1-01-2017 do 31-01-2017', source: 'line 26' }),
    ]);
  });

  it('rejects a file mixing MT940 and MT942, and a statement without account', () => {
    const mt940 = ':20:A\n:25:X\n:28C:1\n:60F:C200101EUR0,\n:62F:C200101EUR0,\n';
    const mt942 = ':20:B\n:25:X\n:28C:2\n:34F:EUR0,\n:13D:2001011200+0100\n';
    expect(() => parseBankFile('mixed.sta', Buffer.from(mt940 + mt942))).toThrow('mixed.sta: file: the file mixes MT940 statements and MT942 interim reports');
    expect(() => parseBankFile('noaccount.sta', Buffer.from(':20:A\n:28C:1\n:60F:C200101EUR0,\n:62F:C200101EUR0,\n'))).toThrow(
      'noaccount.sta: line 1: the statement has no :25: account identification',
    );
  });
});
