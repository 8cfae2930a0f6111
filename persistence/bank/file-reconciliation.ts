import type { Db } from '../../infra/db/prisma';
import { Account } from '../../domain/ledger/accounts';

/** A statement's balances as the file stated them (either may be missing). */
export interface StatementBalances {
  openingBalanceCents?: number;
  closingBalanceCents?: number;
}

export async function fileStatementBalances(db: Db, fileId: string): Promise<StatementBalances[]> {
  const f = await db.bankStatementFile.findUniqueOrThrow({ where: { id: fileId }, select: { statements: true } });
  return (f.statements ?? []) as StatementBalances[];
}

/**
 * The bank postings this file's lines caused: entries keyed `bank-line:<lineId>:…` and the
 * payments booked automatically from its lines.
 */
export async function bankPostingsOfFileCents(db: Db, fileId: string): Promise<number> {
  const [booked] = await db.$queryRaw<Array<{ cents: bigint | null }>>`
    SELECT sum(p."amountCents") AS cents FROM "LedgerPosting" p JOIN "LedgerTransaction" t ON t.id = p."transactionId"
    WHERE p.account = ${Account.BANK} AND (
      (t."idempotencyKey" LIKE 'bank-line:%' AND split_part(t."idempotencyKey", ':', 2) IN (SELECT id FROM "BankLine" WHERE "fileId" = ${fileId}))
      OR t."idempotencyKey" IN (SELECT 'payment:' || a."paymentId" FROM "BankAllocation" a JOIN "BankLine" l ON l.id = a."bankLineId"
        WHERE l."fileId" = ${fileId} AND a.automatic AND a."paymentId" IS NOT NULL))`;
  return Number(booked.cents ?? 0);
}

/** Our own transfers (payouts, refunds) on the file's statements: recorded only, booked when sent. */
export async function ownTransfersOfFileCents(db: Db, fileId: string): Promise<number> {
  const [own] = await db.$queryRaw<Array<{ cents: bigint | null }>>`
    SELECT sum("amountCents") AS cents FROM "BankLine" WHERE "fileId" = ${fileId} AND status = 'IGNORED' AND kind = 'DEBIT'`;
  return Number(own.cents ?? 0);
}
