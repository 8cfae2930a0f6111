import { parseSync } from 'ofx-js';
import { assignDefined } from './assign-defined';
import type { BankLine, BankStatement } from './bank-line';
import { ofxDate } from './bank-dates';
import { decimalToCents } from './decimal-cents';
import { signedKind } from './german-codes';
import { isIbanShaped } from './iban';
import type { Fail, ReadBankFile, ReadStatement } from './read-statement';
import { collapseSpaces } from './sepa-remittance';

type Node = Record<string, unknown>;

/** OFX transaction types that are the bank's own fees. */
const CHARGE_TYPES = new Set(['FEE', 'SRVCHG']);

/**
 * OFX 1.x (SGML) and 2.x (XML) bank and credit-card statements, read with ofx-js. A sign-on or
 * statement request the bank answered with an error, an investment statement or a file without
 * any statement is rejected: there is nothing to book in it.
 */
export function readOfx(text: string, fail: Fail): ReadBankFile {
  let ofx: unknown;
  try {
    ofx = parseSync(closeSgmlLeaves(withoutCdata(text))).OFX;
  } catch (e) {
    fail('OFX', `not readable as OFX: ${(e as Error).message}`);
  }
  if (!isNode(ofx)) fail('OFX', 'the <OFX> element is empty: no statement in the file');
  checkStatus(get(ofx, 'SIGNONMSGSRSV1', 'SONRS', 'STATUS'), 'SIGNONMSGSRSV1/SONRS/STATUS', 'refused the sign-on', fail);
  const responses = [
    ...list(get(ofx, 'BANKMSGSRSV1', 'STMTTRNRS')).map((r) => ({ r, name: 'STMTTRNRS', statement: 'STMTRS', account: 'BANKACCTFROM' })),
    ...list(get(ofx, 'CREDITCARDMSGSRSV1', 'CCSTMTTRNRS')).map((r) => ({ r, name: 'CCSTMTTRNRS', statement: 'CCSTMTRS', account: 'CCACCTFROM' })),
  ];
  let lineNo = 0;
  const statements: ReadStatement[] = responses.map(({ r, name, statement, account }, i) => {
    const at = `${name} ${i + 1}`;
    checkStatus(get(r, 'STATUS'), `${at}/STATUS`, 'answered the statement request with an error', fail);
    const rs = get(r, statement);
    if (!isNode(rs)) return fail(at, `the response holds no ${statement} statement`);
    return readStatement(rs, `${at}/${statement}`, account, () => ++lineNo, fail);
  });
  if (!statements.length) {
    if (get(ofx, 'INVSTMTMSGSRSV1') !== undefined) fail('INVSTMTMSGSRSV1', 'an investment statement (INVSTMTRS), not a bank account statement');
    fail('OFX', 'no bank or credit-card statement (STMTRS/CCSTMTRS) in the file');
  }
  return { format: 'ofx', statements };
}

/** ofx-js does not understand CDATA sections (OFX 2.x banks wrap names in them). */
function withoutCdata(text: string): string {
  return text.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
}

/**
 * OFX 1.x is SGML: a value element has no end tag. Closing them in one pass makes the file XML,
 * which ofx-js reads straight away; its own SGML conversion backtracks (10,000 lines: 1.5 s).
 */
function closeSgmlLeaves(text: string): string {
  return text.replace(/<([A-Za-z0-9_.]+)>([^<]*)(?=<(\/?)([A-Za-z0-9_.]+)>)/g, (whole, tag: string, value: string, slash: string, next: string) =>
    value.trim() === '' || (slash && next === tag) ? whole : `<${tag}>${value.trim()}</${tag}>`,
  );
}

