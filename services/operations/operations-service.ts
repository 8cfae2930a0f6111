import path from 'node:path';
import { audit } from '../../persistence/audit';
import { loadSystemPolicy } from '../../persistence/policy';
import type { ServiceDeps } from '../service-deps';
import type { SftpArchiveFolder } from '../../infra/backup/sftp-archives';
import { backupToFolder, backupToSftp, type BackupSettings } from './backup-service';

/**
 * Where the nightly backup writes, and what it reads: the folder `dir`, or, with `sftp`, an SFTP
 * server's folder (`dir` is then the local staging folder).
 */
export type BackupTarget = BackupSettings & { dir: string; sftp?: SftpArchiveFolder };

/** What the nightly backup left: the archive, its size, and the archives retention deleted. */
export interface NightlyBackupResult {
  archive: string;
  rows: number;
  bytes: number;
  pruned: string[];
}

/** The operations a Schedule runs: the nightly backup with the system policy's retention. */
export function createOperationsService(deps: Pick<ServiceDeps, 'db' | 'backup'>) {
  return {
    async nightlyBackup(progress: (line: string) => void): Promise<NightlyBackupResult> {
      if (!deps.backup) throw new Error('no backup target is configured (BACKUP_DIR) for this worker');
      const { retention } = (await loadSystemPolicy(deps.db)).backup;
      const b = deps.backup;
      const r = b.sftp ? await backupToSftp(b, b.dir, b.sftp, retention, progress) : await backupToFolder(b, b.dir, retention, progress);
      const result = { archive: r.archive, rows: Object.values(r.summary.tables).reduce((a, b) => a + b, 0), bytes: r.summary.bytes, pruned: r.pruned };
      // The record of a backup that succeeded: what the last-backup gauge of /metrics reads.
      await audit(deps.db, 'nightly-backup', 'backup', 'backup-archive', path.basename(r.archive), { rows: result.rows, bytes: result.bytes, pruned: result.pruned.length });
      return result;
    },
  };
}
