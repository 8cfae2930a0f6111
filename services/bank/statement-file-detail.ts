import type { Db } from '../../infra/db/prisma';
import { FileLinesQuery, fileLinesPage } from '../../persistence/bank/bank-lines';
import { nextCursor } from '../../persistence/id-page';
import { bankFileSummary, statementFileHeader } from '../../persistence/bank/statement-files';
import { bankFileReconciliation } from './file-reconciliation';

/**
 * A statement file: its summary, where it came from, its statements, the reconciliation of the
 * bank account against them, and a page of its lines; null when there is no such file.
 */
export async function statementFileDetail(db: Db, fileId: string, q: FileLinesQuery) {
  const file = await statementFileHeader(db, fileId);
  if (!file) return null;
  const lines = await fileLinesPage(db, file.id, q);
  return {
    ...(await bankFileSummary(db, file.id)),
    source: file.source,
    receivedAt: file.receivedAt,
    statementDetails: file.statements ?? [],
    reconciliation: await bankFileReconciliation(db, file.id),
    lines,
    nextLines: nextCursor(lines, q),
  };
}
