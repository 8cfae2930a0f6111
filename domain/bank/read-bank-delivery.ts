import { BankFileError, type ParsedBankFile } from './bank-line';
import type { BankFileLimits } from './bank-import-policy';
import { decodeBankText } from './decode-bank-text';
import { detectBankFormat } from './detect-bank-format';
import { parseBankFile } from './parse-bank-file';
import { failFor } from './read-statement';
import { isZip, unzipEntries } from '../zip-entries';

/**
 * A delivery as the bank sends it: one statement file, or a ZIP of CAMT files (banks pack a day's
 * camt.053/054 files so). Each entry of the ZIP is read as a file of its own and gives its
 * statements; the first entry that cannot be read rejects the whole delivery, naming the entry.
 */
export async function readBankDelivery(fileName: string, content: Buffer, limits: BankFileLimits): Promise<ParsedBankFile> {
  if (!isZip(content)) return parseBankFile(fileName, content, limits);
  const fail = failFor(fileName);
  const entries = await unzipEntries(content, { maxEntries: limits.zipMaxEntries, maxUncompressedBytes: limits.zipMaxUncompressedBytes }, fail);
  if (!entries.length) fail('ZIP', 'the archive holds no file');
  const read = entries.map((entry) => {
    try {
      return { entry, parsed: parseBankFile(entry.name, entry.content, limits) };
    } catch (e) {
      if (e instanceof BankFileError) fail(`ZIP entry ${entry.name}: ${e.location}`, e.reason);
      throw e;
    }
  });
  const format = read[0].parsed.format;
  for (const { entry, parsed } of read) {
    if (!parsed.format.startsWith('camt')) fail(`ZIP entry ${entry.name}`, `a ZIP delivery holds CAMT files only, this entry is ${parsed.format}`);
    if (parsed.format !== format) fail(`ZIP entry ${entry.name}`, `a ${parsed.format} message beside ${format} in ${read[0].entry.name}: one delivery holds one kind of message`);
  }
  return {
    format,
    statements: read.flatMap(({ entry, parsed }) =>
      parsed.statements.map((s) => ({ ...s, lines: s.lines.map((line) => ({ ...line, source: `${entry.name}: ${line.source}` })) })),
    ),
  };
}

/** A statement file is told by its content (CAMT, MT940, OFX). */
export function isBankStatement(content: Buffer): boolean {
  return detectBankFormat(decodeBankText(content)).ok;
}

/**
 * Whether a file someone hands over (the dry run cannot ask which upload it was meant for) is a bank
 * delivery: a statement file, or a ZIP with a statement among its entries. A ZIP that cannot be
 * unpacked is not claimed here: the billing side names its defect.
 */
export async function isBankDelivery(content: Buffer, limits: BankFileLimits): Promise<boolean> {
  if (!isZip(content)) return isBankStatement(content);
  const refused = (location: string, reason: string): never => {
    throw new Error(`${location}: ${reason}`);
  };
  const entries = await unzipEntries(content, { maxEntries: limits.zipMaxEntries, maxUncompressedBytes: limits.zipMaxUncompressedBytes }, refused).catch(() => []);
  return entries.some((e) => isBankStatement(e.content));
}
