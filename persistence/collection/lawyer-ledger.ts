import type { Tx } from '../../infra/db/prisma';
import { Account } from '../../domain/ledger/accounts';

/**
 * What is open on the lawyer clearing account per claim the lawyer reported on: money the lawyer
 * collected and has not transferred yet. Claims with nothing open are left out.
 */
export async function openClearingOfLawyer(tx: Tx, lawyerId: string): Promise<Map<string, { clientId: string; cents: number }>> {
  const rows = await tx.$queryRaw<Array<{ claimId: string; clientId: string; cents: bigint }>>`
    SELECT p."claimId", max(p."clientId") AS "clientId", sum(p."amountCents") AS cents FROM "LedgerPosting" p
    WHERE p.account = ${Account.LAWYER_CLEARING} AND p."claimId" IN (SELECT "claimId" FROM "LawyerReport" WHERE "lawyerId" = ${lawyerId})
    GROUP BY p."claimId" HAVING sum(p."amountCents") > 0 ORDER BY p."claimId"`;
  return new Map(rows.map((r) => [r.claimId, { clientId: r.clientId, cents: Number(r.cents) }]));
}

/** The lawyer's costs booked on a claim and still owed to the lawyer. */
export async function lawyerCostsOwed(tx: Tx, claimId: string): Promise<number> {
  const sum = await tx.ledgerPosting.aggregate({ where: { claimId, account: Account.LAWYER_PAYABLE }, _sum: { amountCents: true } });
  return -(sum._sum.amountCents ?? 0);
}
