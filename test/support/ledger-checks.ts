import type { Db } from '../../infra/db/prisma';

/** Balances of every account for a set of claims, from the ledger as stored. */
export async function accountBalances(db: Db, claimIds: string[]): Promise<Record<string, number>> {
  const rows = await db.ledgerPosting.groupBy({ by: ['account'], where: { claimId: { in: claimIds } }, _sum: { amountCents: true } });
  return Object.fromEntries(rows.map((r) => [r.account, r._sum.amountCents ?? 0]));
}

/** Every journal entry of these claims sums to zero (the database trigger's promise, checked from outside). */
export async function unbalancedEntries(db: Db, claimIds: string[]): Promise<number> {
  const rows = await db.ledgerPosting.groupBy({ by: ['transactionId'], where: { claimId: { in: claimIds } }, _sum: { amountCents: true } });
  return rows.filter((r) => (r._sum.amountCents ?? 0) !== 0).length;
}
