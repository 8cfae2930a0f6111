import { assignDefined } from './assign-defined';
import type { BankLine, BankLineKind } from './bank-line';
import { counterpartyOf } from './camt-parties';
import { direction, readAmount, readDate, type Money } from './camt-values';
import { child, children, text, type XmlNode } from './camt-xml';
import { formatCents } from './decimal-cents';
import { gvcOfProprietaryCode, kindOfGvc, signedKind } from './german-codes';
import type { Fail } from './read-statement';
import { collapseSpaces, endToEndIdOf, mandateIdOf } from './sepa-remittance';

/** ISO bank transaction sub-families that reverse an earlier payment, and those that are fees. */
const RETURN_SUBFAMILIES = new Set(['RRTN', 'UPDD', 'RPCR', 'PRDD']);
const CHARGE_SUBFAMILIES = new Set(['CHRG', 'FEES', 'COMM']);

export interface EntryContext {
  accountId: string;
  currency: string;
  fail: Fail;
}

/**
 * One CAMT <Ntry> → its bank lines: one line per transaction (TxDtls) of a batched entry, else one
 * line for the entry. Entries not yet booked (Sts PDNG/INFO in camt.052/054) give no line: they
 * have not moved money and come again, booked, in a later statement.
 */
export function readEntry(ntry: XmlNode | undefined, at: string, ctx: EntryContext): BankLine[] {
  const { fail } = ctx;
  const status = text(ntry, 'Sts', 'Cd') ?? text(ntry, 'Sts');
  if (status !== undefined && status !== 'BOOK') return [];
  const money = readAmount(child(ntry, 'Amt'), `${at}/Amt`, fail);
  if (money.currency !== ctx.currency) fail(`${at}/Amt`, `entry is in ${money.currency}, the account in ${ctx.currency}`);
  const entryCents = money.cents * direction(text(ntry, 'CdtDbtInd'), `${at}/CdtDbtInd`, fail);
  const bookingDate = readDate(child(ntry, 'BookgDt'), `${at}/BookgDt`, fail) ?? fail(`${at}/BookgDt`, 'booking date missing');
  const entry: EntryFacts = {
    bookingDate,
    valueDate: readDate(child(ntry, 'ValDt'), `${at}/ValDt`, fail),
    entryRef: text(ntry, 'AcctSvcrRef') ?? text(ntry, 'NtryRef'),
    reversal: text(ntry, 'RvslInd') === 'true',
    bankTransactionCode: child(ntry, 'BkTxCd'),
    note: text(ntry, 'AddtlNtryInf'),
  };
  const transactions = children(ntry, 'NtryDtls').flatMap((d) => children(d, 'TxDtls'));
  if (transactions.length <= 1) return [lineOf(ctx, entry, transactions[0], entryCents, at, transactions.length ? `${at}/NtryDtls/TxDtls[1]` : at)];

  const amounts = transactions.map((tx, i) => batchAmount(tx, `${at}/NtryDtls/TxDtls[${i + 1}]`, money, entryCents, fail));
  const sum = amounts.reduce((a, b) => a + b, 0);
  if (sum !== entryCents) {
    fail(`${at}/NtryDtls`, `the ${transactions.length} transactions of the batch sum to ${formatCents(sum, money.currency)}, the entry amount is ${formatCents(entryCents, money.currency)}`);
  }
  return transactions.map((tx, i) => {
    const txAt = `${at}/NtryDtls/TxDtls[${i + 1}]`;
    // Lines of one batch share the entry's reference: number them so each keeps its own identity.
    return lineOf(ctx, { ...entry, entryRef: entry.entryRef && `${entry.entryRef}/${i + 1}` }, tx, amounts[i], txAt, txAt);
  });
}

interface EntryFacts {
  bookingDate: string;
  valueDate?: string;
  entryRef?: string;
  reversal: boolean;
  bankTransactionCode: XmlNode | undefined;
  note?: string;
}

/** A batched transaction's own signed amount (TxDtls/Amt from v3, AmtDtls/TxAmt in v2). */
function batchAmount(tx: XmlNode | undefined, at: string, entry: Money, entryCents: number, fail: Fail): number {
  const amt = child(tx, 'Amt') ?? child(tx, 'AmtDtls', 'TxAmt', 'Amt');
  if (amt === undefined) fail(at, 'a transaction of a batched entry has no amount of its own, so the entry cannot be split');
  const own = readAmount(amt, `${at}/Amt`, fail);
  if (own.currency !== entry.currency) fail(`${at}/Amt`, `transaction amount is in ${own.currency}, the batched entry in ${entry.currency}: the batch cannot be split`);
  const indicator = text(tx, 'CdtDbtInd');
  return own.cents * (indicator === undefined ? Math.sign(entryCents) || 1 : direction(indicator, `${at}/CdtDbtInd`, fail));
}

