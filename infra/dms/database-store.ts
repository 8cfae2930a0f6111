import { sha256Hex } from '../../domain/sha256';
import type { Db } from '../db/prisma';
import { decrypt, encrypt, Keyring } from './content-cipher';
import type { ContentMetadata, DocumentStore } from './document-store';

/** Content moved in by the migration before encryption existed. */
const UNENCRYPTED = 'none';

/**
 * The built-in store: each distinct content once (StoredContent, keyed by the sha256 of the plain
 * bytes), encrypted at rest with AES-256-GCM under the keyring's current key. The reference is the sha256.
 */
export class DatabaseDocumentStore implements DocumentStore {
  constructor(
    private readonly db: Db,
    private readonly keys: Keyring,
  ) {}

  async put(content: Buffer, metadata: ContentMetadata): Promise<string> {
    const sha256 = sha256Hex(content);
    const data = new Uint8Array(encrypt(content, this.keys.current));
    await this.db.storedContent.createMany({
      data: [{ sha256, size: content.length, mimeType: metadata.mimeType, keyId: this.keys.current.id, data }],
      skipDuplicates: true,
    });
    return sha256;
  }

  async get(ref: string): Promise<Buffer> {
    const row = await this.db.storedContent.findUnique({ where: { sha256: ref } });
    if (!row) throw new Error(`document content ${ref} is not in the document store`);
    return this.open(row);
  }

  async delete(ref: string): Promise<void> {
    await this.db.storedContent.deleteMany({ where: { sha256: ref } });
  }

  /**
   * Re-encrypts content under an older key of the keyring, and content the migration moved in
   * unencrypted, with the current key. Returns how many were re-encrypted.
   */
  async rotate(): Promise<number> {
    const older = [...this.keys.ids.slice(1), UNENCRYPTED];
    const stale = await this.db.storedContent.findMany({ where: { keyId: { in: older } }, select: { sha256: true } });
    for (const { sha256 } of stale) {
      const row = await this.db.storedContent.findUniqueOrThrow({ where: { sha256 } });
      const data = new Uint8Array(encrypt(this.open(row), this.keys.current));
      await this.db.storedContent.updateMany({ where: { sha256, keyId: row.keyId }, data: { data, keyId: this.keys.current.id } });
    }
    return stale.length;
  }

  private open(row: { sha256: string; keyId: string; data: Uint8Array }): Buffer {
    const sealed = Buffer.from(row.data);
    if (row.keyId === UNENCRYPTED) return sealed;
    const key = this.keys.byId(row.keyId);
    if (!key) throw new Error(`document content ${row.sha256} is encrypted with key ${row.keyId}, which is not configured (DOCUMENT_ENCRYPTION_KEY has ${this.keys.current.id} first)`);
    let plain: Buffer;
    try {
      plain = decrypt(sealed, key);
    } catch {
      throw new Error(`document content ${row.sha256} does not decrypt with key ${row.keyId}: the stored bytes were altered`);
    }
    if (sha256Hex(plain) !== row.sha256) throw new Error(`document content ${row.sha256} decrypts to other bytes (sha256 ${sha256Hex(plain)})`);
    return plain;
  }
}
