import { BankFileError } from '../../domain/bank/bank-line';

/** "location: reason" of the BankFileError a read throws; fails the test when the file is accepted. */
export function rejectionOf(read: () => unknown): string {
  try {
    read();
  } catch (e) {
    if (e instanceof BankFileError) return `${e.location}: ${e.reason}`;
    throw e;
  }
  throw new Error('the file was accepted');
}

/** The 1-based line of the nth occurrence of `needle` in a generated file. */
export function lineOf(text: string, needle: string, nth = 1): number {
  let at = -1;
  for (let i = 0; i < nth; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`'${needle}' (${nth}) is not in the text`);
  return text.slice(0, at).split('\n').length;
}
