import iconv from 'iconv-lite';
import { DEFAULT_BANK_FILE_LIMITS } from '../../domain/bank/bank-import-policy';
import { parseBankFile } from '../../domain/bank/parse-bank-file';
import { lineOf, rejectionOf } from '../support/bank-rejection';

/** CAMT entries, statements and messages placed where no reader looked used to vanish without a word. */
const entry = (ref: string, amount: string) =>
  `<Ntry><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-11-19</Dt></BookgDt><AcctSvcrRef>${ref}</AcctSvcrRef></Ntry>\n`;
const stmt = (id: string, entries: string, closing: string) =>
  `<Stmt><Id>${id}</Id><Acct><Id><IBAN>DE02120300000000202051</IBAN></Id><Ccy>EUR</Ccy></Acct>\n` +
  `<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-19</Dt></Dt></Bal>\n` +
  `<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${closing}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-19</Dt></Dt></Bal>\n${entries}</Stmt>\n`;
const message = (body: string) => `<BkToCstmrStmt><GrpHdr><MsgId>1</MsgId></GrpHdr>\n${body}</BkToCstmrStmt>\n`;
const document = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">\n${body}</Document>\n`;

const rejection = (xml: string, limits = DEFAULT_BANK_FILE_LIMITS) => rejectionOf(() => parseBankFile('auszug.xml', Buffer.from(xml), limits));

describe('CAMT: every entry is read or the file rejected', () => {
  it('reads a well-placed file', () => {
    const file = parseBankFile('auszug.xml', Buffer.from(document(message(stmt('S1', entry('A', '1.00') + entry('B', '2.00'), '3.00') + stmt('S2', entry('C', '4.00'), '4.00')))));
    expect(file.statements.map((s) => s.lines.map((l) => l.entryRef))).toEqual([['A', 'B'], ['C']]);
  });

  it.each([
    ['an entry directly in the message', message(stmt('S1', entry('A', '1.00'), '1.00') + entry('B', '2.00')), '<Ntry>', 2, '<Ntry> inside Document/BkToCstmrStmt, outside any statement: an entry belongs directly in a Stmt, Rpt or Ntfctn'],
    ['an entry inside another element of the statement', message(stmt('S1', entry('A', '1.00') + `<TxsSummry>${entry('B', '2.00')}</TxsSummry>`, '1.00')), '<Ntry>', 2, '<Ntry> inside Document/BkToCstmrStmt/Stmt/TxsSummry, outside any statement: an entry belongs directly in a Stmt, Rpt or Ntfctn'],
    ['a second message in the document', message(stmt('S1', entry('A', '1.00'), '1.00')) + message(stmt('S2', entry('B', '2.00'), '2.00')), '<BkToCstmrStmt>', 2, 'a second bank-to-customer message <BkToCstmrStmt> in the document (the first, <BkToCstmrStmt>, at line 3): a Document holds one'],
    ['a statement nested in another statement', message(stmt('S1', entry('A', '1.00') + stmt('S2', entry('B', '2.00'), '2.00'), '1.00')), '<Stmt>', 2, '<Stmt> inside Document/BkToCstmrStmt/Stmt: a statement belongs directly in its message (BkToCstmrStmt/Stmt, BkToCstmrAcctRpt/Rpt, BkToCstmrDbtCdtNtfctn/Ntfctn)'],
    ['a report inside a statement message', message(stmt('S1', entry('A', '1.00'), '1.00') + `<Rpt>${entry('B', '2.00')}</Rpt>`), '<Rpt>', 1, '<Rpt> inside Document/BkToCstmrStmt: a statement belongs directly in its message (BkToCstmrStmt/Stmt, BkToCstmrAcctRpt/Rpt, BkToCstmrDbtCdtNtfctn/Ntfctn)'],
    ['a transaction outside NtryDtls', message(stmt('S1', entry('A', '1.00').replace('</Ntry>', '<TxDtls><Amt Ccy="EUR">1.00</Amt></TxDtls></Ntry>'), '1.00')), '<TxDtls>', 1, '<TxDtls> inside Document/BkToCstmrStmt/Stmt/Ntry: a transaction belongs in an entry\'s NtryDtls'],
  ])('rejects %s, naming its line', (_what, body, element, nth, reason) => {
    const xml = document(body);
    expect(rejection(xml)).toBe(`line ${lineOf(xml, element, nth)}: ${reason}`);
  });

  it('reads UTF-16 without byte order mark, told by its zero bytes', () => {
    const xml = document(message(stmt('S1', entry('Müller', '1.00'), '1.00'))).replace('UTF-8', 'UTF-16');
    for (const encoding of ['utf-16le', 'utf-16be']) {
      const bytes = Buffer.from(iconv.encode(xml, encoding));
      expect(parseBankFile('auszug.xml', bytes).statements[0].lines[0].entryRef).toBe('Müller');
    }
  });

  it('rejects nesting deeper than the policy allows', () => {
    const xml = document(message(stmt('S1', entry('A', '1.00'), '1.00')).replace('<GrpHdr>', `${'<X>'.repeat(100)}${'</X>'.repeat(100)}<GrpHdr>`));
    expect(rejection(xml)).toMatch(/^line 3: elements nested deeper than 64 levels \(at Document\/BkToCstmrStmt\/X\/X/);
  });
});
