import type { Db, Tx } from '../../infra/db/prisma';
import type { BankFileStatus } from '../../prisma/generated/client';
import type { BankImportSummary } from '../../contracts/bank/bank-import-result';
import type { ParsedBankFile } from '../../domain/bank/bank-line';
import { IdPage, pageOf } from '../id-page';

/** Where and why a file could not be read. */
export type QuarantineReason = { location: string; reason: string };

/**
 * Inserts a received file unless one with the same sha256 exists (the unique sha256 lets one
 * insert win, race-free). True when this insert made the row.
 */
export async function insertReceivedFile(tx: Tx, f: { id: string; source: string; fileName: string; sha256: string; content: Buffer }): Promise<boolean> {
  const n = await tx.$executeRaw`INSERT INTO "BankStatementFile" (id, source, "fileName", sha256, status, content)
      VALUES (${f.id}, ${f.source}, ${f.fileName}, ${f.sha256}, 'RECEIVED', ${new Uint8Array(f.content)}) ON CONFLICT (sha256) DO NOTHING`;
  return n > 0;
}

export async function fileIdBySha256(db: Db, sha256: string): Promise<string> {
  const f = await db.bankStatementFile.findUniqueOrThrow({ where: { sha256 }, select: { id: true } });
  return f.id;
}

/**
 * The file under a row lock, with its content: a concurrent retry of the same import waits, then
 * sees it done. Content as base64: the driver hands a bytea back as an array of numbers, slow for
 * megabytes.
 */
export async function lockFileForImport(tx: Tx, fileId: string): Promise<{ status: string; fileName: string; content: Buffer } | undefined> {
  const [file] = await tx.$queryRaw<Array<{ status: string; fileName: string; content: string }>>`
    SELECT status::text, "fileName", encode(content, 'base64') AS content FROM "BankStatementFile" WHERE id = ${fileId} FOR UPDATE`;
  return file && { status: file.status, fileName: file.fileName, content: Buffer.from(file.content, 'base64') };
}

export async function quarantineFile(tx: Tx, fileId: string, error: QuarantineReason): Promise<void> {
  await tx.bankStatementFile.update({ where: { id: fileId }, data: { status: 'QUARANTINED', error: { ...error } } });
}

/**
 * Records the import: format, counts, and each statement's header (its lines only counted) with the
 * collection account it is for (null before any was configured).
 */
export async function markFileImported(tx: Tx, fileId: string, parsed: ParsedBankFile, collectionAccountIds: Array<string | null>, counts: { lines: number; duplicates: number }): Promise<void> {
  await tx.bankStatementFile.update({
    where: { id: fileId },
    data: {
      status: 'IMPORTED',
      format: parsed.format,
      statementCount: parsed.statements.length,
      lineCount: counts.lines,
      duplicateLineCount: counts.duplicates,
      statements: parsed.statements.map(({ lines: ls, ...s }, i) => ({ ...s, lines: ls.length, collectionAccountId: collectionAccountIds[i] ?? null })),
    },
  });
}

/** The summary of a file as imported: counts by the decision each new line was booked by. */
export async function bankFileSummary(tx: Tx, fileId: string): Promise<BankImportSummary> {
  const f = await tx.bankStatementFile.findUniqueOrThrow({ where: { id: fileId } });
  const rows = await tx.$queryRaw<Array<{ action: string; n: bigint }>>`
    SELECT decision->>'action' AS action, count(*) AS n FROM "BankLine" WHERE "fileId" = ${fileId} GROUP BY 1`;
  const count = (action: string) => Number(rows.find((r) => r.action === action)?.n ?? 0);
  return {
    fileId: f.id,
    fileName: f.fileName,
    sha256: f.sha256,
    status: f.status,
    format: f.format,
    statements: f.statementCount,
    lines: f.lineCount,
    duplicates: f.duplicateLineCount,
    matched: count('BOOK'),
    queued: count('QUEUE'),
    reversed: count('REVERSE'),
    ignored: count('IGNORE'),
    ...(f.error ? { error: f.error as QuarantineReason } : {}),
  };
}

/** A page of statement files, optionally of one status. */
export type StatementFilesQuery = IdPage & { status?: BankFileStatus };

/** A page of statement files (without their statement headers). */
export function statementFilesPage(db: Db, q: StatementFilesQuery) {
  const page = pageOf(q);
  return db.bankStatementFile.findMany({ ...page, where: { status: q.status, ...page.where }, omit: { statements: true } });
}

/** Where a file came from and its statement headers; null when there is no such file. */
export function statementFileHeader(db: Db, fileId: string) {
  return db.bankStatementFile.findUnique({ where: { id: fileId }, select: { id: true, source: true, receivedAt: true, statements: true } });
}
