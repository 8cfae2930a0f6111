import type { Prisma } from '../prisma/generated/client';
import type { ClaimPosting } from '../domain/ledger/entries';
import { ClaimBalance, claimBalanceFrom } from '../domain/ledger/claim-balance';
import { bulkInsert } from './bulk-insert';
import { newRowId } from './row-id';

type Tx = Prisma.TransactionClient;

export interface JournalEntry {
  /** Same key, same booking: a retried or replayed booking is a no-op. */
  idempotencyKey: string;
  kind: string;
  description: string;
  claimId?: string;
  clientId?: string;
  /** A posting's own claim, when it names one, goes before the entry's. */
  postings: ClaimPosting[];
}

/** Books an entry unless its key was booked before or it moves no money; returns whether it booked now. */
export async function book(tx: Tx, e: JournalEntry): Promise<boolean> {
  if (e.postings.length === 0) return false;
  const id = newRowId();
  const created = await tx.ledgerTransaction.createMany({
    data: [{ id, idempotencyKey: e.idempotencyKey, kind: e.kind, description: e.description }],
    skipDuplicates: true,
  });
  if (created.count === 0) return false;
  await tx.ledgerPosting.createMany({ data: postingRows(id, e) });
  return true;
}

function postingRows(transactionId: string, e: JournalEntry) {
  return e.postings.map((p) => ({ id: newRowId(), transactionId, account: p.account, amountCents: p.amountCents, claimId: p.claimId ?? e.claimId ?? null, clientId: e.clientId ?? null }));
}

/**
 * Books many entries in two statements (a bank statement's thousands of lines). Their keys must be
 * new: a repeated key fails the whole transaction instead of being skipped.
 */
export async function bookNew(tx: Tx, es: JournalEntry[]): Promise<void> {
  const rows = es.filter((e) => e.postings.length > 0).map((e) => ({ id: newRowId(), e }));
  await bulkInsert(tx, 'LedgerTransaction', { id: 'text', idempotencyKey: 'text', kind: 'text', description: 'text' }, rows.map(({ id, e }) => ({ id, idempotencyKey: e.idempotencyKey, kind: e.kind, description: e.description })));
  await bulkInsert(tx, 'LedgerPosting', { id: 'text', transactionId: 'text', account: 'text', amountCents: 'int4', claimId: 'text', clientId: 'text' }, rows.flatMap(({ id, e }) => postingRows(id, e)));
}

export async function claimBalance(tx: Tx, claimId: string): Promise<ClaimBalance> {
  const sums = await tx.ledgerPosting.groupBy({ by: ['account'], where: { claimId }, _sum: { amountCents: true } });
  return claimBalanceFrom(sums.map((s) => ({ account: s.account, amountCents: s._sum.amountCents ?? 0 })));
}

/** Serialises bookings on one claim: balance-dependent entries must see each other's results. */
export async function lockClaim(tx: Tx, claimId: string): Promise<void> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Claim" WHERE id = ${claimId} FOR UPDATE`;
  if (rows.length === 0) throw new Error(`claim ${claimId} does not exist`);
}
