import fs from 'node:fs';
import { SftpTarget, sftpTargetFromUrl } from './sftp';

/**
 * The bank's SFTP server for statement files: BANK_SFTP_URL (+ BANK_SFTP_KEY_FILE), else the
 * SFTP service configured for the process (SFTP_URL, or the local OpenSSH stand-in). Policy
 * folders are resolved under the target's base folder.
 */
export function bankSftpTarget(fallback: SftpTarget): SftpTarget {
  const url = process.env.BANK_SFTP_URL;
  if (!url) return fallback;
  const keyFile = process.env.BANK_SFTP_KEY_FILE;
  return sftpTargetFromUrl(url, keyFile ? fs.readFileSync(keyFile, 'utf8') : undefined);
}
