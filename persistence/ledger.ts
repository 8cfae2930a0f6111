import type { Prisma } from '../prisma/generated/client';
import type { ClaimPosting } from '../domain/ledger/entries';
import { ClaimBalance, claimBalanceFrom } from '../domain/ledger/claim-balance';
import { DEFAULT_CURRENCY } from '../domain/accounting/currency';
import { holdBookingLock, openBookingDay } from './accounting/period-locks';
import { bulkInsert } from './bulk-insert';
import { newRowId } from './row-id';
import { spreadOverShares } from './money/share-postings';

type Tx = Prisma.TransactionClient;

export interface JournalEntry {
  /** Same key, same booking: a retried or replayed booking is a no-op. */
  idempotencyKey: string;
  kind: string;
  description: string;
  claimId?: string;
  clientId?: string;
  /** ISO 4217 code of the postings' cents; EUR when not given. */
  currency?: string;
  /** A posting's own claim, when it names one, goes before the entry's. */
  postings: ClaimPosting[];
}

/**
 * Books an entry unless its key was booked before or it moves no money; returns whether it booked
 * now. It is dated today, or on the first open day when today lies in a period already exported.
 */
export async function book(tx: Tx, e: JournalEntry): Promise<boolean> {
  if (e.postings.length === 0) return false;
  const id = newRowId();
  const bookingDate = new Date(`${await openBookingDay(tx)}T00:00:00Z`);
  const created = await tx.ledgerTransaction.createMany({
    data: [{ id, idempotencyKey: e.idempotencyKey, kind: e.kind, description: e.description, bookingDate }],
    skipDuplicates: true,
  });
  if (created.count === 0) return false;
  const [spread] = await spreadOverShares(tx, [e]);
  await tx.ledgerPosting.createMany({ data: postingRows(id, spread) });
  return true;
}

function postingRows(transactionId: string, e: JournalEntry) {
  const currency = e.currency ?? DEFAULT_CURRENCY;
  return e.postings.map((p) => ({ id: newRowId(), transactionId, account: p.account, amountCents: p.amountCents, currency, claimId: p.claimId ?? e.claimId ?? null, clientId: p.clientId ?? e.clientId ?? null }));
}

/**
 * Books many entries in two statements (a bank statement's thousands of lines), all on one booking
 * day (as `book`). Their keys must be new: a repeated key fails the whole transaction instead of being skipped.
 */
export async function bookNew(tx: Tx, es: JournalEntry[]): Promise<void> {
  const rows = (await spreadOverShares(tx, es.filter((e) => e.postings.length > 0))).map((e) => ({ id: newRowId(), e }));
  if (rows.length === 0) return;
  const bookingDate = await openBookingDay(tx);
  await bulkInsert(tx, 'LedgerTransaction', { id: 'text', idempotencyKey: 'text', kind: 'text', description: 'text', bookingDate: 'date' }, rows.map(({ id, e }) => ({ id, idempotencyKey: e.idempotencyKey, kind: e.kind, description: e.description, bookingDate })));
  await bulkInsert(tx, 'LedgerPosting', { id: 'text', transactionId: 'text', account: 'text', amountCents: 'int4', currency: 'text', claimId: 'text', clientId: 'text' }, rows.flatMap(({ id, e }) => postingRows(id, e)));
}

/** The keys among `keys` no entry was booked under yet (for `bookNew`, whose keys must be new). */
export async function unbookedKeys(tx: Tx, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const booked = await tx.$queryRaw<Array<{ key: string }>>`SELECT "idempotencyKey" AS key FROM "LedgerTransaction" WHERE "idempotencyKey" = ANY(${keys}::text[])`;
  const done = new Set(booked.map((b) => b.key));
  return new Set(keys.filter((k) => !done.has(k)));
}

export async function claimBalance(tx: Tx, claimId: string): Promise<ClaimBalance> {
  const sums = await tx.ledgerPosting.groupBy({ by: ['account'], where: { claimId }, _sum: { amountCents: true } });
  return claimBalanceFrom(sums.map((s) => ({ account: s.account, amountCents: s._sum.amountCents ?? 0 })));
}

/** Serialises bookings on one claim: balance-dependent entries must see each other's results. */
export async function lockClaim(tx: Tx, claimId: string): Promise<void> {
  await holdBookingLock(tx);
  const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Claim" WHERE id = ${claimId} FOR UPDATE`;
  if (rows.length === 0) throw new Error(`claim ${claimId} does not exist`);
}
