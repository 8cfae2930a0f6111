import type { ServiceDeps } from '../service-deps';
import type { Allocation } from '../../domain/matching/types';
import { executeBankStatementWorkflow } from '../../contracts/client/workflow-starts';
import type { BankImportSummary } from '../../contracts/bank/bank-import-result';
import type { FileLinesQuery } from '../../persistence/bank/bank-lines';
import { IdPage, nextCursor } from '../../persistence/id-page';
import { statementFilesPage, StatementFilesQuery } from '../../persistence/bank/statement-files';
import { signalClaimsOf } from './claim-signals';
import { importBankFile } from './import-bank-file';
import { receiveBankFile } from './receive-bank-file';
import { sftpInbox } from './sftp-inbox';
import { statementFileDetail } from './statement-file-detail';
import { ActionResult, assignLine, markNotOurs, refundLine, reverseAllocation, Who } from './unclear-actions';
import { unclearPage } from './unclear-queue';

/**
 * Bank statements: receive a file (upload or the SFTP inbox), import and book it, tell the claims,
 * reconcile; and the unclear-payments assistant's staff actions.
 */
export function createBankService(deps: ServiceDeps) {
  const { db, temporal, queues } = deps;
  const inbox = sftpInbox(db, deps.collectionSftp);

  /** After a staff action, tells the claims concerned (again on a replay: harmless, ids dedup). */
  async function signalled<R extends ActionResult>(action: Promise<R>): Promise<R & { signalled: number }> {
    const result = await action;
    return { ...result, signalled: await signalClaimsOf(db, temporal, { lineIds: [result.lineId] }) };
  }

  return {
    /**
     * Books nothing itself: stores the uploaded file, then the import workflow books it and tells
     * the claims; answers with its summary. `duplicate`: the same file was received before.
     */
    async uploadStatement(f: { fileName: string; content: Buffer; actor: string }): Promise<{ summary: BankImportSummary; duplicate: boolean }> {
      const received = await receiveBankFile(db, { ...f, source: `upload:${f.actor}` });
      return { summary: await executeBankStatementWorkflow(temporal, queues, received), duplicate: received.duplicate };
    },

    /** Idempotent: a retry after the commit finds the file imported and returns the same summary. */
    importFile(fileId: string): Promise<BankImportSummary> {
      return importBankFile(db, fileId);
    },

    /** Signals every payment, return and undo of the file's lines; resending is harmless (paymentId dedup). */
    signalFile(fileId: string, progress: (done: number) => void): Promise<number> {
      return signalClaimsOf(db, temporal, { fileId }, progress);
    },

    listInbox: inbox.list,
    fetchInboxFile: inbox.fetch,
    archiveInboxFile: inbox.archive,

    async statementFiles(q: StatementFilesQuery) {
      const files = await statementFilesPage(db, q);
      return { files, next: nextCursor(files, q) };
    },

    statementFile(fileId: string, q: FileLinesQuery) {
      return statementFileDetail(db, fileId, q);
    },

    unclearPayments(q: IdPage) {
      return unclearPage(db, q);
    },

    assignLine(lineId: string, allocations: Allocation[], who: Who) {
      return signalled(assignLine(db, lineId, allocations, who));
    },

    refundLine(lineId: string, iban: string | undefined, who: Who) {
      return signalled(refundLine(db, lineId, iban, who));
    },

    markNotOurs(lineId: string, note: string, who: Who) {
      return signalled(markNotOurs(db, lineId, note, who));
    },

    reverseAllocation(allocationId: string, actor: string) {
      return signalled(reverseAllocation(db, allocationId, actor));
    },
  };
}

export type BankService = ReturnType<typeof createBankService>;
