import type { Db, Tx } from '../../infra/db/prisma';
import type { Posting } from '../../domain/ledger/accounts';
import { bulkInsert, ColumnType } from '../bulk-insert';

/** A BankAllocation row as bulk-inserted. */
export interface AllocationRow {
  id: string;
  bankLineId: string;
  kind: 'CLAIM' | 'REFUND' | 'NOT_OURS' | 'REVERSAL';
  claimId: string | null;
  paymentId: string | null;
  amountCents: number;
  iban?: string | null;
  automatic: boolean;
  confidence?: number | null;
  actor: string;
}

const ALLOCATION_COLUMNS: Record<string, ColumnType> = {
  id: 'text', bankLineId: 'text', kind: 'text', claimId: 'text', paymentId: 'text', amountCents: 'int4', iban: 'text',
  automatic: 'bool', confidence: 'numeric', actor: 'text',
};

/** Inserts allocations in one statement. */
export async function insertAllocations(tx: Tx, rows: AllocationRow[]): Promise<void> {
  await bulkInsert(tx, 'BankAllocation', ALLOCATION_COLUMNS, rows as unknown as Array<Record<string, unknown>>);
}

/** Live (not reversed) claim allocations by payment id, with the postings their payment booked. */
export async function originalPaymentEntries(tx: Tx, paymentIds: string[]): Promise<Map<string, { allocation: { id: string; claimId: string | null; paymentId: string | null; amountCents: number }; postings: Posting[] }>> {
  if (paymentIds.length === 0) return new Map();
  const allocations = await tx.bankAllocation.findMany({ where: { paymentId: { in: paymentIds }, kind: 'CLAIM', reversedAt: null } });
  // One query for all, not entryPostings per payment: a statement may return many.
  const txs = await tx.ledgerTransaction.findMany({ where: { idempotencyKey: { in: allocations.map((a) => `payment:${a.paymentId}`) } }, include: { postings: true } });
  const byKey = new Map(txs.map((t) => [t.idempotencyKey, t.postings.map((p) => ({ account: p.account as Posting['account'], amountCents: p.amountCents }))]));
  return new Map(allocations.map((a) => [a.paymentId!, { allocation: a, postings: byKey.get(`payment:${a.paymentId}`) ?? [] }]));
}

/** The postings of the entry booked under `key` (to undo it). */
export async function entryPostings(tx: Tx, key: string): Promise<Posting[]> {
  const t = await tx.ledgerTransaction.findUniqueOrThrow({ where: { idempotencyKey: key }, include: { postings: true } });
  return t.postings.map((p) => ({ account: p.account as Posting['account'], amountCents: p.amountCents }));
}

/** Marks allocations reversed, each by what reversed it (a return's line, or staff). */
export async function markAllocationsReversed(tx: Tx, reversed: Array<{ id: string; by: string }>): Promise<void> {
  if (reversed.length === 0) return;
  await tx.$executeRaw`UPDATE "BankAllocation" a SET "reversedAt" = now(), "reversedBy" = u.by
      FROM unnest(${reversed.map((r) => r.id)}::text[], ${reversed.map((r) => r.by)}::text[]) AS u(id, by) WHERE a.id = u.id`;
}

/** Takes a live allocation back; false when it was reversed already (by an earlier request). */
export async function takeBackAllocation(tx: Tx, id: string, actor: string): Promise<boolean> {
  const taken = await tx.bankAllocation.updateMany({ where: { id, reversedAt: null }, data: { reversedAt: new Date(), reversedBy: actor } });
  return taken.count > 0;
}

export function findAllocation(tx: Tx, id: string) {
  return tx.bankAllocation.findUnique({ where: { id } });
}

/** The lines of one statement file, or some lines by id. */
export type BankLinesOf = { fileId: string } | { lineIds: string[] };

/** The claim allocations of a file's lines or of some lines, oldest first (what the claims must hear about). */
export function claimAllocationsOf(db: Db, where: BankLinesOf) {
  return db.bankAllocation.findMany({
    where: { claimId: { not: null }, bankLine: 'fileId' in where ? { fileId: where.fileId } : { id: { in: where.lineIds } } },
    orderBy: { createdAt: 'asc' },
  });
}
