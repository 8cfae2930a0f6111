import { assignDefined } from './assign-defined';
import type { BankLine, BankLineKind, BankStatement } from './bank-line';
import { swiftDate } from './bank-dates';
import { decimalToCents } from './decimal-cents';
import { kindOfGvc, signedKind } from './german-codes';
import { parseDetails } from './mt940-details';
import { splitMt940, tagsAtLineStart, type Mt940Field } from './mt940-fields';
import { parseStatementLine } from './mt940-statement-line';
import type { Fail, ReadBankFile, ReadStatement } from './read-statement';

/** SWIFT transaction types (after N/F/S) that are fees, and the one for a returned item. */
const CHARGE_TYPES = new Set(['CHG', 'COM', 'BRF']);
const RETURNED_ITEM = 'RTI';
/** Tags only an MT942 interim report has (floor limit, report date-time, entry sums). */
const MT942_TAGS = new Set(['13', '13D', '34F', '90C', '90D']);
/** Customer statement (940), interim report (942), statement message (950). */
const STATEMENT_TYPES = new Set(['940', '942', '950']);
const MESSAGE_TYPES: Record<string, string> = {
  '101': 'an MT101 request for transfer',
  '103': 'an MT103 payment message',
  '900': 'an MT900 debit confirmation',
  '910': 'an MT910 credit confirmation',
  '900/910': 'an MT900/MT910 debit or credit confirmation',
  '941': 'an MT941 balance report',
};

