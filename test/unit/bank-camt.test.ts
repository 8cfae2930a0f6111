import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BankFileError, type BankLine } from '../../domain/bank/bank-line';
import { parseBankFile } from '../../domain/bank/parse-bank-file';

const FIXTURE = readFileSync(path.resolve(__dirname, '../fixtures/bank/camt053-cases.xml'), 'utf8');
const TESTDATA = path.resolve(__dirname, '../../../shared/testdata/camt/genkgo-camt/test-data');

const parse = (xml: string) => parseBankFile('cases.xml', Buffer.from(xml, 'utf8'));

function rejection(xml: string): { location: string; reason: string } {
  try {
    parse(xml);
  } catch (e) {
    if (e instanceof BankFileError) return { location: e.location, reason: e.reason };
    throw e;
  }
  throw new Error('the file was accepted');
}

describe('CAMT.053 fixture with the cases real files lack', () => {
  const file = parse(FIXTURE);
  const [first, second] = file.statements;
  const line = (source: string): BankLine => first.lines.find((l) => l.source === source)!;

  it('reads both statements with account, balances and period', () => {
    expect(file.format).toBe('camt.053');
    expect(file.statements).toHaveLength(2);
    expect(first).toMatchObject({
      accountId: 'DE02120300000000202051',
      statementId: '2026-11-20-001',
      currency: 'EUR',
      openingBalanceCents: 100000,
      closingBalanceCents: 145610,
      fromDate: '2026-11-19',
      toDate: '2026-11-19',
    });
    expect(first.lines.map((l) => l.source)).toEqual([
      'Stmt[1]/Ntry[1]/NtryDtls/TxDtls[1]',
      'Stmt[1]/Ntry[2]/NtryDtls/TxDtls[1]',
      'Stmt[1]/Ntry[2]/NtryDtls/TxDtls[2]',
      'Stmt[1]/Ntry[2]/NtryDtls/TxDtls[3]',
      'Stmt[1]/Ntry[3]/NtryDtls/TxDtls[1]',
      'Stmt[1]/Ntry[4]',
      'Stmt[1]/Ntry[5]/NtryDtls/TxDtls[1]',
    ]);
  });

  it('keeps an empty statement (no Ntry) with its balances', () => {
    expect(second).toEqual({
      accountId: 'DE02120300000000202051',
      statementId: '2026-11-20-002',
      currency: 'EUR',
      openingBalanceCents: 145610,
      closingBalanceCents: 145610,
      lines: [],
    });
  });

  it('reads a single credit: debtor as counterparty, Ustrd lines joined, NOTPROVIDED dropped', () => {
    expect(line('Stmt[1]/Ntry[1]/NtryDtls/TxDtls[1]')).toEqual({
      accountId: 'DE02120300000000202051',
      bookingDate: '2026-11-19',
      valueDate: '2026-11-19',
      amountCents: 15000,
      currency: 'EUR',
      kind: 'CREDIT',
      entryRef: '2026111900001',
      counterpartyName: 'Jürgen Müller',
      counterpartyIban: 'DE89370400440532013000',
      remittance: 'Rechnung RE0000100008 vielen Dank',
      bankCode: 'PMNT/RCDT/ESCT',
      source: 'Stmt[1]/Ntry[1]/NtryDtls/TxDtls[1]',
    });
  });

  it('splits a batched entry into one line per transaction with its own amount, reference and remittance', () => {
    const batch = first.lines.filter((l) => l.source.startsWith('Stmt[1]/Ntry[2]/'));
    expect(batch.map((l) => l.amountCents)).toEqual([10000, 12050, 7950]);
    expect(batch.map((l) => l.entryRef)).toEqual(['2026111900002/1', '2026111900002-B', '2026111900002/3']);
    expect(batch.map((l) => l.endToEndId)).toEqual(['E2E-A-1', 'E2E-B-2', 'E2E-C-3']);
    expect(batch.map((l) => l.remittance)).toEqual(['RE0000100016', 'RF18539007547034 Teilzahlung', 'RE0000100024']);
    // The ultimate debtor stands in when the debtor is not named.
    expect(batch.map((l) => l.counterpartyName)).toEqual(['Anna Schmidt', 'Peter Klein', 'Eva Braun']);
    expect(batch.every((l) => l.kind === 'CREDIT')).toBe(true);
  });

  it('reads a returned direct debit as RETURN with its reason and the patient as counterparty', () => {
    expect(line('Stmt[1]/Ntry[3]/NtryDtls/TxDtls[1]')).toMatchObject({
      amountCents: -8000,
      kind: 'RETURN',
      returnReason: 'MD06',
      endToEndId: 'LS-RE0000100032',
      mandateId: 'M-4711',
      counterpartyName: 'Hans Weber',
      counterpartyIban: 'DE44500105175407324931',
      bankCode: 'PMNT/IDDT/UPDD',
      valueDate: '2026-11-18',
    });
  });

  it('reads a bank charge without transaction details, its note as remittance', () => {
    expect(line('Stmt[1]/Ntry[4]')).toEqual({
      accountId: 'DE02120300000000202051',
      bookingDate: '2026-11-19',
      amountCents: -590,
      currency: 'EUR',
      kind: 'CHARGE',
      entryRef: '2026111900004',
      remittance: 'Kontoführungsentgelt',
      bankCode: 'ACMT/MDOP/CHRG',
      source: 'Stmt[1]/Ntry[4]',
    });
  });

  it('keeps the instructed foreign amount of a cross-currency credit; DtTm booking dates give their date', () => {
    expect(line('Stmt[1]/Ntry[5]/NtryDtls/TxDtls[1]')).toMatchObject({
      amountCents: 9200,
      currency: 'EUR',
      original: { amountCents: 10000, currency: 'CHF' },
      bookingDate: '2026-11-19',
      valueDate: '2026-11-20',
      counterpartyIban: 'CH9300762011623852957',
    });
  });
});

