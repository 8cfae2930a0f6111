import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/**
 * The encryption of a backup archive: AES-256-GCM in chunks (the STREAM construction), so that a
 * wrong key is refused before anything is read and every chunk is authenticated before its bytes
 * are used; a damaged byte, a truncated or reordered archive fails at its chunk.
 *
 * Layout: header (magic, format version, chunk size, salt, nonce prefix, key check), then chunks of
 * `chunkSize` ciphertext bytes plus a 16-byte tag; the last chunk is shorter (maybe empty). A chunk's
 * nonce is the prefix, its counter and a last-chunk flag; the header is every chunk's associated data.
 * The archive key is derived per archive from the backup key and the salt (HKDF-SHA256).
 */
const MAGIC = Buffer.from('CFBACKUP');
export const ARCHIVE_FORMAT_VERSION = 1;
const HEADER_LENGTH = MAGIC.length + 1 + 4 + 16 + 7 + 16;
const TAG_LENGTH = 16;
const DEFAULT_CHUNK_SIZE = 1 << 20;

/** Why an archive cannot be opened; the message names the archive's problem for the operator. */
export class BackupArchiveError extends Error {}

/** The backup key: 32 bytes (base64 in its file or secret). */
export type BackupKey = Buffer;

interface Header {
  bytes: Buffer;
  chunkSize: number;
  noncePrefix: Buffer;
  key: Buffer;
}

function derive(backupKey: BackupKey, salt: Buffer): { key: Buffer; check: Buffer } {
  const key = Buffer.from(hkdfSync('sha256', backupKey, salt, 'claimflow backup archive key', 32));
  const check = createHmac('sha256', Buffer.from(hkdfSync('sha256', backupKey, salt, 'claimflow backup key check', 32))).update(salt).digest().subarray(0, 16);
  return { key, check };
}

function nonce(prefix: Buffer, counter: number, last: boolean): Buffer {
  const n = Buffer.alloc(12);
  prefix.copy(n, 0);
  n.writeUInt32BE(counter, 7);
  n[11] = last ? 1 : 0;
  return n;
}

function newHeader(backupKey: BackupKey, chunkSize: number): Header {
  const salt = randomBytes(16);
  const noncePrefix = randomBytes(7);
  const { key, check } = derive(backupKey, salt);
  const version = Buffer.from([ARCHIVE_FORMAT_VERSION]);
  const size = Buffer.alloc(4);
  size.writeUInt32BE(chunkSize);
  return { bytes: Buffer.concat([MAGIC, version, size, salt, noncePrefix, check]), chunkSize, noncePrefix, key };
}

function readHeader(bytes: Buffer, backupKey: BackupKey): Header {
  if (bytes.length < HEADER_LENGTH || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new BackupArchiveError('not a claimflow backup archive (its first bytes are not a claimflow backup header)');
  let at = MAGIC.length;
  const version = bytes[at++];
  if (version !== ARCHIVE_FORMAT_VERSION) throw new BackupArchiveError(`archive format version ${version} is not supported (this claimflow reads version ${ARCHIVE_FORMAT_VERSION})`);
  const chunkSize = bytes.readUInt32BE(at);
  at += 4;
  const salt = bytes.subarray(at, (at += 16));
  const noncePrefix = bytes.subarray(at, (at += 7));
  const stored = bytes.subarray(at, (at += 16));
  const { key, check } = derive(backupKey, salt);
  if (!timingSafeEqual(check, stored)) throw new BackupArchiveError('the backup key does not open this archive: wrong key (or the archive header is damaged)');
  if (chunkSize < 1 || chunkSize > 1 << 26) throw new BackupArchiveError(`the archive header names an impossible chunk size (${chunkSize})`);
  return { bytes: Buffer.from(bytes.subarray(0, HEADER_LENGTH)), chunkSize, noncePrefix: Buffer.from(noncePrefix), key };
}

function seal(h: Header, counter: number, last: boolean, plain: Buffer): Buffer {
  const c = createCipheriv('aes-256-gcm', h.key, nonce(h.noncePrefix, counter, last));
  c.setAAD(h.bytes);
  return Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
}

function open(h: Header, counter: number, last: boolean, sealed: Buffer): Buffer | undefined {
  const d = createDecipheriv('aes-256-gcm', h.key, nonce(h.noncePrefix, counter, last));
  d.setAAD(h.bytes);
  d.setAuthTag(sealed.subarray(sealed.length - TAG_LENGTH));
  try {
    return Buffer.concat([d.update(sealed.subarray(0, sealed.length - TAG_LENGTH)), d.final()]);
  } catch {
    return undefined;
  }
}

/** Encrypts a stream into an archive (header first). */
export function encryptArchive(backupKey: BackupKey, chunkSize = DEFAULT_CHUNK_SIZE): Transform {
  const h = newHeader(backupKey, chunkSize);
  let pending = Buffer.alloc(0);
  let counter = 0;
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      if (!started) {
        this.push(h.bytes);
        started = true;
      }
      pending = Buffer.concat([pending, chunk]);
      // A full chunk is sealed only once more bytes follow: the last chunk is known at the end.
      while (pending.length > h.chunkSize) {
        this.push(seal(h, counter++, false, pending.subarray(0, h.chunkSize)));
        pending = pending.subarray(h.chunkSize);
      }
      done();
    },
    flush(done: TransformCallback) {
      if (!started) this.push(h.bytes);
      this.push(seal(h, counter, true, pending));
      done();
    },
  });
}

/** Decrypts an archive, refusing a wrong key, a damaged chunk or a truncated archive (BackupArchiveError). */
export function decryptArchive(backupKey: BackupKey): Transform {
  let h: Header | undefined;
  let pending = Buffer.alloc(0);
  let counter = 0;
  let offset = 0;
  const damaged = (at: number, length: number) => new BackupArchiveError(`the archive is damaged: chunk ${counter + 1} (bytes ${at}–${at + length - 1}) fails its authentication`);
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      pending = Buffer.concat([pending, chunk]);
      try {
        if (!h) {
          if (pending.length < HEADER_LENGTH) return done();
          h = readHeader(pending, backupKey);
          pending = pending.subarray(HEADER_LENGTH);
          offset = HEADER_LENGTH;
        }
        const sealedSize = h.chunkSize + TAG_LENGTH;
        while (pending.length > sealedSize) {
          const plain = open(h, counter, false, pending.subarray(0, sealedSize));
          if (!plain) throw damaged(offset, sealedSize);
          this.push(plain);
          counter++;
          offset += sealedSize;
          pending = pending.subarray(sealedSize);
        }
        done();
      } catch (e) {
        done(e as Error);
      }
    },
    flush(done: TransformCallback) {
      if (!h) return done(readHeaderError(pending, backupKey));
      if (pending.length < TAG_LENGTH) return done(new BackupArchiveError('the archive is truncated: it ends inside a chunk'));
      const plain = open(h, counter, true, pending);
      if (plain) {
        this.push(plain);
        return done();
      }
      // A full chunk that opens as a middle one: the chunks after it are missing.
      if (pending.length === h.chunkSize + TAG_LENGTH && open(h, counter, false, pending)) return done(new BackupArchiveError(`the archive is truncated: it ends after chunk ${counter + 1}`));
      done(damaged(offset, pending.length));
    },
  });
}

function readHeaderError(bytes: Buffer, backupKey: BackupKey): Error {
  try {
    readHeader(bytes, backupKey);
    return new BackupArchiveError('the archive is truncated: it ends after its header');
  } catch (e) {
    return e as Error;
  }
}
