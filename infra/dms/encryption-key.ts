import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * The document encryption keys (base64 32-byte keys, comma-separated, the newest first): the
 * configured ones or, for local runs without any, one generated once into `localKeyFile` (mode
 * 0600) so archived documents stay readable across restarts.
 */
export function documentEncryptionKeys(configured: string | undefined, localKeyFile: string): string {
  if (configured) return configured;
  fs.mkdirSync(path.dirname(localKeyFile), { recursive: true });
  try {
    // 'wx': two processes starting at once must not overwrite each other's key.
    fs.writeFileSync(localKeyFile, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return fs.readFileSync(localKeyFile, 'utf8').trim();
}
