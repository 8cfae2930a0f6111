import type { ParsedBillingFile } from './types';
import { billingFileFormat } from './billing-file-format';
import { parseCsv } from './csv-parser';
import { parsePadnext } from './padnext-parser';

/** Entry point for an uploaded billing file: read by the reader its format needs. */
export function parseBillingFile(content: Buffer, fileName: string): ParsedBillingFile {
  return billingFileFormat(content, fileName) === 'padnext' ? parsePadnext(content, fileName) : parseCsv(content, fileName);
}
