/**
 * Bytes → text for client files. PADneXt files from practice software are often ISO-8859-15
 * (the € sign is 0xA4 there, not 0x80 as in Windows-1252), so XML is decoded by the encoding its
 * declaration names; CSV from German Excel is UTF-8 (with BOM) or Windows-1252.
 */

import { TextDecoder } from 'node:util';
import iconv from 'iconv-lite';
import { declaredXmlEncoding } from '../xml-declaration';

/** notice: what the receipt must say when the bytes contradicted the declared encoding. */
export type Decoded = { ok: true; text: string; encoding: string; notice?: string } | { ok: false; reason: string };

function bomEncoding(buf: Uint8Array): { encoding: string; skip: number } | undefined {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return undefined;
}

function decodeStrict(buf: Uint8Array, label: string): Decoded {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true, ignoreBOM: true });
  } catch {
    return { ok: false, reason: `unsupported character encoding '${label}'` };
  }
  try {
    return { ok: true, text: decoder.decode(buf), encoding: decoder.encoding };
  } catch {
    return { ok: false, reason: `the bytes are not valid ${label}` };
  }
}

export function decodeXml(buf: Uint8Array): Decoded {
  const bom = bomEncoding(buf);
  if (bom) return undoDoubleEncoding(decodeStrict(buf.subarray(bom.skip), bom.encoding));
  const head = Buffer.from(buf.subarray(0, 256)).toString('latin1');
  const declared = declaredXmlEncoding(head);
  // A single-byte declaration over bytes that are valid UTF-8 with multi-byte sequences: the
  // software wrote UTF-8 and kept an old header. Read as ISO-8859-15, "ü" would become "Ã¼".
  if (declared && SINGLE_BYTE.test(declared) && buf.some((b) => b >= 0x80)) {
    const utf8 = decodeStrict(buf, 'utf-8');
    if (utf8.ok) return undoDoubleEncoding({ ...utf8, notice: `the file declares ${declared}, but its bytes are UTF-8: read as UTF-8` });
  }
  // XML 1.0 § 4.3.3: without a declaration (or BOM) the document must be UTF-8.
  if (declared && /^(windows-1252|cp1252)$/i.test(declared)) return undoDoubleEncoding({ ok: true, text: decodeWindows1252(buf), encoding: 'windows-1252' });
  const result = decodeStrict(buf, declared ?? 'utf-8');
  if (!result.ok && !declared) return { ok: false, reason: 'no encoding is declared, so the file must be UTF-8, but it contains invalid UTF-8 bytes (add encoding="ISO-8859-15" to the XML declaration?)' };
  return undoDoubleEncoding(result);
}

const SINGLE_BYTE = /^(iso-?8859-\d+|latin-?\d|windows-125\d|cp125\d|us-ascii|ascii)$/i;

// A UTF-8 lead byte read as Windows-1252/Latin-1 ("Ã", "Â", "â") followed by a continuation byte read
// the same way: the trace of UTF-8 text that was decoded as a single-byte encoding and encoded again.
const MOJIBAKE = /[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/;

/**
 * Text that was UTF-8-encoded twice ("LÃ¼neburg"): when every non-ASCII character maps back to one
 * Windows-1252 byte and those bytes are valid UTF-8, the second encoding is undone. A genuine "ü"
 * beside the traces makes the bytes invalid UTF-8, so mixed text is left alone.
 */
function undoDoubleEncoding(d: Decoded): Decoded {
  if (!d.ok || !MOJIBAKE.test(d.text)) return d;
  const bytes = iconv.encode(d.text, 'windows-1252');
  // iconv-lite writes "?" for characters outside Windows-1252: then it was not a double encoding.
  if (iconv.decode(bytes, 'windows-1252') !== d.text) return d;
  const once = decodeStrict(bytes, 'utf-8');
  if (!once.ok) return d;
  const note = `the text was encoded as UTF-8 twice ("${sample(d.text)}"): the double encoding was undone`;
  return { ok: true, text: once.text, encoding: d.encoding, notice: d.notice ? `${d.notice}; ${note}` : note };
}

function sample(text: string): string {
  const at = text.search(MOJIBAKE);
  return text.slice(Math.max(0, at - 8), at + 8).replace(/\s+/g, ' ');
}

// Node's TextDecoder treats 'windows-1252' as plain latin1 (0x80 → U+0080, not €), so the
// 0x80–0x9F block of Windows-1252 is mapped by hand; undefined bytes stay as their C1 code point.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(buf: Uint8Array): string {
  let out = '';
  for (let i = 0; i < buf.length; i += 8192) {
    const chunk = buf.subarray(i, i + 8192);
    out += String.fromCharCode(...chunk).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
  }
  return out;
}

/** CSV has no declaration: a BOM or valid UTF-8 means UTF-8, anything else is taken as Windows-1252. */
export function decodeCsv(buf: Uint8Array): Decoded {
  const bom = bomEncoding(buf);
  if (bom) return undoDoubleEncoding(decodeStrict(buf.subarray(bom.skip), bom.encoding));
  const utf8 = decodeStrict(buf, 'utf-8');
  return utf8.ok ? undoDoubleEncoding(utf8) : { ok: true, text: decodeWindows1252(buf), encoding: 'windows-1252' };
}

/** The text of a UTF-16 file (by its BOM), else undefined: formats are told apart by content, not bytes. */
export function utf16Text(buf: Uint8Array): string | undefined {
  const bom = bomEncoding(buf);
  if (!bom || bom.encoding === 'utf-8') return undefined;
  const d = decodeStrict(buf.subarray(bom.skip), bom.encoding);
  return d.ok ? d.text : undefined;
}
