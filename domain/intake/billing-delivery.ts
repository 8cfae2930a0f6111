import { createHash } from 'node:crypto';
import { isZip, unzipEntries, type ZipLimits } from '../zip-entries';
import { utf16Text } from './decode';

/** One file of a delivery, by its name without folders. */
export interface DeliveryFile {
  name: string;
  content: Buffer;
}

/** What a practice delivers at once: the billing file, and for PADneXt its order file (Auftragsdatei). */
export interface BillingDelivery {
  billing: DeliveryFile;
  order?: DeliveryFile;
}

export type DeliveryReading = { ok: true; delivery: BillingDelivery } | { ok: false; location: string; reason: string };

/** An order file is told by its root element <auftrag> (any prefix), whatever its name. */
export function isOrderFile(content: Buffer): boolean {
  const head = utf16Text(content.subarray(0, 4096)) ?? content.subarray(0, 4096).toString('latin1');
  // Skip the declaration, processing instructions, comments and a doctype to the first element.
  const first = /^(?:\uFEFF|ï»¿)?(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*<([\w.-]+:)?([\w.-]+)/.exec(head);
  return first?.[2] === 'auftrag';
}

/**
 * The files of one upload (the parts of a multipart body, the entries of a ZIP, the files named
 * on the command line) as one delivery: exactly one billing file and at most one order file,
 * told apart by content. Anything else is refused naming the files found.
 */
export function pairDeliveryFiles(files: DeliveryFile[], source: string): DeliveryReading {
  const orders = files.filter((f) => isOrderFile(f.content));
  const billing = files.filter((f) => !orders.includes(f));
  const names = (fs: DeliveryFile[]) => fs.map((f) => f.name).join(', ');
  const refuse = (reason: string): DeliveryReading => ({ ok: false, location: source, reason: `${reason}: a delivery is one billing file with at most one order file (*_auf.xml)` });
  if (files.length === 0) return refuse('holds no file');
  if (billing.length === 0) return refuse(`holds only the order file ${names(orders)} and no billing file`);
  if (billing.length > 1) return refuse(`holds ${billing.length} billing files (${names(billing)})`);
  if (orders.length > 1) return refuse(`holds ${orders.length} order files (${names(orders)})`);
  return { ok: true, delivery: { billing: billing[0], order: orders[0] } };
}

class ZipRefused extends Error {
  constructor(
    readonly location: string,
    readonly reason: string,
  ) {
    super(`${location}: ${reason}`);
  }
}

/**
 * An upload as a delivery: a single ZIP is unpacked (bounded by limits, folder names dropped,
 * a Mac's __MACOSX resource forks skipped), then its files are paired.
 */
export async function readBillingDelivery(files: DeliveryFile[], limits: ZipLimits): Promise<DeliveryReading> {
  if (files.length !== 1 || !isZip(files[0].content)) return pairDeliveryFiles(files, files.length === 1 ? files[0].name : 'the upload');
  const zip = files[0];
  try {
    const entries = await unzipEntries(zip.content, limits, (location, reason) => {
      throw new ZipRefused(`${zip.name}: ${location}`, reason);
    });
    const delivered = entries.filter((e) => !e.name.startsWith('__MACOSX/')).map((e) => ({ name: e.name.split('/').pop()!, content: e.content }));
    return pairDeliveryFiles(delivered, `ZIP ${zip.name}`);
  } catch (e) {
    if (e instanceof ZipRefused) return { ok: false, location: e.location, reason: e.reason };
    throw e;
  }
}

/** A delivery's identity for recognising a repeated upload: the billing file's SHA-256, with its order file's when there is one. */
export function deliverySha256(delivery: BillingDelivery): string {
  const hash = createHash('sha256').update(delivery.billing.content);
  if (delivery.order) hash.update('\0order\0').update(delivery.order.content);
  return hash.digest('hex');
}
