import path from 'node:path';
import { loadBackupKey, type BackupKeySource } from '../../infra/backup/backup-key';
import { restoreBackupArchive, verifyBackupArchive, type RestoreTarget } from '../../infra/backup/backup-archive';

/** Restores an archive into an empty database (or, with force, over one); see restoreBackupArchive. */
export function restoreArchive(archive: string, target: RestoreTarget & BackupKeySource, progress: (line: string) => void) {
  return restoreBackupArchive(archive, loadBackupKey(target, path.dirname(archive)), target, progress);
}

/** Reads an archive whole with the key: the check that a backup can be restored, without a database. */
export function verifyArchive(archive: string, key: BackupKeySource) {
  return verifyBackupArchive(archive, loadBackupKey(key, path.dirname(archive)));
}
