import { heartbeat } from '@temporalio/activity';
import type { Services } from '../../services';
import type { BankImportSummary } from '../../contracts/bank/bank-import-result';

/** Bank statements: import and book a file, tell the claims, and the scheduled SFTP import's steps. */
export function createBankActivities(services: Services) {
  const { bank } = services;

  return {
    /** Idempotent: a retry after the commit finds the file imported and returns the same summary. */
    importBankFile(fileId: string): Promise<BankImportSummary> {
      return bank.importFile(fileId);
    },

    /** Signals every payment, return and undo of the file's lines; resending is harmless (paymentId dedup). */
    signalBankFile(fileId: string): Promise<number> {
      return bank.signalFile(fileId, (done) => heartbeat(done));
    },

    listBankInbox(): Promise<string[]> {
      return bank.listInbox();
    },

    /** Reads one inbox file into the database (the same content again is the same file, by sha256). */
    fetchBankFile(name: string): Promise<{ fileId: string; sha256: string }> {
      return bank.fetchInboxFile(name);
    },

    /** Moves the file to the archive folder and records where it went with the import's result. */
    archiveBankFile(name: string, fileId: string, status: string): Promise<string> {
      return bank.archiveInboxFile(name, fileId, status);
    },
  };
}

export type BankActivities = ReturnType<typeof createBankActivities>;
