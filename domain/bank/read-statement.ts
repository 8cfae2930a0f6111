import { BankFileError, type BankFileFormat, type BankStatement } from './bank-line';
import { formatCents } from './decimal-cents';

/**
 * What a format reader hands to parseBankFile: the statements, each with where its closing balance
 * stands in the file, so the balance check (a separate step) can point at it.
 */
export interface ReadStatement {
  statement: BankStatement;
  closingBalanceAt?: string;
}

export interface ReadBankFile {
  format: BankFileFormat;
  statements: ReadStatement[];
}

/** Throws the file's one BankFileError; readers stop at the first thing they cannot read. */
export type Fail = (location: string, reason: string) => never;

export function failFor(fileName: string): Fail {
  return (location, reason) => {
    throw new BankFileError(fileName, location, reason);
  };
}

/**
 * Opening balance + every line = closing balance, where the bank gives both balances. A mismatch
 * means lines are missing or wrong, and booking such a statement would lose or invent money.
 */
export function checkBalance(read: ReadStatement, fail: Fail): void {
  const s = read.statement;
  if (s.openingBalanceCents === undefined || s.closingBalanceCents === undefined) return;
  const sum = s.lines.reduce((total, line) => total + line.amountCents, 0);
  if (s.openingBalanceCents + sum === s.closingBalanceCents) return;
  fail(
    read.closingBalanceAt ?? 'closing balance',
    `balance mismatch in statement ${s.statementId ?? ''} of account ${s.accountId}: opening balance ${formatCents(s.openingBalanceCents, s.currency)} ` +
      `+ ${s.lines.length} line(s) totalling ${formatCents(sum, s.currency)} = ${formatCents(s.openingBalanceCents + sum, s.currency)}, ` +
      `but the closing balance is ${formatCents(s.closingBalanceCents, s.currency)}`,
  );
}
