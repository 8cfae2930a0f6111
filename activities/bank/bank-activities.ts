import { heartbeat } from '@temporalio/activity';
import { audit } from '../../persistence/audit';
import { importBankFile } from '../../services/bank/import-bank-file';
import { receiveBankFile } from '../../persistence/bank/statement-files';
import { loadSystemPolicy } from '../../persistence/bank/system-policy';
import { claimSignalsOf, sendClaimSignals } from '../../services/bank/claim-signals';
import { archiveFile, bankSftpTarget, fetchFile, listInbox } from '../../infra/bank-sftp';
import type { Services } from '../../services';
import type { ServiceDeps } from '../../services/service-deps';
import type { BankImportSummary } from '../../contracts/bank/bank-import-result';

const SFTP_ACTOR = 'sftp-import';

/** Bank statements: import and book a file, tell the claims, and the scheduled SFTP import's steps. */
export function createBankActivities(services: Services) {
  const { deps } = services;
  const { db } = deps;
  const sftp = () => bankSftpTarget(deps.collectionSftp);
  const folders = async () => (await loadSystemPolicy(db)).bankImport;

  return {
    /** Idempotent: a retry after the commit finds the file imported and returns the same summary. */
    importBankFile(fileId: string): Promise<BankImportSummary> {
      return importBankFile(db, fileId);
    },

    /** Signals every payment, return and undo of the file's lines; resending is harmless (paymentId dedup). */
    async signalBankFile(fileId: string): Promise<number> {
      return sendClaimSignals(deps.temporal, await claimSignalsOf(db, { fileId }), (done) => heartbeat(done));
    },

    async listBankInbox(): Promise<string[]> {
      return listInbox(sftp(), (await folders()).inboxFolder);
    },

    /** Reads one inbox file into the database (the same content again is the same file, by sha256). */
    async fetchBankFile(name: string): Promise<{ fileId: string; sha256: string }> {
      const { inboxFolder } = await folders();
      const content = await fetchFile(sftp(), inboxFolder, name);
      const { fileId, sha256 } = await receiveBankFile(db, { fileName: name, content, source: `sftp:${inboxFolder}/${name}`, actor: SFTP_ACTOR });
      return { fileId, sha256 };
    },

    /** Moves the file to the archive folder and records where it went with the import's result. */
    async archiveBankFile(name: string, fileId: string, status: string): Promise<string> {
      const { inboxFolder, archiveFolder } = await folders();
      const archived = await archiveFile(sftp(), inboxFolder, archiveFolder, name, fileId);
      await audit(db, SFTP_ACTOR, 'archive', 'bank-file', fileId, { from: `${inboxFolder}/${name}`, to: archived, status });
      return archived;
    },
  };
}

export type BankActivities = ReturnType<typeof createBankActivities>;
