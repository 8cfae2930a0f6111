import fs from 'node:fs';
import path from 'node:path';
import { archivesToPrune, type ArchiveAt } from '../../domain/operations/backup-retention';
import { deleteArchives, listArchives, uploadArchive, type SftpArchiveFolder } from '../../infra/backup/sftp-archives';
import type { BackupPolicy } from '../../domain/operations/backup-policy';
import { loadBackupKey, type BackupKeySource } from '../../infra/backup/backup-key';
import { writeBackupArchive, type BackupSource, type BackupSummary } from '../../infra/backup/backup-archive';

export type BackupSettings = BackupSource & BackupKeySource;

const ARCHIVE_NAME = /^claimflow-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.cfbackup$/;

/** An archive's file name: when it was written (UTC), sortable. */
export function archiveName(at: Date): string {
  return `claimflow-${at.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z.cfbackup`;
}

/**
 * Writes one encrypted archive to `file` (under a temporary name, renamed when complete: a half
 * written archive never carries an archive's name). The key is read before anything is written.
 */
export async function backupToFile(s: BackupSettings, file: string, progress: (line: string) => void): Promise<BackupSummary> {
  const key = loadBackupKey(s, path.dirname(file));
  const partial = `${file}.partial`;
  try {
    const summary = await writeBackupArchive(s, key, fs.createWriteStream(partial, { flags: 'wx' }), progress);
    fs.renameSync(partial, file);
    return summary;
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  }
}

/**
 * The nightly backup into a folder: a new archive named by its time, then the archives the
 * retention policy no longer keeps are deleted (only files named like archives are looked at).
 */
export async function backupToFolder(s: BackupSettings, dir: string, retention: BackupPolicy['retention'], progress: (line: string) => void, now = new Date()): Promise<{ archive: string; summary: BackupSummary; pruned: string[] }> {
  fs.mkdirSync(dir, { recursive: true });
  const archive = path.join(dir, archiveName(now));
  const summary = await backupToFile(s, archive, progress);
  const pruned = archivesToPrune(archivesNamed(fs.readdirSync(dir)), retention);
  for (const name of pruned) fs.rmSync(path.join(dir, name));
  if (pruned.length) progress(`retention: deleted ${pruned.length} older archive(s)`);
  return { archive, summary, pruned };
}

/** Of a folder's file names, the archives with the time their name carries. */
function archivesNamed(names: string[]): ArchiveAt[] {
  return names.flatMap((name) => {
    const m = ARCHIVE_NAME.exec(name);
    return m ? [{ name, at: new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])) }] : [];
  });
}

/**
 * The nightly backup onto an SFTP server: written to the local staging folder, streamed up, removed
 * locally; then the retention prunes the archives in the server's folder.
 */
export async function backupToSftp(s: BackupSettings, staging: string, remote: SftpArchiveFolder, retention: BackupPolicy['retention'], progress: (line: string) => void, now = new Date()): Promise<{ archive: string; summary: BackupSummary; pruned: string[] }> {
  fs.mkdirSync(staging, { recursive: true });
  const local = path.join(staging, archiveName(now));
  const summary = await backupToFile(s, local, progress);
  let archive: string;
  try {
    archive = await uploadArchive(remote, local);
  } finally {
    fs.rmSync(local, { force: true });
  }
  progress(`uploaded to sftp://${remote.target.host}:${remote.target.port}${archive}`);
  const pruned = archivesToPrune(archivesNamed(await listArchives(remote)), retention);
  await deleteArchives(remote, pruned);
  if (pruned.length) progress(`retention: deleted ${pruned.length} older archive(s) on the server`);
  return { archive, summary, pruned };
}
