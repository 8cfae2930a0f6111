import fs from 'node:fs';
import path from 'node:path';
import type { BackupKey } from './archive-cipher';

/** Where the backup key comes from: a file (--key-file, BACKUP_KEY_FILE) or a secret in the environment (BACKUP_KEY). */
export interface BackupKeySource {
  keyFile?: string;
}

/**
 * Reads the backup key (32 bytes, base64: `openssl rand -base64 32`). The key never travels with
 * the archives: a key file in the folder the archives are written to is refused.
 */
export function loadBackupKey(source: BackupKeySource, archiveDir?: string): BackupKey {
  const file = source.keyFile ?? process.env.BACKUP_KEY_FILE;
  let text: string;
  let from: string;
  if (file) {
    if (archiveDir && path.resolve(path.dirname(file)) === path.resolve(archiveDir)) throw new Error(`the backup key file ${file} lies in the archive folder ${archiveDir}: keep the key apart from the archives`);
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      throw new Error(`the backup key file cannot be read: ${(e as Error).message}`);
    }
    from = `key file ${file}`;
  } else if (process.env.BACKUP_KEY) {
    text = process.env.BACKUP_KEY;
    from = 'BACKUP_KEY';
  } else throw new Error('no backup key: give --key-file FILE, or set BACKUP_KEY_FILE or BACKUP_KEY (32 bytes, base64: openssl rand -base64 32)');
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new Error(`the backup key (${from}) must be 32 bytes in base64 (openssl rand -base64 32); it decodes to ${key.length}`);
  return key;
}