function readStatement(rs: Node, at: string, accountTag: string, nextLineNo: () => number, fail: Fail): ReadStatement {
  const currency = str(rs.CURDEF);
  if (!currency || !/^[A-Z]{3}$/.test(currency)) fail(`${at}/CURDEF`, currency ? `'${currency}' is not an ISO currency code` : 'the account currency (CURDEF) is missing or empty');
  const acctId = str(get(rs, accountTag, 'ACCTID')) ?? fail(`${at}/${accountTag}/ACCTID`, 'the account id is missing');
  const bankId = str(get(rs, accountTag, 'BANKID'));
  // German banks give bank code and account number; an IBAN stands alone.
  const accountId = bankId && !isIbanShaped(acctId) ? `${bankId}/${acctId}` : acctId;
  const tranList = get(rs, 'BANKTRANLIST');
  const lines = list(get(tranList, 'STMTTRN')).map((t) => readTransaction(t, `STMTTRN ${nextLineNo()}`, accountId, currency, fail));
  const ledger = get(rs, 'LEDGERBAL');
  const closing = ledger === undefined ? undefined : amount(get(ledger, 'BALAMT'), `${at}/LEDGERBAL/BALAMT`, fail);
  const statement = assignDefined<BankStatement>({ accountId, currency, lines }, {
    closingBalanceCents: closing,
    fromDate: optionalDate(get(tranList, 'DTSTART'), `${at}/BANKTRANLIST/DTSTART`, fail),
    toDate: optionalDate(get(tranList, 'DTEND'), `${at}/BANKTRANLIST/DTEND`, fail),
  });
  // OFX gives no opening balance, so there is nothing to check the lines against.
  return { statement };
}

function readTransaction(t: unknown, at: string, accountId: string, currency: string, fail: Fail): BankLine {
  const type = str(get(t, 'TRNTYPE'))?.toUpperCase() ?? fail(`${at}/TRNTYPE`, 'transaction type missing');
  const posted = str(get(t, 'DTPOSTED')) ?? fail(`${at}/DTPOSTED`, 'posting date missing');
  const bookingDate = ofxDate(posted) ?? fail(`${at}/DTPOSTED`, `'${posted}' is not a date (yyyymmdd[hhmmss])`);
  const amountCents = amount(get(t, 'TRNAMT'), `${at}/TRNAMT`, fail);
  const foreign = str(get(t, 'CURRENCY', 'CURSYM'));
  if (foreign && foreign !== currency) fail(`${at}/CURRENCY`, `the amount is in ${foreign}, not the account currency ${currency}`);
  return assignDefined<BankLine>(
    { accountId, bookingDate, amountCents, currency, kind: CHARGE_TYPES.has(type) ? 'CHARGE' : signedKind(amountCents), remittance: collapseSpaces(str(get(t, 'MEMO')) ?? ''), source: at },
    {
      valueDate: optionalDate(get(t, 'DTAVAIL'), `${at}/DTAVAIL`, fail),
      entryRef: str(get(t, 'FITID')),
      counterpartyName: str(get(t, 'NAME')) ?? str(get(t, 'PAYEE', 'NAME')),
      counterpartyIban: [str(get(t, 'BANKACCTTO', 'ACCTID'))].find(isIbanShaped),
      bankCode: type,
    },
  );
}

function checkStatus(status: unknown, at: string, what: string, fail: Fail): void {
  const code = str(get(status, 'CODE'));
  if (code === undefined || code === '0') return;
  const message = str(get(status, 'MESSAGE'));
  fail(at, `the bank ${what}: code ${code} (${str(get(status, 'SEVERITY')) ?? 'no severity'})${message ? `: ${message}` : ''}`);
}

function amount(value: unknown, at: string, fail: Fail): number {
  const raw = str(value) ?? fail(at, 'amount missing or empty');
  // European banks write a decimal comma; a dot wins when both appear.
  const parsed = decimalToCents(raw, raw.includes(',') && !raw.includes('.') ? ',' : '.');
  return parsed.ok ? parsed.cents : fail(at, parsed.reason);
}

function optionalDate(value: unknown, at: string, fail: Fail): string | undefined {
  const raw = str(value);
  return raw === undefined ? undefined : (ofxDate(raw) ?? fail(at, `'${raw}' is not a date (yyyymmdd[hhmmss])`));
}

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

function get(node: unknown, ...path: string[]): unknown {
  return path.reduce<unknown>((n, key) => (isNode(n) ? n[key] : undefined), node);
}

function list(v: unknown): unknown[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** Trimmed text; undefined when absent or blank (ofx-js gives '' for empty tags). */
function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}
