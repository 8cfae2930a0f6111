import yauzl, { type Entry, type ZipFile } from 'yauzl';

/** Names the place and the reason of a ZIP that cannot be read, and throws (the caller's error type). */
export type ZipFail = (location: string, reason: string) => never;

/** How far a ZIP delivery may go: guards against zip bombs. */
export interface ZipLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
}

export interface ZipEntry {
  name: string;
  content: Buffer;
}

/** A ZIP archive starts with a local file header (or is an empty archive's end record). */
export function isZip(content: Buffer): boolean {
  return content.length >= 4 && content[0] === 0x50 && content[1] === 0x4b && ((content[2] === 3 && content[3] === 4) || (content[2] === 5 && content[3] === 6));
}

/**
 * The files of a ZIP delivery (bank statements, billing file with its order file), unpacked in
 * memory. Bounded against zip bombs: the number of entries and the bytes unpacked in all (declared
 * sizes checked before unpacking, actual bytes while unpacking; yauzl verifies that each entry's
 * data matches its declared size). yauzl refuses absolute paths and ".." in entry names.
 */
export async function unzipEntries(content: Buffer, limits: ZipLimits, fail: ZipFail): Promise<ZipEntry[]> {
  const zip = await yauzl.fromBufferPromise(content, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }).catch((e: Error) => fail('ZIP', `not a readable ZIP archive: ${e.message}`));
  if (zip.entryCount > limits.maxEntries) fail('ZIP', `${zip.entryCount} entries, more than the ${limits.maxEntries} a delivery may hold`);
  const entries: ZipEntry[] = [];
  let unpacked = 0;
  for (let entry = await nextEntry(zip, fail); entry; entry = await nextEntry(zip, fail)) {
    if (entry.fileName.endsWith('/')) continue;
    const at = `ZIP entry ${entry.fileName}`;
    if (entry.isEncrypted()) fail(at, 'the entry is encrypted');
    unpacked += entry.uncompressedSize;
    if (unpacked > limits.maxUncompressedBytes) fail(at, `the archive unpacks to more than ${limits.maxUncompressedBytes} bytes`);
    entries.push({ name: entry.fileName, content: await readEntry(zip, entry, at, fail) });
  }
  return entries;
}

function nextEntry(zip: ZipFile, fail: ZipFail): Promise<Entry | undefined> {
  return new Promise((resolve, reject) => {
    const done = (entry: Entry | undefined) => {
      zip.removeAllListeners();
      resolve(entry);
    };
    zip.once('entry', done);
    zip.once('end', () => done(undefined));
    zip.once('error', (e: Error) => {
      zip.removeAllListeners();
      try {
        fail('ZIP', `not a readable ZIP archive: ${e.message}`);
      } catch (error) {
        reject(error);
      }
    });
    zip.readEntry();
  });
}

async function readEntry(zip: ZipFile, entry: Entry, at: string, fail: ZipFail): Promise<Buffer> {
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  } catch (e) {
    return fail(at, `cannot be unpacked: ${(e as Error).message}`);
  }
}
