import type { Db } from '../../infra/db/prisma';
import { bankSftpTarget } from '../../infra/bank-sftp';
import { archiveFile, fetchFile, listInbox } from '../../infra/sftp-folders';
import type { SftpTarget } from '../../infra/sftp';
import { audit } from '../../persistence/audit';
import { loadSystemPolicy } from '../../persistence/policy';
import { receiveBankFile } from './receive-bank-file';

const SFTP_ACTOR = 'sftp-import';

/**
 * The steps of the scheduled SFTP import over the bank's server (`fallback` when BANK_SFTP_URL is
 * not set), in the inbox and archive folders the system policy names.
 */
export function sftpInbox(db: Db, fallback: SftpTarget) {
  const sftp = () => bankSftpTarget(fallback);
  const folders = async () => (await loadSystemPolicy(db)).bankImport;

  return {
    async list(): Promise<string[]> {
      return listInbox(sftp(), (await folders()).inboxFolder);
    },

    /** Reads one inbox file into the database (the same content again is the same file, by sha256). */
    async fetch(name: string): Promise<{ fileId: string; sha256: string }> {
      const { inboxFolder } = await folders();
      const content = await fetchFile(sftp(), inboxFolder, name);
      const { fileId, sha256 } = await receiveBankFile(db, { fileName: name, content, source: `sftp:${inboxFolder}/${name}`, actor: SFTP_ACTOR });
      return { fileId, sha256 };
    },

    /** Moves the file to the archive folder and records where it went with the import's result. */
    async archive(name: string, fileId: string, status: string): Promise<string> {
      const { inboxFolder, archiveFolder } = await folders();
      const archived = await archiveFile(sftp(), inboxFolder, archiveFolder, name, fileId);
      await audit(db, SFTP_ACTOR, 'archive', 'bank-file', fileId, { from: `${inboxFolder}/${name}`, to: archived, status });
      return archived;
    },
  };
}