describe('CAMT rejections point at the element', () => {
  it('a truncated file', () => {
    expect(rejection(FIXTURE.slice(0, FIXTURE.indexOf('<Ntry>', 3000)))).toEqual({
      location: expect.stringMatching(/^line \d+, column \d+$/),
      reason: expect.stringMatching(/^not well-formed XML: unclosed tag: Stmt/),
    });
  });

  // [what, text replaced in the fixture, replacement, location, reason]
  it.each([
    ['an amount with a decimal comma', '<Amt Ccy="EUR">150.00</Amt>', '<Amt Ccy="EUR">150,00</Amt>', 'Stmt[1]/Ntry[1]/Amt', "'150,00' is not an amount (digits with '.' as decimal separator)"],
    ['a fraction of a cent', '<Amt Ccy="EUR">5.90</Amt>', '<Amt Ccy="EUR">5.905</Amt>', 'Stmt[1]/Ntry[4]/Amt', "'5.905' has fractions of a cent"],
    [
      'an impossible booking date',
      '<BookgDt><Dt>2026-11-19</Dt></BookgDt><ValDt><Dt>2026-11-18</Dt>',
      '<BookgDt><Dt>2026-02-30</Dt></BookgDt><ValDt><Dt>2026-11-18</Dt>',
      'Stmt[1]/Ntry[3]/BookgDt/Dt',
      "'2026-02-30' is not a valid date",
    ],
    [
      'a closing balance that does not follow from the lines',
      '<Amt Ccy="EUR">1456.10</Amt>',
      '<Amt Ccy="EUR">1465.10</Amt>',
      'Stmt[1]/Bal[2]/Amt',
      'balance mismatch in statement 2026-11-20-001 of account DE02120300000000202051: opening balance 1000.00 EUR + 7 line(s) totalling 456.10 EUR = 1456.10 EUR, but the closing balance is 1465.10 EUR',
    ],
    [
      'a batch whose transactions do not add up to the entry',
      '<Amt Ccy="EUR">120.50</Amt>',
      '<Amt Ccy="EUR">120.00</Amt>',
      'Stmt[1]/Ntry[2]/NtryDtls',
      'the 3 transactions of the batch sum to 299.50 EUR, the entry amount is 300.00 EUR',
    ],
    ['a missing credit/debit indicator', '<Amt Ccy="EUR">92.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>', '<Amt Ccy="EUR">92.00</Amt>', 'Stmt[1]/Ntry[5]/CdtDbtInd', 'credit/debit indicator missing'],
    ['an entry in another currency than the account', '<Amt Ccy="EUR">5.90</Amt>', '<Amt Ccy="USD">5.90</Amt>', 'Stmt[1]/Ntry[4]/Amt', 'entry is in USD, the account in EUR'],
  ])('%s', (_what, from, to, location, reason) => {
    expect(FIXTURE).toContain(from);
    expect(rejection(FIXTURE.replace(from, to))).toEqual({ location, reason });
  });

  it('XML that is no CAMT message, and an empty file', () => {
    expect(rejection('<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"><CstmrCdtTrfInitn/></Document>')).toEqual({
      location: 'file',
      reason: 'XML, but neither an ISO 20022 camt.052/053/054 message nor OFX (root element <Document>)',
    });
    expect(() => parseBankFile('empty.xml', Buffer.alloc(0))).toThrow('empty.xml: file: the file is empty');
  });
});

describe('CAMT with a namespace prefix', () => {
  it('reads the same statements when every element carries a prefix', () => {
    const prefixed = FIXTURE.replace(/<(\/?)([A-Za-z])/g, '<$1camt:$2').replace('xmlns=', 'xmlns:camt=');
    expect(prefixed).toContain('<camt:Ntry>');
    expect(parse(prefixed)).toEqual(parse(FIXTURE));
  });
});

describe('CAMT real files', () => {
  const read = (name: string) => parseBankFile(name, readFileSync(path.join(TESTDATA, name)));

  it('reads several statements of version 001.02 with debtor or creditor as counterparty', () => {
    const [a, b] = read('camt053.v2.multi.statement.xml').statements;
    expect(a.lines[0]).toMatchObject({ amountCents: 885, kind: 'CREDIT', remittance: 'Transaction Description 1', endToEndId: '000000001', bookingDate: '2014-12-31', valueDate: '2015-01-02' });
    expect(b.lines[0]).toMatchObject({ amountCents: -700, kind: 'DEBIT', counterpartyName: 'Company Name 2', counterpartyIban: 'NL56AGDH9619008421' });
    expect([a.openingBalanceCents, a.closingBalanceCents, b.openingBalanceCents, b.closingBalanceCents]).toEqual([1815, 2700, 2700, 2000]);
  });

  it('reads version 001.01 (versioned element names, PrtryAcct) and skips pending entries of a report', () => {
    expect(read('camt052.v1.xml').statements[0]).toMatchObject({ accountId: 'CH2801234000123456789', currency: 'SEK', lines: [{ amountCents: -20000000, kind: 'DEBIT' }] });
    expect(read('camt052.v4.xml').statements[0].lines).toEqual([]);
  });

  it('reads an empty statement whose balance has only a DtTm, five decimals exact', () => {
    expect(read('camt53.only-Dt-with-DtTm.xml').statements).toEqual([
      { accountId: 'GB33BUKB20201555555555', statementId: 'I38y0h4YyLnQiOV6P7nEd44r2', currency: 'RON', openingBalanceCents: 544209, lines: [] },
    ]);
  });
});
