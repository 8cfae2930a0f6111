import { assignDefined } from './assign-defined';
import type { BankLine, BankStatement } from './bank-line';
import { ofxDate } from './bank-dates';
import { decimalToCents } from './decimal-cents';
import { signedKind } from './german-codes';
import { isIbanShaped } from './iban';
import { descendants, parseOfxTree, type OfxNode } from './ofx-tree';
import type { Fail, ReadBankFile, ReadStatement } from './read-statement';
import { collapseSpaces, mandateIdOf, splitSepaIdentifiers } from './sepa-remittance';

/** OFX transaction types that are the bank's own fees. */
const CHARGE_TYPES = new Set(['FEE', 'SRVCHG']);

/** The two kinds of statement response: bank accounts and credit cards. */
const RESPONSES = [
  { set: 'BANKMSGSRSV1', response: 'STMTTRNRS', statement: 'STMTRS', account: 'BANKACCTFROM' },
  { set: 'CREDITCARDMSGSRSV1', response: 'CCSTMTTRNRS', statement: 'CCSTMTRS', account: 'CCACCTFROM' },
];

/**
 * OFX 1.x (SGML) and 2.x (XML) bank and credit-card statements. A sign-on or statement request the
 * bank answered with an error, an investment statement or a file without any statement is
 * rejected: there is nothing to book in it. Every statement and transaction of the file must be
 * where a statement is read from; one anywhere else rejects the file rather than going unbooked.
 */
export function readOfx(text: string, maxDepth: number, fail: Fail): ReadBankFile {
  const { root: ofx, counts } = parseOfxTree(text, maxDepth, fail);
  if (!ofx.children.length) fail(`OFX (line ${ofx.line})`, 'the <OFX> element is empty: no statement in the file');
  const reader = new OfxReader(fail);
  const signOn = reader.one(reader.one(ofx, 'SIGNONMSGSRSV1'), 'SONRS');
  reader.checkStatus(signOn, 'refused the sign-on', 'SIGNONMSGSRSV1/SONRS');
  const statements: ReadStatement[] = [];
  for (const kind of RESPONSES) {
    reader.all(ofx, kind.set).flatMap((set) => reader.all(set, kind.response)).forEach((response, i) => {
      const at = `${kind.response} ${i + 1}`;
      reader.checkStatus(response, 'answered the statement request with an error', at);
      const found = reader.all(response, kind.statement);
      if (!found.length) fail(`${at} (line ${response.line})`, `the response holds no ${kind.statement} statement`);
      for (const rs of found) statements.push(reader.statement(rs, `${at}/${kind.statement}`, kind.account));
    });
  }
  if (!statements.length) {
    const investment = reader.all(ofx, 'INVSTMTMSGSRSV1')[0];
    if (investment) fail(`INVSTMTMSGSRSV1 (line ${investment.line})`, 'an investment statement (INVSTMTRS), not a bank account statement');
    fail('OFX', 'no bank or credit-card statement (STMTRS/CCSTMTRS) in the file');
  }
  reader.checkAllRead(ofx, counts, statements.length);
  return { format: 'ofx', statements };
}

class OfxReader {
  private readonly transactions = new Set<OfxNode>();
  private readonly statements = new Set<OfxNode>();

  constructor(private readonly fail: Fail) {}

  all(node: OfxNode | undefined, name: string): OfxNode[] {
    return node ? node.children.filter((c) => c.name === name) : [];
  }

  /** The one child of a name: a second one is not guessed between. */
  one(node: OfxNode | undefined, name: string, at = node?.name ?? ''): OfxNode | undefined {
    const found = this.all(node, name);
    if (found.length > 1) this.fail(`${at}/${name} (line ${found[1].line})`, `${found.length} <${name}> elements (lines ${found.map((n) => n.line).join(', ')}) where one is allowed`);
    return found[0];
  }

  /** A leaf's trimmed value; undefined when absent or empty. */
  value(node: OfxNode | undefined, name: string, at: string): { text?: string; at: string } {
    const leaf = this.one(node, name, at);
    const where = `${at}/${name} (line ${(leaf ?? node)?.line ?? '?'})`;
    if (leaf && leaf.value === undefined) this.fail(where, `<${name}> holds elements where a value is expected`);
    return { text: leaf?.value?.trim() || undefined, at: where };
  }

  checkStatus(holder: OfxNode | undefined, what: string, at = holder?.name ?? ''): void {
    const status = this.one(holder, 'STATUS', at);
    const code = this.value(status, 'CODE', `${at}/STATUS`).text;
    if (code === undefined || code === '0') return;
    const message = this.value(status, 'MESSAGE', `${at}/STATUS`).text;
    const severity = this.value(status, 'SEVERITY', `${at}/STATUS`).text ?? 'no severity';
    this.fail(`${at}/STATUS (line ${status!.line})`, `the bank ${what}: code ${code} (${severity})${message ? `: ${message}` : ''}`);
  }

