import { createHash } from 'node:crypto';
import type { DeliveryFile } from './billing-delivery';
import { looksLikeXml } from './billing-file-format';
import { decodeXml } from './decode';
import type { FileNotice, RecordError } from './types';
import { fileError } from './record-errors';
import { child, childText, childrenNamed, parseXmlTree, type XmlNode } from './xml-tree';

/** What the order file says of the billing file: refusals, and notices for the receipt. */
export interface OrderCheck {
  errors: RecordError[];
  notices: FileNotice[];
}

/**
 * Cross-checks the order file (Auftragsdatei *_auf.xml, root <auftrag>) against the billing data
 * file: the order lists each payload file with its length and SHA-1, so a truncated or altered
 * transfer is refused as a whole instead of billing part of it. Length and SHA-1 are of the
 * unencrypted file (padx_auf: "Dateigröße unverschlüsselt"), so a file decrypted after transport
 * is checked like a plain one. Errors are reported against the billing file (the record of
 * the upload) and name the order file and its field.
 */
export function checkOrderFile(order: DeliveryFile, fileName: string, padxBytes: Uint8Array): OrderCheck {
  const out: OrderCheck = { errors: [], notices: [] };
  const refuse = (field: string, reason: string) => (out.errors.push(fileError(fileName, `order.${field}`, `order file ${order.name}: ${reason}`)), out);
  const root = readOrderFile(order.content);
  if (!root.ok) return refuse(root.field, root.reason);

  const verfahren = child(root.node, 'verschluesselung')?.attrs.verfahren;
  if (verfahren === '1') {
    if (!looksLikeXml(Buffer.from(padxBytes))) return refuse('verschluesselung', 'records PKCS#7 encryption (verfahren="1") and the billing file is not XML: it is still encrypted, decrypt it before the upload');
    out.notices.push({ field: 'order.verschluesselung', reason: `the order file ${order.name} records PKCS#7 encryption (verfahren="1"); the billing file arrived decrypted and matches the order's length and SHA-1 of the unencrypted file` });
  } else if (verfahren !== undefined && verfahren !== '0') {
    return refuse('verschluesselung', `verfahren="${verfahren}" is neither 0 (none) nor 1 (PKCS#7)`);
  }
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const payloads = childrenNamed(root.node, 'datei').filter((d) => childText(d, 'dokumententyp') === 'PADneXt');
  const datei = payloads.find((d) => childText(d, 'name') === base) ?? (payloads.length === 1 ? payloads[0] : undefined);
  if (!datei) return refuse('datei', `lists ${payloads.length} PADneXt files (${payloads.map((d) => `'${childText(d, 'name')}'`).join(', ') || 'none'}), none named '${base}'`);
  checkLengthAndHash(datei, padxBytes, refuse);
  return out;
}

type OrderRoot = { ok: true; node: XmlNode } | { ok: false; field: string; reason: string };

/**
 * The order file must be read exactly: unlike a billing file (decoded by what its bytes are, with
 * a notice), a damaged order file cannot vouch for anything, so it is refused.
 */
function readOrderFile(content: Buffer): OrderRoot {
  const decoded = decodeXml(content);
  if (!decoded.ok) return { ok: false, field: 'encoding', reason: `damaged: ${decoded.reason}` };
  if (decoded.notice) return { ok: false, field: 'encoding', reason: `damaged: ${decoded.notice}` };
  const replaced = decoded.text.indexOf('\uFFFD');
  if (replaced >= 0) {
    const { line, column } = lineAndColumn(decoded.text, replaced);
    return { ok: false, field: 'encoding', reason: `damaged: a U+FFFD replacement character at line ${line}, column ${column} (characters were lost in a conversion before the upload)` };
  }
  const tree = parseXmlTree(decoded.text);
  if (!tree.ok) return { ok: false, field: 'xml', reason: tree.reason };
  if (tree.root.name !== 'auftrag') return { ok: false, field: 'root', reason: `root element is <${tree.root.name}>, expected <auftrag>` };
  return { ok: true, node: tree.root };
}

function checkLengthAndHash(datei: XmlNode, padxBytes: Uint8Array, refuse: (field: string, reason: string) => unknown): void {
  const dateilaenge = child(datei, 'dateilaenge');
  const laenge = dateilaenge?.attrs.laenge;
  const sum = dateilaenge?.attrs.pruefsumme;
  if (laenge === undefined || sum === undefined) {
    refuse('datei.dateilaenge', `<dateilaenge> must state laenge and pruefsumme (SHA-1); it states ${laenge === undefined ? 'no laenge' : `laenge="${laenge}"`} and ${sum === undefined ? 'no pruefsumme' : `pruefsumme="${sum}"`}`);
    return;
  }
  if (Number(laenge) !== padxBytes.length) {
    refuse('datei.dateilaenge.laenge', `states laenge="${laenge}" bytes, the billing file has ${padxBytes.length} bytes: transfer incomplete or altered`);
  }
  const actual = createHash('sha1').update(padxBytes).digest('hex');
  if (sum.toLowerCase() !== actual) {
    refuse('datei.dateilaenge.pruefsumme', `states SHA-1 pruefsumme="${sum}", the billing file's SHA-1 is ${actual}: transfer incomplete or altered`);
  }
}

function lineAndColumn(text: string, at: number): { line: number; column: number } {
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}
