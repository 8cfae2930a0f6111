import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { decrypt, encrypt, keyringOf } from '../../infra/dms/content-cipher';
import { documentEncryptionKeys } from '../../infra/dms/encryption-key';

const key = () => randomBytes(32).toString('base64');

test('AES-256-GCM: the sealed bytes are not the plain ones and open again with the key', () => {
  const ring = keyringOf([key()]);
  const plain = Buffer.from('%PDF-1.7 Rechnung RE0000000142');
  const sealed = encrypt(plain, ring.current);
  expect(sealed.includes(Buffer.from('%PDF'))).toBe(false);
  expect(sealed.length).toBe(plain.length + 28);
  expect(decrypt(sealed, ring.current)).toEqual(plain);
});

test('a changed byte or another key does not decrypt', () => {
  const [a, b] = [keyringOf([key()]).current, keyringOf([key()]).current];
  const sealed = encrypt(Buffer.from('Mahnung'), a);
  expect(() => decrypt(sealed, b)).toThrow();
  sealed[sealed.length - 1] ^= 1;
  expect(() => decrypt(sealed, a)).toThrow();
});

test('a keyring encrypts with its first key and finds older ones by id (rotation)', () => {
  const [newer, older] = [key(), key()];
  const old = keyringOf([older]);
  const ring = keyringOf([newer, older]);
  expect(ring.current.id).not.toBe(old.current.id);
  expect(ring.byId(old.current.id)?.key).toEqual(old.current.key);
  expect(ring.byId('0000000000000000')).toBeUndefined();
});

test('a key that is not 32 bytes is refused with its length', () => {
  expect(() => keyringOf([Buffer.alloc(16).toString('base64')])).toThrow('must be 32 bytes (base64), not 16');
});

test('without a configured key, one is generated once into the data dir, readable only by its owner', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dms-key-')), 'keys', 'document-key');
  const first = documentEncryptionKeys(undefined, file);
  expect(Buffer.from(first, 'base64')).toHaveLength(32);
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  expect(documentEncryptionKeys(undefined, file)).toBe(first);
  expect(documentEncryptionKeys('configured', file)).toBe('configured');
});
