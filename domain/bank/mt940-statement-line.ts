import { swiftDate, swiftEntryDate } from './bank-dates';
import { decimalToCents } from './decimal-cents';

/**
 * One :61: statement line: value date YYMMDD, optional entry date MMDD (some banks send four
 * spaces), mark C/D/RC/RD (RC/RD: reversal of a credit/debit), optional funds code, amount with
 * decimal comma, transaction type (N/F/S + 3, a few banks use other letters or leave the three blank), customer reference, optional //bank reference and
 * on the next line the supplementary details (e.g. /OCMT/USD12,50/ for the original amount).
 */
export interface Mt940StatementLine {
  valueDate: string;
  bookingDate: string;
  mark: 'C' | 'D' | 'RC' | 'RD';
  /** Signed: money in positive (C, RD), money out negative (D, RC). */
  amountCents: number;
  transactionType: string;
  customerRef?: string;
  bankRef?: string;
  original?: { amountCents: number; currency: string };
}

export type StatementLineResult = { ok: true; value: Mt940StatementLine } | { ok: false; reason: string };

// The type is a letter and three characters; some banks leave the three blank.
const LINE = /^(\d{6})(\d{4}| {4})?(RC|RD|C|D)([A-Z])?(\d[\d,]*)([A-Z](?:[A-Z0-9]{3}| {3}| *$))(.*)$/;

export function parseStatementLine(lines: string[]): StatementLineResult {
  const first = lines[0].trimEnd();
  const m = LINE.exec(first);
  if (!m) return { ok: false, reason: `':61:${first}' is not a statement line (value date, C/D mark, amount, transaction type)` };
  const valueDate = swiftDate(m[1], true);
  if (!valueDate) return { ok: false, reason: `value date '${m[1]}' is not a valid date (YYMMDD)` };
  const entry = m[2]?.trim();
  const bookingDate = entry ? swiftEntryDate(entry, valueDate) : valueDate;
  if (!bookingDate) return { ok: false, reason: `entry date '${entry}' is not a valid date (MMDD)` };
  const amount = decimalToCents(m[5], ',');
  if (!amount.ok) return { ok: false, reason: `amount ${amount.reason}` };
  const mark = m[3] as Mt940StatementLine['mark'];
  const [customerRef, bankRef] = splitReferences(m[7]);
  const value: Mt940StatementLine = {
    valueDate,
    bookingDate,
    mark,
    amountCents: mark === 'C' || mark === 'RD' ? amount.cents : -amount.cents,
    transactionType: m[6].trim(),
  };
  if (customerRef) value.customerRef = customerRef;
  if (bankRef) value.bankRef = bankRef;
  const ocmt = /\/OCMT\/([A-Z]{3})(\d[\d,]*)\//.exec(lines.slice(1).join(''));
  const original = ocmt && decimalToCents(ocmt[2], ',');
  if (ocmt && original?.ok) value.original = { amountCents: value.amountCents < 0 ? -original.cents : original.cents, currency: ocmt[1] };
  return { ok: true, value };
}

/** "NONREF" means no reference; the bank's own one follows "//". */
function splitReferences(rest: string): [string | undefined, string | undefined] {
  const at = rest.indexOf('//');
  const clean = (s: string) => (s.trim() && s.trim() !== 'NONREF' ? s.trim() : undefined);
  return at >= 0 ? [clean(rest.slice(0, at)), clean(rest.slice(at + 2))] : [clean(rest), undefined];
}
