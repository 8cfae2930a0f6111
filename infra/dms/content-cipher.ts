import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** An AES-256 key and its id (derived from the key, so stored content names the key it needs). */
export interface ContentKey {
  id: string;
  key: Buffer;
}

/** The key new content is encrypted with (first), and older keys still able to decrypt. */
export interface Keyring {
  current: ContentKey;
  /** Every key's id, the current one first. */
  ids: string[];
  byId(id: string): ContentKey | undefined;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

export function contentKey(key: Buffer): ContentKey {
  if (key.length !== 32) throw new Error(`a document encryption key must be 32 bytes (base64), not ${key.length}`);
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 16), key };
}

/** A keyring from base64 keys: the first encrypts, all decrypt (rotation: prepend the new key). */
export function keyringOf(base64Keys: string[]): Keyring {
  const keys = base64Keys.map((k) => contentKey(Buffer.from(k.trim(), 'base64')));
  if (keys.length === 0) throw new Error('no document encryption key given');
  return { current: keys[0], ids: keys.map((k) => k.id), byId: (id) => keys.find((k) => k.id === id) };
}

/** AES-256-GCM: iv | tag | ciphertext. */
export function encrypt(plain: Buffer, key: ContentKey): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function decrypt(sealed: Buffer, key: ContentKey): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key.key, sealed.subarray(0, IV_BYTES));
  decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}
