/**
 * Bytes → text for client files. PADneXt files from practice software are often ISO-8859-15
 * (the € sign is 0xA4 there, not 0x80 as in Windows-1252), so XML is decoded by the encoding its
 * declaration names; CSV from German Excel is UTF-8 (with BOM) or Windows-1252.
 */

import { TextDecoder } from 'node:util';

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

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

/** The encoding named in the XML declaration, read from the ASCII-compatible head of the file. */
export function declaredXmlEncoding(head: string): string | undefined {
  const decl = /^\s*<\?xml\s[^?]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return decl?.[1];
}

export function decodeXml(buf: Uint8Array): Decoded {
  const bom = bomEncoding(buf);
  if (bom) return decodeStrict(buf.subarray(bom.skip), bom.encoding);
  const head = Buffer.from(buf.subarray(0, 256)).toString('latin1');
  const declared = declaredXmlEncoding(head);
  // XML 1.0 § 4.3.3: without a declaration (or BOM) the document must be UTF-8.
  if (declared && /^(windows-1252|cp1252)$/i.test(declared)) return { ok: true, text: decodeWindows1252(buf), encoding: 'windows-1252' };
  const result = decodeStrict(buf, declared ?? 'utf-8');
  if (!result.ok && !declared) return { ok: false, reason: 'no encoding is declared, so the file must be UTF-8, but it contains invalid UTF-8 bytes (add encoding="ISO-8859-15" to the XML declaration?)' };
  return result;
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
  if (bom) return decodeStrict(buf.subarray(bom.skip), bom.encoding);
  const utf8 = decodeStrict(buf, 'utf-8');
  return utf8.ok ? utf8 : { ok: true, text: decodeWindows1252(buf), encoding: 'windows-1252' };
}
