import { Prisma } from '../../prisma/generated/client';
import type { Tx } from '../../infra/db/prisma';
import { Account } from '../../domain/ledger/accounts';
import { BaseRateTable, basisPoints } from '../../domain/interest/base-rate';
import { isoDayOf } from '../../domain/interest/calendar-day';
import type { ClaimInterest } from '../../domain/interest/interest-due';
import type { InterestPolicy } from '../../domain/interest/interest-policy';
import { bookedInterest, interestFacts, type ReceivableMove } from '../../domain/interest/receivable-moves';

/** The base-rate table as staff keep it (published rates plus their additions). */
export async function loadBaseRates(tx: Tx): Promise<BaseRateTable> {
  const rows = await tx.baseRate.findMany({ orderBy: { validFrom: 'asc' } });
  return new BaseRateTable(rows.map((r) => ({ validFrom: isoDayOf(r.validFrom), percent: r.percent })));
}

/** The postings on the receivables of claims, each dated when it took effect (a payment: its arrival). */
export async function receivableMoves(tx: Tx, claimIds: string[]): Promise<Map<string, ReceivableMove[]>> {
  const rows = await tx.$queryRaw<Array<Omit<ReceivableMove, 'day'> & { claimId: string; at: Date }>>`
    SELECT lp."claimId", t.id AS "transactionId", t.kind, t.description, lp.account, lp."amountCents", COALESCE(p."receivedAt", t."occurredAt") AS at
    FROM "LedgerPosting" lp
    JOIN "LedgerTransaction" t ON t.id = lp."transactionId"
    LEFT JOIN "Payment" p ON t.kind = 'payment' AND p.id = substring(t."idempotencyKey" from 9)
    WHERE lp."claimId" IN (${Prisma.join(claimIds)})
      AND lp.account IN (${Account.RECEIVABLE_PRINCIPAL}, ${Account.RECEIVABLE_COSTS}, ${Account.RECEIVABLE_INTEREST})
    ORDER BY at, t."occurredAt", t.id`;
  const byClaim = new Map<string, ReceivableMove[]>(claimIds.map((id) => [id, []]));
  for (const { claimId, at, ...m } of rows) byClaim.get(claimId)!.push({ ...m, day: isoDayOf(at) });
  return byClaim;
}

/**
 * What the default interest of claims in default depends on: their facts, the interest booked so
 * far, and whose it is. Claims not in default are left out: most bank-statement payments cost
 * nothing here.
 */
export async function claimInterests(tx: Tx, claimIds: string[], policyOf: (clientId: string) => InterestPolicy): Promise<Map<string, ClaimInterest>> {
  const inDefault = await tx.claim.findMany({
    where: { id: { in: claimIds }, defaultSince: { not: null } },
    select: { id: true, clientId: true, defaultSince: true, purchased: true, responsible: { select: { business: true } } },
  });
  const result = new Map<string, ClaimInterest>();
  if (inDefault.length === 0) return result;
  const moves = await receivableMoves(tx, inDefault.map((c) => c.id));
  for (const c of inDefault) {
    const policy = policyOf(c.clientId);
    const mine = moves.get(c.id)!;
    result.set(c.id, {
      facts: interestFacts(mine, isoDayOf(c.defaultSince!), marginBp(policy, c.responsible.business)),
      bookedCents: bookedInterest(mine),
      owner: c.purchased ? 'centre' : 'client',
      charge: policy.charge,
      dayCount: policy.dayCount,
    });
  }
  return result;
}

/** The margin over the base rate: § 288 (2) BGB for businesses, (1) for consumers. */
export function marginBp(policy: InterestPolicy, business: boolean): number {
  return basisPoints(business ? policy.businessMarginPercent : policy.consumerMarginPercent);
}
