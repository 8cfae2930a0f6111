import type { ParsedBillingFile } from './types';
import type { DeliveryFile } from './billing-delivery';
import { billingFileFormat } from './billing-file-format';
import { parseCsv } from './csv-parser';
import { fileError } from './record-errors';
import { parsePadnext } from './padnext-parser';

/** Entry point for an uploaded billing file (with its order file, when delivered so): read by the reader its format needs. */
export function parseBillingFile(content: Buffer, fileName: string, order?: DeliveryFile): ParsedBillingFile {
  if (billingFileFormat(content, fileName) === 'padnext') return parsePadnext(content, fileName, order);
  if (!order) return parseCsv(content, fileName);
  // An order file lists PADneXt payloads only: beside a CSV it vouches for nothing.
  return { format: 'csv', fileName, records: [], fileErrors: [fileError(fileName, 'order', `the order file ${order.name} accompanies a CSV file: order files belong to PADneXt billing files only`)] };
}
