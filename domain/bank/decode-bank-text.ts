import iconv from 'iconv-lite';
import { TextDecoder } from 'node:util';
import { declaredXmlEncoding } from '../xml-declaration';

/**
 * Bytes → text for bank files. Banks deliver UTF-8, but MT940 and OFX 1.x from German banks are
 * often ISO-8859-1 or Windows-1252 (umlauts as single bytes) with nothing in the file saying so.
 * Rule: a BOM wins, then UTF-16 told by its zero bytes ("<\0?\0"); an XML declaration naming a
 * single-byte or UTF-8 encoding wins (one claiming UTF-16/32 was just read byte by byte, so it is
 * wrong); otherwise valid UTF-8 is UTF-8 and anything else is read as Windows-1252 (a superset of
 * ISO-8859-1's printable characters).
 */
export function decodeBankText(content: Buffer): string {
  if (content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf) return content.subarray(3).toString('utf8');
  if (content[0] === 0xff && content[1] === 0xfe) return iconv.decode(content.subarray(2), 'utf-16le');
  if (content[0] === 0xfe && content[1] === 0xff) return iconv.decode(content.subarray(2), 'utf-16be');
  if (content[0] === 0x3c && content[1] === 0 && content[2] !== 0) return iconv.decode(content, 'utf-16le');
  if (content[0] === 0 && content[1] === 0x3c && content[3] !== 0) return iconv.decode(content, 'utf-16be');
  const declared = declaredXmlEncoding(content.subarray(0, 200).toString('latin1'));
  if (declared && !/^(utf-?8|utf-?16.*|utf-?32.*|ucs-?[24].*|unicode.*)$/i.test(declared) && iconv.encodingExists(declared)) return iconv.decode(content, declared);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return iconv.decode(content, 'windows-1252');
  }
}
