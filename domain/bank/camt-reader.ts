import { assignDefined } from './assign-defined';
import type { BankFileFormat, BankLine, BankStatement } from './bank-line';
import { xsdDate } from './bank-dates';
import { readEntry } from './camt-entry';
import { accountIdOf, direction, readAmount, type Money } from './camt-values';
import { child, children, elementNames, parseXml, text, type XmlNode } from './camt-xml';
import type { Fail, ReadBankFile, ReadStatement } from './read-statement';

/** The three bank-to-customer messages: the statement, the intraday report and the notification. */
const MESSAGES: Record<string, { format: BankFileFormat; statement: string }> = {
  BkToCstmrStmt: { format: 'camt.053', statement: 'Stmt' },
  BkToCstmrAcctRpt: { format: 'camt.052', statement: 'Rpt' },
  BkToCstmrDbtCdtNtfctn: { format: 'camt.054', statement: 'Ntfctn' },
};
const STATEMENT_ELEMENTS = new Set(Object.values(MESSAGES).map((m) => m.statement));

/** Balance types that open and close a booked statement (OPBD, else PRCD: the previous closing). */
const OPENING = ['OPBD', 'PRCD'];
const CLOSING = ['CLBD'];

/** A statement's header, read when its first entry closes (Acct and Bal precede Ntry in every version). */
interface Header {
  at: string;
  accountId: string;
  currency: string;
  opening?: Balance;
  closing?: Balance;
  lines: BankLine[];
  entries: number;
}

/**
 * ISO 20022 camt.052/053/054, any version (001.01 to 001.08 and later share the element names).
 * Nothing in the document may escape reading: a message, statement, entry or transaction placed
 * anywhere else than where the schema puts it rejects the file, naming the line, and the entries
 * read must add up to the entries in the file.
 */
export function readCamt(xml: string, maxDepth: number, fail: Fail): ReadBankFile {
  const headers = new Map<XmlNode, Header>();
  const headerOf = (stmt: XmlNode, message: XmlNode, firstEntry?: XmlNode): Header => {
    let header = headers.get(stmt);
    if (!header) {
      const at = `${stmt.name}[${children(message, stmt.name).indexOf(stmt) + 1}]`;
      headers.set(stmt, (header = readHeader(stmt, at, firstEntry, fail)));
    }
    return header;
  };
  let entriesInFile = 0;
  let firstMessage: XmlNode | undefined;
  // Entries are read as they close and dropped from the tree.
  const document = parseXml(xml, maxDepth, fail, (node, ancestors) => {
    const parent = ancestors[ancestors.length - 1];
    const where = `line ${node.line}`;
    const inside = `inside ${ancestors.map((a) => a.name).join('/')}`;
    if (messageOf(node.name)) {
      if (ancestors.length !== 1) fail(where, `<${node.name}> ${inside}: a bank-to-customer message belongs directly in the Document`);
      if (firstMessage) fail(where, `a second bank-to-customer message <${node.name}> in the document (the first, <${firstMessage.name}>, at line ${firstMessage.line}): a Document holds one`);
      firstMessage = node;
    } else if (STATEMENT_ELEMENTS.has(node.name)) {
      checkStatementPlace(node, ancestors, fail);
    } else if (node.name === 'TxDtls' && (parent.name !== 'NtryDtls' || ancestors[ancestors.length - 2]?.name !== 'Ntry')) {
      fail(where, `<TxDtls> ${inside}: a transaction belongs in an entry's NtryDtls`);
    }
    if (node.name !== 'Ntry') return false;
    entriesInFile++;
    // The entry closes before its statement: a misplaced statement is named, not its entry.
    if (STATEMENT_ELEMENTS.has(parent.name)) checkStatementPlace(parent, ancestors.slice(0, -1), fail);
    else fail(where, `<Ntry> ${inside}, outside any statement: an entry belongs directly in a Stmt, Rpt or Ntfctn`);
    const header = headerOf(parent, ancestors[ancestors.length - 2], node);
    const at = `${header.at}/Ntry[${++header.entries}]`;
    for (const line of readEntry(node, at, { accountId: header.accountId, currency: header.currency, fail })) header.lines.push(line);
    return true;
  });
  if (document.name !== 'Document') fail(document.name, `the root element is <${document.name}>, not the ISO 20022 <Document>`);
  const found = elementNames(document).find((n) => messageOf(n));
  if (!found) fail('Document', `no bank-to-customer message in the document (expected BkToCstmrStmt, BkToCstmrAcctRpt or BkToCstmrDbtCdtNtfctn, found ${elementNames(document).join(', ') || 'nothing'})`);
  const { format, statement } = messageOf(found)!;
  const message = child(document, found)!;
  const statements = children(message, statement);
  if (!statements.length) fail(found, `the message holds no ${statement} (statement): nothing to import`);
  const read = statements.map((stmt) => headerOf(stmt, message));
  const entriesRead = read.reduce((n, h) => n + h.entries, 0);
  if (entriesRead !== entriesInFile) fail(found, `the file holds ${entriesInFile} entries (Ntry), ${entriesRead} of them read from its statements`);
  return { format, statements: statements.map((stmt, i) => toStatement(stmt, read[i])) };
}

