import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { decryptArchive, encryptArchive } from '../../infra/backup/archive-cipher';

const key = Buffer.alloc(32, 7);
const plain = randomBytes(10_000);

const seal = (data: Buffer, chunkSize = 4096) => buffer(Readable.from([data]).pipe(encryptArchive(key, chunkSize)));
const open = (archive: Buffer, k = key) => buffer(Readable.from([archive]).pipe(decryptArchive(k)));

describe('backup archive encryption', () => {
  it('opens what it sealed: header of 52 bytes, three chunks of 4096 bytes with a 16-byte tag each', async () => {
    const archive = await seal(plain);
    expect(archive.length).toBe(52 + 3 * 16 + 10_000);
    expect(archive.subarray(0, 8).toString()).toBe('CFBACKUP');
    expect((await open(archive)).equals(plain)).toBe(true);
  });

  it('opens an empty stream and one of exactly whole chunks', async () => {
    expect((await open(await seal(Buffer.alloc(0)))).length).toBe(0);
    const whole = randomBytes(8192);
    expect((await open(await seal(whole))).equals(whole)).toBe(true);
  });

  it('refuses a wrong key before any byte', async () => {
    await expect(open(await seal(plain), Buffer.alloc(32, 8))).rejects.toThrow('the backup key does not open this archive: wrong key (or the archive header is damaged)');
  });

  it('refuses a flipped byte, naming its chunk', async () => {
    const archive = await seal(plain);
    archive[52 + 4112 + 100] ^= 1;
    await expect(open(archive)).rejects.toThrow('the archive is damaged: chunk 2 (bytes 4164–8275) fails its authentication');
  });

  it('refuses a flipped byte in the header (the chunk size is authenticated with every chunk)', async () => {
    const archive = await seal(plain);
    archive[11] ^= 1;
    await expect(open(archive)).rejects.toThrow('the archive is damaged: chunk 1');
  });

  it('refuses a truncated archive and one that is not an archive', async () => {
    const archive = await seal(plain);
    await expect(open(archive.subarray(0, 52 + 2 * 4112))).rejects.toThrow('the archive is truncated: it ends after chunk 2');
    await expect(open(archive.subarray(0, 60))).rejects.toThrow('the archive is truncated: it ends inside a chunk');
    await expect(open(Buffer.from('PGDMP not ours'))).rejects.toThrow('not a claimflow backup archive');
  });

  it('refuses an unknown format version', async () => {
    const archive = await seal(plain);
    archive[8] = 9;
    await expect(open(archive)).rejects.toThrow('archive format version 9 is not supported (this claimflow reads version 1)');
  });
});
