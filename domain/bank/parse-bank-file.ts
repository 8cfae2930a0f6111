import type { ParsedBankFile } from './bank-line';
import { DEFAULT_BANK_FILE_LIMITS, type BankFileLimits } from './bank-import-policy';
import { readCamt } from './camt-reader';
import { decodeBankText } from './decode-bank-text';
import { detectBankFormat } from './detect-bank-format';
import { readMt940 } from './mt940-reader';
import { readOfx } from './ofx-reader';
import { checkBalance, failFor } from './read-statement';

/**
 * The one entry point for bank statement files: CAMT.053/052/054, MT940/MT942 or OFX, told apart by
 * content. All or nothing: the first problem throws a BankFileError (file, location, reason) and
 * the caller quarantines the whole file, so no line of a broken statement is ever booked. Every
 * reader runs in linear time with bounded nesting; the deadline is the caller's (parse-within-deadline).
 */
export function parseBankFile(fileName: string, content: Buffer, limits: BankFileLimits = DEFAULT_BANK_FILE_LIMITS): ParsedBankFile {
  const fail = failFor(fileName);
  if (content.length === 0) fail('file', 'the file is empty');
  const text = decodeBankText(content);
  const detected = detectBankFormat(text);
  if (!detected.ok) return fail('file', detected.reason);
  const read =
    detected.family === 'camt'
      ? readCamt(text, limits.maxNestingDepth, fail)
      : detected.family === 'mt940'
        ? readMt940(text, fail)
        : readOfx(text, limits.maxNestingDepth, fail);
  for (const statement of read.statements) checkBalance(statement, fail);
  return { format: read.format, statements: read.statements.map((s) => s.statement) };
}
