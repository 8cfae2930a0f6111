import type { Prisma } from '../../prisma/generated/client';
import type { Posting } from '../../domain/ledger/accounts';
import type { ColumnType } from '../bulk-insert';

type Tx = Prisma.TransactionClient;

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

export const ALLOCATION_COLUMNS: Record<string, ColumnType> = {
  id: 'text', bankLineId: 'text', kind: 'text', claimId: 'text', paymentId: 'text', amountCents: 'int4', iban: 'text',
  automatic: 'bool', confidence: 'numeric', actor: 'text',
};

/** Row locks on claims, in id order (no deadlock between two imports touching the same claims). */
export async function lockClaims(tx: Tx, claimIds: string[]): Promise<void> {
  if (claimIds.length === 0) return;
  await tx.$queryRaw`SELECT id FROM "Claim" WHERE id = ANY(${claimIds}::text[]) ORDER BY id FOR UPDATE`;
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
