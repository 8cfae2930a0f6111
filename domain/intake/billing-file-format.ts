import { utf16Text } from './decode';

/** The two billing-file formats clients send. */
export type BillingFileFormat = 'padnext' | 'csv';

/**
 * Which reader a billing file needs: XML content (or a .xml name) → PADneXt, anything else → the
 * documented CSV. Content wins over the name because practices rename files freely; a .xml name
 * that is not XML still goes to the PADneXt reader so the "not XML" error is precise.
 */
export function billingFileFormat(content: Buffer, fileName: string): BillingFileFormat {
  return looksLikeXml(content) || /\.xml$/i.test(fileName) ? 'padnext' : 'csv';
}

/** Whether the content is XML: its first non-blank character (after any BOM) is '<'. */
export function looksLikeXml(content: Buffer): boolean {
  // UTF-16 (Excel's "Unicode text" CSV, or XML): decided by the decoded text, not its bytes.
  const wide = utf16Text(content.subarray(0, 1024));
  if (wide !== undefined) return wide.trimStart().startsWith('<');
  let i = content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf ? 3 : 0;
  while (i < content.length && (content[i] === 0x20 || content[i] === 0x09 || content[i] === 0x0a || content[i] === 0x0d)) i++;
  return content[i] === 0x3c; // '<'
}
