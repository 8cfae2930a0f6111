import { assignDefined } from './assign-defined';
import type { BankFileFormat, BankLine, BankStatement } from './bank-line';
import { readEntry } from './camt-entry';
import { accountIdOf, direction, readAmount, type Money } from './camt-values';
import { child, children, elementNames, parseXml, text } from './camt-xml';
import { xsdDate } from './bank-dates';
import type { Fail, ReadBankFile, ReadStatement } from './read-statement';

/** The three bank-to-customer messages: the statement, the intraday report and the notification. */
const MESSAGES: Record<string, { format: BankFileFormat; statement: string }> = {
  BkToCstmrStmt: { format: 'camt.053', statement: 'Stmt' },
  BkToCstmrAcctRpt: { format: 'camt.052', statement: 'Rpt' },
  BkToCstmrDbtCdtNtfctn: { format: 'camt.054', statement: 'Ntfctn' },
};

/** Balance types that open and close a booked statement (OPBD, else PRCD: the previous closing). */
const OPENING = ['OPBD', 'PRCD'];
const CLOSING = ['CLBD'];

/** ISO 20022 camt.052/053/054, any version (001.02 to 001.08 and later share the element names). */
export function readCamt(xml: string, fail: Fail): ReadBankFile {
  const document = child(parseXml(xml, fail), 'Document');
  // Version 001.01 named the message element with its version (BkToCstmrAcctRptV01).
  const found = elementNames(document).find((n) => n.replace(/V\d+$/, '') in MESSAGES);
  if (!found) fail('Document', `no bank-to-customer message in the document (expected BkToCstmrStmt, BkToCstmrAcctRpt or BkToCstmrDbtCdtNtfctn, found ${elementNames(document).join(', ') || 'nothing'})`);
  const { format, statement } = MESSAGES[found.replace(/V\d+$/, '')];
  const statements = children(child(document, found), statement);
  if (!statements.length) fail(found, `the message holds no ${statement} (statement): nothing to import`);
  return { format, statements: statements.map((s, i) => readStatement(s, `${statement}[${i + 1}]`, fail)) };
}

function readStatement(stmt: unknown, at: string, fail: Fail): ReadStatement {
  const accountId = accountIdOf(child(stmt, 'Acct')) ?? fail(`${at}/Acct/Id`, 'the account has neither an IBAN nor another id');
  const balances = children(stmt, 'Bal').map((bal, i) => readBalance(bal, `${at}/Bal[${i + 1}]`, fail));
  const opening = balances.find((b) => OPENING.includes(b.type));
  const closing = balances.find((b) => CLOSING.includes(b.type));
  const entries = children(stmt, 'Ntry');
  const currency =
    text(stmt, 'Acct', 'Ccy') ??
    opening?.currency ??
    closing?.currency ??
    (entries.length ? readAmount(child(entries[0], 'Amt'), `${at}/Ntry[1]/Amt`, fail).currency : undefined) ??
    fail(`${at}/Acct`, 'the account currency is unknown: no Acct/Ccy, balance or entry names it');
  for (const b of [opening, closing]) {
    if (b && b.currency !== currency) fail(`${b.at}/Amt`, `${b.type} balance is in ${b.currency}, the account in ${currency}`);
  }
  const lines: BankLine[] = entries.flatMap((ntry, i) => readEntry(ntry, `${at}/Ntry[${i + 1}]`, { accountId, currency, fail }));
  const statement = assignDefined<BankStatement>({ accountId, currency, lines }, {
    statementId: text(stmt, 'Id'),
    openingBalanceCents: opening?.cents,
    closingBalanceCents: closing?.cents,
    fromDate: dateOf(text(stmt, 'FrToDt', 'FrDtTm')),
    toDate: dateOf(text(stmt, 'FrToDt', 'ToDtTm')),
  });
  return { statement, closingBalanceAt: closing && `${closing.at}/Amt` };
}

interface Balance extends Money {
  type: string;
  at: string;
}

function readBalance(bal: unknown, at: string, fail: Fail): Balance {
  const type = text(bal, 'Tp', 'CdOrPrtry', 'Cd') ?? text(bal, 'Tp', 'CdOrPrtry', 'Prtry') ?? fail(`${at}/Tp`, 'balance type missing');
  const money = readAmount(child(bal, 'Amt'), `${at}/Amt`, fail);
  return { type, at, currency: money.currency, cents: money.cents * direction(text(bal, 'CdtDbtInd'), `${at}/CdtDbtInd`, fail) };
}

function dateOf(dateTime: string | undefined): string | undefined {
  return dateTime === undefined ? undefined : xsdDate(dateTime);
}