function lineOf(ctx: EntryContext, entry: EntryFacts, tx: XmlNode | undefined, amountCents: number, at: string, source: string): BankLine {
  const code = child(tx, 'BkTxCd') ?? entry.bankTransactionCode;
  const returnInfo = child(tx, 'RtrInf');
  const kind = kindOf(amountCents, entry.reversal || returnInfo !== undefined, code);
  const party = counterpartyOf(child(tx, 'RltdPties'), amountCents >= 0, kind === 'RETURN');
  const line: BankLine = {
    accountId: ctx.accountId,
    bookingDate: entry.bookingDate,
    amountCents,
    currency: ctx.currency,
    kind,
    // Without remittance information the bank's own note ("Kontoführungsentgelt") says what it is.
    remittance: remittanceOf(child(tx, 'RmtInf')) || collapseSpaces(text(tx, 'AddtlTxInf') ?? entry.note ?? ''),
    source,
  };
  return assignDefined(line, {
    valueDate: entry.valueDate,
    original: originalAmount(tx, ctx, amountCents, at),
    entryRef: text(tx, 'Refs', 'AcctSvcrRef') ?? entry.entryRef,
    endToEndId: endToEndIdOf(text(tx, 'Refs', 'EndToEndId')),
    // The schema (camt.053.001.02 to .08) has the mandate only in TxDtls/Refs, on collection and return alike.
    mandateId: mandateIdOf(text(tx, 'Refs', 'MndtId')),
    counterpartyName: party.name,
    counterpartyIban: party.iban,
    bankCode: codeText(code),
    returnReason: kind === 'RETURN' ? (text(returnInfo, 'Rsn', 'Cd') ?? text(returnInfo, 'Rsn', 'Prtry')) : undefined,
  });
}

function kindOf(amountCents: number, reversed: boolean, code: XmlNode | undefined): BankLineKind {
  if (reversed) return 'RETURN';
  const subFamily = text(code, 'Domn', 'Fmly', 'SubFmlyCd');
  if (subFamily && RETURN_SUBFAMILIES.has(subFamily)) return 'RETURN';
  if (subFamily && CHARGE_SUBFAMILIES.has(subFamily)) return 'CHARGE';
  return kindOfGvc(gvcOfProprietaryCode(text(code, 'Prtry', 'Cd'))) ?? signedKind(amountCents);
}

/** "PMNT/RCDT/ESCT" from the ISO domain, else the bank's proprietary code. */
function codeText(code: XmlNode | undefined): string | undefined {
  const domain = text(code, 'Domn', 'Cd');
  if (domain) return [domain, text(code, 'Domn', 'Fmly', 'Cd'), text(code, 'Domn', 'Fmly', 'SubFmlyCd')].filter(Boolean).join('/');
  return text(code, 'Prtry', 'Cd');
}

/** The instructed amount, when the payer sent another currency than the account's. */
function originalAmount(tx: XmlNode | undefined, ctx: EntryContext, amountCents: number, at: string): BankLine['original'] {
  const instructed = child(tx, 'AmtDtls', 'InstdAmt', 'Amt');
  if (instructed === undefined) return undefined;
  const money = readAmount(instructed, `${at}/AmtDtls/InstdAmt/Amt`, ctx.fail);
  if (money.currency === ctx.currency) return undefined;
  return { amountCents: amountCents < 0 ? -money.cents : money.cents, currency: money.currency };
}

/** Unstructured lines, then structured references (creditor reference, referred documents, notes). */
function remittanceOf(rmtInf: XmlNode | undefined): string {
  const parts: string[] = [];
  for (const u of children(rmtInf, 'Ustrd')) parts.push(text(u) ?? '');
  for (const s of children(rmtInf, 'Strd')) {
    parts.push(text(s, 'CdtrRefInf', 'Ref') ?? '');
    for (const doc of children(s, 'RfrdDocInf')) parts.push(text(doc, 'Nb') ?? '');
    for (const note of children(s, 'AddtlRmtInf')) parts.push(text(note) ?? '');
  }
  return collapseSpaces(parts.join(' '));
}
