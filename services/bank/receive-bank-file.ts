import { randomUUID } from 'node:crypto';
import { sha256Hex } from '../../domain/sha256';
import type { Db } from '../../infra/db/prisma';
import { audit } from '../../persistence/audit';
import { fileIdBySha256, insertReceivedFile } from '../../persistence/bank/statement-files';

/** A statement file as it arrived: by upload or from the SFTP inbox. */
export interface IncomingBankFile {
  fileName: string;
  content: Buffer;
  /** Where it came from (`upload:<actor>`, `sftp:<folder>/<name>`). */
  source: string;
  actor: string;
}

/**
 * Stores a statement file as RECEIVED (the import workflow books it); the same content again
 * (by sha256) returns the earlier file. Race-free: the unique sha256 lets one insert win.
 */
export async function receiveBankFile(db: Db, f: IncomingBankFile): Promise<{ fileId: string; sha256: string; duplicate: boolean }> {
  const sha256 = sha256Hex(f.content);
  const id = randomUUID();
  const inserted = await db.$transaction(async (tx) => {
    const isNew = await insertReceivedFile(tx, { id, source: f.source, fileName: f.fileName, sha256, content: f.content });
    if (isNew) await audit(tx, f.actor, 'receive', 'bank-file', id, { fileName: f.fileName, source: f.source, bytes: f.content.length });
    return isNew;
  });
  if (inserted) return { fileId: id, sha256, duplicate: false };
  return { fileId: await fileIdBySha256(db, sha256), sha256, duplicate: true };
}
