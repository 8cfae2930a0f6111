import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BankFileError } from '../../domain/bank/bank-line';
import { DEFAULT_BANK_FILE_LIMITS } from '../../domain/bank/bank-import-policy';
import { parseBankFile } from '../../domain/bank/parse-bank-file';
import { lineOf, rejectionOf } from '../support/bank-rejection';

/**
 * OFX files whose transactions used to vanish, stall the import or fail with a vague error: each
 * is now read whole or rejected naming the element and its line.
 */
const FIXTURE = readFileSync(path.resolve(__dirname, '../fixtures/bank/ofx1-sgml-cp1252.ofx'), 'latin1');

const HEADER = 'OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nCHARSET:1252\n\n';
const transaction = (fitid: string, amount: string, extra = '') => `<STMTTRN>\n<TRNTYPE>CREDIT\n<DTPOSTED>20261125\n<TRNAMT>${amount}\n<FITID>${fitid}\n${extra}</STMTTRN>\n`;
const statement = (lists: string) => `<STMTRS>\n<CURDEF>EUR\n<BANKACCTFROM>\n<BANKID>12030000\n<ACCTID>42\n</BANKACCTFROM>\n${lists}</STMTRS>\n`;
const list = (transactions: string) => `<BANKTRANLIST>\n<DTSTART>20261125\n<DTEND>20261126\n${transactions}</BANKTRANLIST>\n`;
const ofx = (responses: string) =>
  `${HEADER}<OFX>\n<SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20261126</SONRS></SIGNONMSGSRSV1>\n<BANKMSGSRSV1>\n${responses}</BANKMSGSRSV1>\n</OFX>\n`;
const response = (statements: string) => `<STMTTRNRS>\n<TRNUID>1\n<STATUS><CODE>0<SEVERITY>INFO</STATUS>\n${statements}</STMTTRNRS>\n`;

const parse = (text: string, limits = DEFAULT_BANK_FILE_LIMITS) => parseBankFile('umsaetze.ofx', Buffer.from(text, 'latin1'), limits);

const rejection = (text: string, limits = DEFAULT_BANK_FILE_LIMITS) => rejectionOf(() => parse(text, limits));

describe('OFX: no transaction goes unread', () => {
  it('reads every statement of a response and of several responses', () => {
    const text = ofx(response(statement(list(transaction('A', '1.00'))) + statement(list(transaction('B', '2.00')))) + response(statement(list(transaction('C', '3.00')))));
    const file = parse(text);
    expect(file.statements.map((s) => s.lines.map((l) => [l.entryRef, l.amountCents]))).toEqual([[['A', 100]], [['B', 200]], [['C', 300]]]);
    expect(file.statements[2].lines[0].source).toBe(`STMTTRN 3 (line ${lineOf(text, '<STMTTRN>', 3)})`);
  });

  it('rejects a transaction that stands before the <OFX> body, in the header (found by the fuzzer)', () => {
    const text = ofx(response(statement(list(transaction('A', '1.00')))));
    const withStray = text.replace('VERSION:102\n', `VERSION:102\n${transaction('X', '99.00')}`);
    expect(parse(text).statements[0].lines).toHaveLength(1);
    expect(rejection(withStray)).toBe("line 4: '<STMTTRN>' stands before the <OFX> body, in the file's header");
  });

  it('rejects a statement with two transaction lists, naming both lines', () => {
    const text = ofx(response(statement(list(transaction('A', '1.00')) + list(transaction('B', '2.00')))));
    const [first, second] = [lineOf(text, '<BANKTRANLIST>'), lineOf(text, '<BANKTRANLIST>', 2)];
    expect(rejection(text)).toBe(`STMTTRNRS 1/STMTRS/BANKTRANLIST (line ${second}): 2 <BANKTRANLIST> elements (lines ${first}, ${second}) where one is allowed`);
  });

  it('rejects a transaction outside the transaction list, with its line', () => {
    const text = ofx(response(statement(list(transaction('A', '1.00')) + transaction('B', '2.00'))));
    expect(rejection(text)).toBe(`line ${lineOf(text, '<STMTTRN>', 2)}: the file holds 2 transactions (STMTTRN), 1 of them in a statement's BANKTRANLIST: this one stands elsewhere`);
  });

  it('rejects a statement outside a statement response, with its line', () => {
    const text = ofx(response(statement(list(transaction('A', '1.00')))) + statement(list(transaction('B', '2.00'))));
    expect(rejection(text)).toMatch(new RegExp(`^line ${lineOf(text, '<STMTRS>', 2)}: the file holds 2 statements, 1 of them in a statement response: <STMTRS> stands outside`));
  });

  it('reads an empty value element (<MEMO> without value) as empty', () => {
    const file = parse(ofx(response(statement(list(transaction('A', '1.00', '<MEMO>\n<NAME>Jürgen\n'))))));
    expect(file.statements[0].lines[0]).toMatchObject({ remittance: '', counterpartyName: 'Jürgen', amountCents: 100 });
  });
});