/** MT940 statements and MT942 interim reports, several per file, with or without SWIFT blocks. */
export function readMt940(text: string, fail: Fail): ReadBankFile {
  const { messages, stray } = splitMt940(text);
  const notStatement = (type: string) => `this is ${MESSAGE_TYPES[type] ?? `an MT${type} message`}, not an account statement`;
  for (const { type } of messages) if (type && !STATEMENT_TYPES.has(type.code)) fail(`line ${type.line}`, notStatement(type.code));
  const guessed = messages.some((m) => m.type) ? undefined : typeByTags(tagsAtLineStart(text));
  if (guessed) fail('file', notStatement(guessed));
  if (stray) fail(`line ${stray.line}`, `'${stray.text.slice(0, 40)}' stands outside any SWIFT field (expected a tag such as :20:)`);
  // Each :20: opens a statement; a message (SWIFT block or "-"-terminated part) never continues one.
  const statements: Mt940Field[][] = [];
  for (const message of messages) {
    let current: Mt940Field[] | undefined;
    for (const field of message.fields) {
      if (field.tag === '20') statements.push((current = [field]));
      else if (current) current.push(field);
      else if (field.tag !== 'NS') fail(`line ${field.line}`, `:${field.tag}: comes before the statement's :20: transaction reference`);
    }
  }
  if (!statements.length) fail('file', 'no statement in the file: no :20: transaction reference');
  const read = statements.map((fields) => readStatement(fields, fail));
  const interim = read.filter((r) => r.interim).length;
  if (interim && interim < read.length) fail('file', 'the file mixes MT940 statements and MT942 interim reports');
  // The guard against silent loss: every :61: of the file became a line.
  const inFile = (text.match(/(?:^|\{4:)\x01?:61:/gm) ?? []).length;
  const lines = read.reduce((n, r) => n + r.read.statement.lines.length, 0);
  if (lines !== inFile) fail('file', `the file holds ${inFile} statement lines (:61:), ${lines} of them were read`);
  return { format: interim ? 'mt942' : 'mt940', statements: read.map((r) => r.read) };
}

/** A SWIFT message without header told by its fields: payments and confirmations carry :32A:, MT941 its balances without lines. */
function typeByTags(tags: Set<string>): string | undefined {
  if (tags.has('61')) return undefined;
  if (tags.has('23B') || tags.has('59') || tags.has('59A') || tags.has('59F')) return '103';
  if (tags.has('21R') || tags.has('28D') || tags.has('50H')) return '101';
  // Only an MT910 names the ordering customer (:50a:); both may name the ordering bank (:52a:).
  if (tags.has('32A')) return ['50A', '50F', '50K'].some((t) => tags.has(t)) ? '910' : '900/910';
  if (tags.has('13D') && tags.has('62F') && !tags.has('34F')) return '941';
  return undefined;
}

function readStatement(fields: Mt940Field[], fail: Fail): { read: ReadStatement; interim: boolean } {
  const at = `line ${fields[0].line}`;
  const value = (f: Mt940Field) => f.lines.join('').trim();
  const find = (...tags: string[]) => fields.find((f) => tags.includes(f.tag));
  const account = find('25');
  if (!account || !value(account)) fail(at, 'the statement has no :25: account identification');
  const accountId = value(account);
  const interim = fields.some((f) => MT942_TAGS.has(f.tag)) && !find('60F', '60M');
  const opening = interim ? undefined : readBalance(find('60F', '60M'), 'opening', at, fail);
  const closing = interim ? undefined : readBalance(find('62F', '62M'), 'closing', at, fail);
  if (opening && closing && opening.currency !== closing.currency) {
    fail(`line ${closing.line}`, `closing balance is in ${closing.currency}, the opening balance in ${opening.currency}`);
  }
  const currency = opening?.currency ?? interimCurrency(fields, at, fail);

  const lines: BankLine[] = [];
  fields.forEach((field, i) => {
    if (field.tag !== '61') return;
    // The line's :86: follows it, after any non-SWIFT :NS: fields some banks put in between.
    let next = i + 1;
    while (fields[next]?.tag === 'NS') next++;
    lines.push(readLine(field, fields[next]?.tag === '86' ? fields[next] : undefined, accountId, currency, fail));
  });
  const number = find('28C', '28');
  const statement = assignDefined<BankStatement>({ accountId, currency, lines }, {
    statementId: number && value(number),
    openingBalanceCents: opening?.cents,
    closingBalanceCents: closing?.cents,
    fromDate: opening?.date,
    toDate: closing?.date,
  });
  return { read: { statement, closingBalanceAt: closing && `line ${closing.line}` }, interim };
}

interface Balance {
  cents: number;
  currency: string;
  date: string;
  line: number;
}

function readBalance(field: Mt940Field | undefined, which: string, at: string, fail: Fail): Balance {
  if (!field) return fail(at, `the statement has no ${which} balance (:${which === 'opening' ? '60F:/:60M' : '62F:/:62M'}:)`);
  const raw = field.lines.join('').trim();
  const m = /^([CD])(\d{6})([A-Z]{3})(\d[\d,]*)$/.exec(raw);
  if (!m) fail(`line ${field.line}`, `:${field.tag}: '${raw}' is not a balance (C/D mark, date YYMMDD, currency, amount)`);
  const date = swiftDate(m[2]) ?? fail(`line ${field.line}`, `:${field.tag}: date '${m[2]}' is not a valid date (YYMMDD)`);
  const amount = decimalToCents(m[4], ',');
  if (!amount.ok) fail(`line ${field.line}`, `:${field.tag}: amount ${amount.reason}`);
  return { cents: m[1] === 'D' ? -amount.cents : amount.cents, currency: m[3], date, line: field.line };
}

/** MT942 names its currency in the floor limit (:34F:EURD0,00) or the sums (:90C:3PLN0,03). */
function interimCurrency(fields: Mt940Field[], at: string, fail: Fail): string {
  for (const f of fields) {
    const m = f.tag === '34F' ? /^([A-Z]{3})/.exec(f.lines[0]) : /^90[CD]$/.test(f.tag) ? /^\d*([A-Z]{3})/.exec(f.lines[0]) : null;
    if (m) return m[1];
  }
  return fail(at, 'the interim report names no currency (:34F: floor limit or :90C:/:90D: sums)');
}

function readLine(field: Mt940Field, detailsField: Mt940Field | undefined, accountId: string, currency: string, fail: Fail): BankLine {
  const parsed = parseStatementLine(field.lines);
  if (!parsed.ok) return fail(`line ${field.line}`, parsed.reason);
  const s = parsed.value;
  const details = detailsField ? parseDetails(detailsField.lines) : { remittance: '' };
  const kind = lineKind(s.mark, s.transactionType, details.gvc, s.amountCents);
  return assignDefined<BankLine>(
    { accountId, bookingDate: s.bookingDate, amountCents: s.amountCents, currency, kind, remittance: details.remittance, source: `line ${field.line}` },
    {
      valueDate: s.valueDate,
      original: s.original?.currency !== currency ? s.original : undefined,
      entryRef: s.bankRef,
      endToEndId: details.endToEndId,
      mandateId: details.mandateId,
      counterpartyName: details.counterpartyName,
      counterpartyIban: details.counterpartyIban,
      bankCode: details.gvc ?? s.transactionType,
      returnReason: kind === 'RETURN' ? details.returnCode : undefined,
    },
  );
}

function lineKind(mark: string, transactionType: string, gvc: string | undefined, amountCents: number): BankLineKind {
  if (mark === 'RC' || mark === 'RD' || transactionType.slice(1) === RETURNED_ITEM) return 'RETURN';
  return kindOfGvc(gvc) ?? (CHARGE_TYPES.has(transactionType.slice(1)) ? 'CHARGE' : signedKind(amountCents));
}
