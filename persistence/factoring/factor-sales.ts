import { Prisma } from '../../prisma/generated/client';
import type { Db, Tx } from '../../infra/db/prisma';
import type { RefinancingPolicy } from '../../domain/factoring/refinancing-policy';
import { OPEN_AMOUNT_ACCOUNTS } from '../../domain/ledger/claim-balance';
import { Account } from '../../domain/ledger/accounts';
import { newRowId } from '../row-id';

/** A purchased claim the policy lets the centre sell, with what the sale file needs. */
export interface SaleCandidate {
  claimId: string;
  clientId: string;
  dueDate: Date;
  openCents: number;
  purchasePriceCents: number;
  debtor: { name: string; street: string; postalCode: string; city: string; country: string };
}

/**
 * Purchased claims invoiced (a due date), still open and never sold, whose client's refinancing policy sells them: open
 * amount at least the minimum and, with `sellAfter: 'due'`, fallen due. The price the centre paid
 * is what its purchase entry owed the client.
 */
export async function saleCandidates(tx: Tx, policyOf: (clientId: string) => Promise<RefinancingPolicy>, now: Date): Promise<SaleCandidate[]> {
  const rows = await tx.$queryRaw<Array<{ claimId: string; clientId: string; dueDate: Date; openCents: bigint; priceCents: bigint; title: string | null; firstName: string; lastName: string; street: string; postalCode: string; city: string; country: string }>>`
    SELECT c.id AS "claimId", c."clientId", c."dueDate", p.title, p."firstName", p."lastName", p.street, p."postalCode", p.city, p.country,
      (SELECT COALESCE(SUM(lp."amountCents"), 0) FROM "LedgerPosting" lp WHERE lp."claimId" = c.id AND lp.account IN (${Prisma.join([...OPEN_AMOUNT_ACCOUNTS])})) AS "openCents",
      (SELECT -COALESCE(SUM(lp."amountCents"), 0) FROM "LedgerPosting" lp JOIN "LedgerTransaction" t ON t.id = lp."transactionId"
        WHERE lp."claimId" = c.id AND lp.account = ${Account.CLIENT_PAYABLE} AND t."idempotencyKey" = 'purchase:' || c.id) AS "priceCents"
    FROM "Claim" c JOIN "Person" p ON p.id = c."responsibleId"
    WHERE c.purchased AND c.outcome IS NULL AND c."dueDate" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "FactorSale" s WHERE s."claimId" = c.id)
    ORDER BY c.id`;
  const policies = new Map<string, RefinancingPolicy>();
  for (const clientId of new Set(rows.map((r) => r.clientId))) policies.set(clientId, await policyOf(clientId));
  const sells = (c: SaleCandidate) => {
    const p = policies.get(c.clientId)!;
    return p.sell && c.openCents > 0 && c.openCents >= p.minAmountCents && (p.sellAfter === 'purchase' || c.dueDate <= now);
  };
  return rows
    .map((r) => ({
      claimId: r.claimId,
      clientId: r.clientId,
      dueDate: r.dueDate,
      openCents: Number(r.openCents),
      purchasePriceCents: Number(r.priceCents),
      debtor: { name: [r.title, r.firstName, r.lastName].filter(Boolean).join(' '), street: r.street, postalCode: r.postalCode, city: r.city, country: r.country },
    }))
    .filter(sells);
}

/**
 * Records the claims as sold in this run: a claim already sold (by another run, concurrently or
 * before) is skipped by the unique claim. Returns the claims this run sold, with their sale ids.
 */
export async function insertSales(tx: Tx, runId: string, factorId: string, candidates: SaleCandidate[]): Promise<Map<string, string>> {
  await tx.factorSale.createMany({
    data: candidates.map((c) => ({ id: newRowId(), claimId: c.claimId, factorId, runId, openCents: c.openCents, purchasePriceCents: c.purchasePriceCents })),
    skipDuplicates: true,
  });
  const sold = await tx.factorSale.findMany({ where: { runId }, select: { id: true, claimId: true } });
  return new Map(sold.map((s) => [s.claimId, s.id]));
}

export function saleOfClaim(db: Db | Tx, claimId: string) {
  return db.factorSale.findUnique({ where: { claimId } });
}

export function saleByAnswerLine(db: Db | Tx, factorId: string, lineId: string) {
  return db.factorSale.findUnique({ where: { factorId_answerLineId: { factorId, answerLineId: lineId } } });
}

/** Records the factor's answer on the sale. */
export async function answerSale(tx: Tx, saleId: string, a: { status: 'CONFIRMED' | 'REJECTED'; factorPriceCents: number | null; reason: string | null; lineId: string; fileId: string | null; line: number | null }): Promise<void> {
  await tx.factorSale.update({ where: { id: saleId }, data: { status: a.status, factorPriceCents: a.factorPriceCents, reason: a.reason, answerLineId: a.lineId, answerFileId: a.fileId, answerLine: a.line, answeredAt: new Date() } });
}

export function answersOfFile(db: Db, fileId: string): Promise<number> {
  return db.factorSale.count({ where: { answerFileId: fileId } });
}

/** What is still booked on a claim's sale: the amount sold and the refinancing cost of its confirmation. */
export async function soldBalances(tx: Tx, claimId: string): Promise<{ soldCents: number; discountCents: number }> {
  const rows = await tx.ledgerPosting.groupBy({ by: ['account'], where: { claimId, account: { in: [Account.RECEIVABLES_SOLD, Account.FACTOR_DISCOUNT] } }, _sum: { amountCents: true } });
  const sum = (a: string) => rows.find((r) => r.account === a)?._sum.amountCents ?? 0;
  return { soldCents: -sum(Account.RECEIVABLES_SOLD), discountCents: sum(Account.FACTOR_DISCOUNT) };
}

/** The centre took the claim back from the factor: a later answer of the factor on it is refused. */
export async function markRepurchased(tx: Tx, saleId: string, cause: string): Promise<void> {
  await tx.factorSale.update({ where: { id: saleId }, data: { status: 'REPURCHASED', reason: `repurchased: ${cause}` } });
}