describe('OFX: a damaged file is rejected naming element and line, in linear time', () => {
  it('names the aggregate left open and where its parent closes', () => {
    const text = FIXTURE.replace('</SONRS>', '');
    expect(rejection(text)).toBe(`line ${lineOf(text, '<SONRS>')}: <SONRS> is not closed: </SIGNONMSGSRSV1> at line ${lineOf(text, '</SIGNONMSGSRSV1>')} closes its parent first`);
  });

  it('names a tag missing its ">" (the input that made the old SGML conversion backtrack for seconds)', () => {
    const text = FIXTURE.replace('<ACCTID>DE89370400440532013000', '<ACCTID DE89370400440532013000');
    expect(rejection(text)).toBe(`line ${lineOf(text, '<ACCTID DE89')}: malformed tag '<ACCTID DE89370400440532013000<ACCTTYPE>': expected <NAME> or </NAME> (a '>' missing?)`);
  });

  it('reads long dotted tag runs and rejects a depth beyond the policy without exhausting the stack', () => {
    const dotted = `<INTU.${'A.'.repeat(5000)}BID>1234\n`;
    expect(parse(FIXTURE.replace('<OFX>', `<OFX>\n${dotted}`)).statements[0].lines).toHaveLength(3);
    const deep = `${HEADER}<OFX>${'<AGG>'.repeat(200_000)}${'</AGG>'.repeat(200_000)}</OFX>`;
    expect(rejection(deep)).toBe(`line 6: elements nested deeper than 64 levels (at OFX/${Array(64).fill('AGG').join('/')})`);
    expect(rejection(deep, { ...DEFAULT_BANK_FILE_LIMITS, maxNestingDepth: 8 })).toMatch(/^line 6: elements nested deeper than 8 levels/);
  });

  it('names an end tag that closes nothing and an element never closed', () => {
    const stray = FIXTURE.replace('</BANKTRANLIST>', '</BANKTRANLIST></STMTTRN>');
    expect(rejection(stray)).toBe(`line ${lineOf(stray, '</BANKTRANLIST></STMTTRN>')}: </STMTTRN> closes no open element (open: OFX/BANKMSGSRSV1/STMTTRNRS/STMTRS)`);
    const cut = FIXTURE.slice(0, FIXTURE.indexOf('</BANKMSGSRSV1>'));
    expect(rejection(cut)).toMatch(new RegExp(`^line ${lineOf(cut, '<BANKMSGSRSV1>')}: <BANKMSGSRSV1> is never closed \\(the file ends at line \\d+\\)$`));
  });

  it('reads UTF-8 bytes whose XML declaration claims UTF-16 as UTF-8, not as mojibake', () => {
    const xml = `<?xml version="1.0" encoding="UTF-16"?>\n<?OFX OFXHEADER="200" VERSION="220"?>\n${ofx(response(statement(list(transaction('A', '1.00', '<NAME>Jürgen Weiß</NAME>\n'))))).slice(HEADER.length)}`;
    expect(parseBankFile('x.ofx', Buffer.from(xml, 'utf8')).statements[0].lines[0].counterpartyName).toBe('Jürgen Weiß');
  });

  it('any single damage to a valid file gives a result or a BankFileError, never another error', () => {
    fc.assert(
      fc.property(fc.nat(FIXTURE.length - 1), fc.constantFrom('', '<', '>', '/', '<X>', '</STMTTRN>'), (at, insert) => {
        const damaged = FIXTURE.slice(0, at) + insert + FIXTURE.slice(at + 1);
        try {
          parse(damaged);
        } catch (e) {
          if (!(e instanceof BankFileError)) throw e;
          expect(e.location).toMatch(/line \d+|^file$|^OFX/);
        }
      }),
      { numRuns: 400 },
    );
  });
});
