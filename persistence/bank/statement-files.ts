import { randomUUID } from 'node:crypto';
import { sha256Hex } from '../../domain/sha256';
import type { Db } from '../../infra/db/prisma';
import { Prisma } from '../../prisma/generated/client';
import { audit } from '../audit';
import type { BankImportSummary } from '../../contracts/bank/bank-import-result';

type Tx = Prisma.TransactionClient;

/**
 * Stores a statement file as RECEIVED (the import workflow books it); the same content again
 * (by sha256) returns the earlier file. Race-free: the unique sha256 lets one insert win.
 */
export async function receiveBankFile(db: Db, f: { fileName: string; content: Buffer; source: string; actor: string }): Promise<{ fileId: string; sha256: string; duplicate: boolean }> {
  const sha256 = sha256Hex(f.content);
  const id = randomUUID();
  const inserted = await db.$transaction(async (tx) => {
    const n = await tx.$executeRaw`INSERT INTO "BankStatementFile" (id, source, "fileName", sha256, status, content)
      VALUES (${id}, ${f.source}, ${f.fileName}, ${sha256}, 'RECEIVED', ${new Uint8Array(f.content)}) ON CONFLICT (sha256) DO NOTHING`;
    if (n > 0) await audit(tx, f.actor, 'receive', 'bank-file', id, { fileName: f.fileName, source: f.source, bytes: f.content.length });
    return n > 0;
  });
  if (inserted) return { fileId: id, sha256, duplicate: false };
  const earlier = await db.bankStatementFile.findUniqueOrThrow({ where: { sha256 }, select: { id: true } });
  return { fileId: earlier.id, sha256, duplicate: true };
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
    ...(f.error ? { error: f.error as { location: string; reason: string } } : {}),
  };
}

/**
 * Does the ledger's bank account follow the statements? Movement (closing − opening) against the
 * bank postings this file's lines caused. Our own transfers (payouts, refunds) were booked when we
 * sent them, so their statement lines are recorded only and reported apart.
 */
export async function bankFileReconciliation(db: Db, fileId: string): Promise<{ movementCents: number | null; bookedCents: number; ownTransfersCents: number; differenceCents: number | null }> {
  const f = await db.bankStatementFile.findUniqueOrThrow({ where: { id: fileId }, select: { statements: true } });
  const statements = (f.statements ?? []) as Array<{ openingBalanceCents?: number; closingBalanceCents?: number }>;
  const complete = statements.length > 0 && statements.every((s) => s.openingBalanceCents !== undefined && s.closingBalanceCents !== undefined);
  const movementCents = complete ? statements.reduce((s, st) => s + st.closingBalanceCents! - st.openingBalanceCents!, 0) : null;
  const [booked] = await db.$queryRaw<Array<{ cents: bigint | null }>>`
    SELECT sum(p."amountCents") AS cents FROM "LedgerPosting" p JOIN "LedgerTransaction" t ON t.id = p."transactionId"
    WHERE p.account = 'bank' AND (
      (t."idempotencyKey" LIKE 'bank-line:%' AND split_part(t."idempotencyKey", ':', 2) IN (SELECT id FROM "BankLine" WHERE "fileId" = ${fileId}))
      OR t."idempotencyKey" IN (SELECT 'payment:' || a."paymentId" FROM "BankAllocation" a JOIN "BankLine" l ON l.id = a."bankLineId"
        WHERE l."fileId" = ${fileId} AND a.automatic AND a."paymentId" IS NOT NULL))`;
  const [own] = await db.$queryRaw<Array<{ cents: bigint | null }>>`
    SELECT sum("amountCents") AS cents FROM "BankLine" WHERE "fileId" = ${fileId} AND status = 'IGNORED' AND kind = 'DEBIT'`;
  const bookedCents = Number(booked.cents ?? 0);
  const ownTransfersCents = Number(own.cents ?? 0);
  return { movementCents, bookedCents, ownTransfersCents, differenceCents: movementCents === null ? null : movementCents - bookedCents - ownTransfersCents };
}