  statement(rs: OfxNode, at: string, accountTag: string): ReadStatement {
    this.statements.add(rs);
    const curdef = this.value(rs, 'CURDEF', at);
    const currency = curdef.text;
    if (!currency || !/^[A-Z]{3}$/.test(currency)) this.fail(curdef.at, currency ? `'${currency}' is not an ISO currency code` : 'the account currency (CURDEF) is missing or empty');
    const account = this.one(rs, accountTag, at);
    const acct = this.value(account, 'ACCTID', `${at}/${accountTag}`);
    const acctId = acct.text ?? this.fail(acct.at, 'the account id is missing');
    const bankId = this.value(account, 'BANKID', `${at}/${accountTag}`).text;
    // German banks give bank code and account number; an IBAN stands alone.
    const accountId = bankId && !isIbanShaped(acctId) ? `${bankId}/${acctId}` : acctId;
    const tranList = this.one(rs, 'BANKTRANLIST', at);
    const lines = this.all(tranList, 'STMTTRN').map((t) => this.transaction(t, `STMTTRN ${this.transactions.size + 1}`, accountId, currency));
    const ledger = this.one(rs, 'LEDGERBAL', at);
    const statement = assignDefined<BankStatement>({ accountId, currency, lines }, {
      closingBalanceCents: ledger && this.amount(this.value(ledger, 'BALAMT', `${at}/LEDGERBAL`)),
      fromDate: this.optionalDate(this.value(tranList, 'DTSTART', `${at}/BANKTRANLIST`)),
      toDate: this.optionalDate(this.value(tranList, 'DTEND', `${at}/BANKTRANLIST`)),
    });
    // OFX gives no opening balance, so there is nothing to check the lines against.
    return { statement };
  }

  private transaction(t: OfxNode, at: string, accountId: string, currency: string): BankLine {
    this.transactions.add(t);
    const type = this.value(t, 'TRNTYPE', at);
    const bankCode = type.text?.toUpperCase() ?? this.fail(type.at, 'transaction type missing');
    const posted = this.value(t, 'DTPOSTED', at);
    const bookingDate = this.optionalDate(posted) ?? this.fail(posted.at, 'posting date missing');
    const amountCents = this.amount(this.value(t, 'TRNAMT', at));
    const foreign = this.value(this.one(t, 'CURRENCY', at), 'CURSYM', `${at}/CURRENCY`);
    if (foreign.text && foreign.text !== currency) this.fail(foreign.at, `the amount is in ${foreign.text}, not the account currency ${currency}`);
    const payee = this.one(t, 'PAYEE', at);
    const iban = this.value(this.one(t, 'BANKACCTTO', at), 'ACCTID', `${at}/BANKACCTTO`).text;
    const memo = collapseSpaces(this.value(t, 'MEMO', at).text ?? '');
    return assignDefined<BankLine>(
      {
        accountId,
        bookingDate,
        amountCents,
        currency,
        kind: CHARGE_TYPES.has(bankCode) ? 'CHARGE' : signedKind(amountCents),
        remittance: memo,
        source: `${at} (line ${t.line})`,
      },
      {
        valueDate: this.optionalDate(this.value(t, 'DTAVAIL', at)),
        entryRef: this.value(t, 'FITID', at).text,
        counterpartyName: this.value(t, 'NAME', at).text ?? this.value(payee, 'NAME', `${at}/PAYEE`).text,
        counterpartyIban: isIbanShaped(iban) ? iban : undefined,
        // OFX has no field for it; German banks pass the SEPA text on in MEMO ("EREF+… MREF+… SVWZ+…").
        // Only the mandate is taken from it: the end-to-end id is part of the dedup key of lines stored before.
        mandateId: mandateIdOf(splitSepaIdentifiers(memo).parts.get('MREF')),
        bankCode,
      },
    );
  }

  private amount(v: { text?: string; at: string }): number {
    const raw = v.text ?? this.fail(v.at, 'amount missing or empty');
    // European banks write a decimal comma; a dot wins when both appear.
    const parsed = decimalToCents(raw, raw.includes(',') && !raw.includes('.') ? ',' : '.');
    return parsed.ok ? parsed.cents : this.fail(v.at, parsed.reason);
  }

  private optionalDate(v: { text?: string; at: string }): string | undefined {
    return v.text === undefined ? undefined : (ofxDate(v.text) ?? this.fail(v.at, `'${v.text}' is not a date (yyyymmdd[hhmmss])`));
  }

  /**
   * The guard against silent loss: as many statements and transactions read as the file holds
   * (counted over all its tags); one placed anywhere else is named with its line.
   */
  checkAllRead(ofx: OfxNode, counts: Map<string, number>, statementCount: number): void {
    const inFile = (counts.get('STMTRS') ?? 0) + (counts.get('CCSTMTRS') ?? 0);
    if (inFile !== statementCount) {
      const stray = [...descendants(ofx, 'STMTRS'), ...descendants(ofx, 'CCSTMTRS')].find((s) => !this.statements.has(s));
      this.fail(`line ${stray?.line ?? '?'}`, `the file holds ${inFile} statements, ${statementCount} of them in a statement response: <${stray?.name}> stands outside ${RESPONSES.map((r) => `${r.set}/${r.response}`).join(' or ')}`);
    }
    const transactions = counts.get('STMTTRN') ?? 0;
    if (transactions !== this.transactions.size) {
      const stray = descendants(ofx, 'STMTTRN').find((t) => !this.transactions.has(t));
      this.fail(`line ${stray?.line ?? '?'}`, `the file holds ${transactions} transactions (STMTTRN), ${this.transactions.size} of them in a statement's BANKTRANLIST: this one stands elsewhere`);
    }
  }
}
