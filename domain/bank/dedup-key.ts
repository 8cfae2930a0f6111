import { createHash } from 'node:crypto';
import type { BankLine } from './bank-line';

/**
 * The identity of a bank entry across files, so a statement imported again, or an overlapping one,
 * books nothing twice: account, booking date, signed amount and the bank's entry reference; when
 * the bank gives no reference, a hash of what the line says (counterparty IBAN, end-to-end id,
 * remittance, value date) stands in for it.
 *
 * `occurrence` (1-based) tells apart lines that are identical in all of that within one statement,
 * such as two equal transfers from one payer on one day: the second gets "#2". Count occurrences
 * per key in statement order (dedupKeysOf does); an overlapping statement that holds the same day's
 * entries then counts them alike and gets the same keys.
 */
export function bankLineDedupKey(line: BankLine, occurrence = 1): string {
  const identity = line.entryRef
    ? `ref:${line.entryRef}`
    : `hash:${createHash('sha256')
        .update([line.counterpartyIban ?? '', line.endToEndId ?? '', line.remittance, line.valueDate ?? ''].join('\u001f'))
        .digest('hex')
        .slice(0, 32)}`;
  const base = `${line.accountId}|${line.bookingDate}|${line.amountCents} ${line.currency}|${identity}`;
  return occurrence > 1 ? `${base}#${occurrence}` : base;
}

/** Keys for one statement's lines, numbering repeated identities in order. */
export function dedupKeysOf(lines: BankLine[]): string[] {
  const seen = new Map<string, number>();
  return lines.map((line) => {
    const base = bankLineDedupKey(line);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n > 1 ? bankLineDedupKey(line, n) : base;
  });
}