function checkStatementPlace(stmt: XmlNode, ancestors: XmlNode[], fail: Fail): void {
  if (ancestors.length === 2 && messageOf(ancestors[1].name)?.statement === stmt.name) return;
  const expected = Object.entries(MESSAGES).map(([m, v]) => `${m}/${v.statement}`).join(', ');
  fail(`line ${stmt.line}`, `<${stmt.name}> inside ${ancestors.map((a) => a.name).join('/')}: a statement belongs directly in its message (${expected})`);
}

/** Version 001.01 named the message element with its version (BkToCstmrAcctRptV01). */
function messageOf(name: string): (typeof MESSAGES)[string] | undefined {
  const bare = name.replace(/V\d+$/, '');
  return Object.hasOwn(MESSAGES, bare) ? MESSAGES[bare] : undefined;
}

function readHeader(stmt: XmlNode, at: string, firstEntry: XmlNode | undefined, fail: Fail): Header {
  const accountId = accountIdOf(child(stmt, 'Acct')) ?? fail(`${at}/Acct/Id`, 'the account has neither an IBAN nor another id');
  const balances = children(stmt, 'Bal').map((bal, i) => readBalance(bal, `${at}/Bal[${i + 1}]`, fail));
  const opening = balances.find((b) => OPENING.includes(b.type));
  const closing = balances.find((b) => CLOSING.includes(b.type));
  const currency =
    text(stmt, 'Acct', 'Ccy') ??
    opening?.currency ??
    closing?.currency ??
    (firstEntry && readAmount(child(firstEntry, 'Amt'), `${at}/Ntry[1]/Amt`, fail).currency) ??
    fail(`${at}/Acct`, 'the account currency is unknown: no Acct/Ccy, balance or entry names it');
  for (const b of [opening, closing]) {
    if (b && b.currency !== currency) fail(`${b.at}/Amt`, `${b.type} balance is in ${b.currency}, the account in ${currency}`);
  }
  return { at, accountId, currency, opening, closing, lines: [], entries: 0 };
}

function toStatement(stmt: XmlNode, header: Header): ReadStatement {
  const statement = assignDefined<BankStatement>({ accountId: header.accountId, currency: header.currency, lines: header.lines }, {
    statementId: text(stmt, 'Id'),
    openingBalanceCents: header.opening?.cents,
    closingBalanceCents: header.closing?.cents,
    fromDate: dateOf(text(stmt, 'FrToDt', 'FrDtTm')),
    toDate: dateOf(text(stmt, 'FrToDt', 'ToDtTm')),
  });
  return { statement, closingBalanceAt: header.closing && `${header.closing.at}/Amt` };
}

interface Balance extends Money {
  type: string;
  at: string;
}

function readBalance(bal: XmlNode, at: string, fail: Fail): Balance {
  const type = text(bal, 'Tp', 'CdOrPrtry', 'Cd') ?? text(bal, 'Tp', 'CdOrPrtry', 'Prtry') ?? fail(`${at}/Tp`, 'balance type missing');
  const money = readAmount(child(bal, 'Amt'), `${at}/Amt`, fail);
  return { type, at, currency: money.currency, cents: money.cents * direction(text(bal, 'CdtDbtInd'), `${at}/CdtDbtInd`, fail) };
}

function dateOf(dateTime: string | undefined): string | undefined {
  return dateTime === undefined ? undefined : xsdDate(dateTime);
}
