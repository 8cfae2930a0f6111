import { createHash } from 'node:crypto';
import type { RecordError } from './types';
import { fileError } from './record-errors';
import { child, childText, childrenNamed, parseXmlTree } from './xml-tree';

/**
 * Cross-checks the order file (*_auf.xml, root <auftrag>) against the billing data file: the
 * order lists each payload file with its length and SHA-1, so a truncated or altered transfer is
 * refused as a whole instead of billing part of it.
 */
export function checkOrderFile(auftragXml: string, fileName: string, padxBytes: Uint8Array | undefined): RecordError[] {
  const tree = parseXmlTree(auftragXml);
  if (!tree.ok) return [fileError(fileName, 'auftrag', `order file: ${tree.reason}`)];
  if (tree.root.name !== 'auftrag') {
    return [fileError(fileName, 'auftrag', `order file: root element is <${tree.root.name}>, expected <auftrag>`)];
  }
  const errors: RecordError[] = [];
  const verfahren = child(tree.root, 'verschluesselung')?.attrs.verfahren;
  if (verfahren && verfahren !== '0') {
    errors.push(fileError(fileName, 'auftrag.verschluesselung', `order file declares encryption verfahren="${verfahren}" (PKCS#7): encrypted deliveries must be decrypted before intake`));
  }
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const payloads = childrenNamed(tree.root, 'datei').filter((d) => childText(d, 'dokumententyp') === 'PADneXt');
  const datei = payloads.find((d) => childText(d, 'name') === base) ?? (payloads.length === 1 ? payloads[0] : undefined);
  if (!datei) {
    errors.push(fileError(fileName, 'auftrag.datei', `order file lists ${payloads.length} PADneXt files, none named '${base}'`));
    return errors;
  }
  if (!padxBytes) return errors;
  const laenge = child(datei, 'dateilaenge')?.attrs.laenge;
  if (laenge !== undefined && Number(laenge) !== padxBytes.length) {
    errors.push(fileError(fileName, 'auftrag.datei.dateilaenge', `order file says the billing file has ${laenge} bytes, it has ${padxBytes.length}: transfer incomplete or altered`));
  }
  const sum = child(datei, 'dateilaenge')?.attrs.pruefsumme;
  if (sum !== undefined) {
    const actual = createHash('sha1').update(padxBytes).digest('hex');
    if (sum.toLowerCase() !== actual) {
      errors.push(fileError(fileName, 'auftrag.datei.dateilaenge', `SHA-1 of the billing file is ${actual}, the order file says ${sum}: transfer incomplete or altered`));
    }
  }
  return errors;
}
