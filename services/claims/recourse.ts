import type { Db, Tx } from '../../infra/db/prisma';
import { recourseApplies, type RecourseCause } from '../../domain/claims/recourse-policy';
import { Account } from '../../domain/ledger/accounts';
import * as entries from '../../domain/ledger/entries';
import { audit } from '../../persistence/audit';
import { payOutClaim } from '../../persistence/claims/claim-steps';
import { markRepurchased, saleOfClaim, soldBalances } from '../../persistence/factoring/factor-sales';
import { book, claimBalance, lockClaim } from '../../persistence/ledger';
import { loadPolicy } from '../../persistence/policy';

export interface BuyBack {
  /** The bought principal the client took back (0: not purchased, no recourse for the cause, or nothing bought open). */
  cents: number;
  /** What the client owes back for it: the charge-back released to its next payout run. */
  priceCents: number;
}

export interface BuyBackRequest {
  claimId: string;
  cause: RecourseCause;
  /** Names this occasion among the claim's buy-backs of the cause (a credit note's id); the key's last part. */
  occasion: string;
  actor: string;
  /** The part to buy back (a credited amount); all the bought principal still open when absent. */
  upToCents?: number;
}

/**
 * Recourse (Rückbelastung): a purchased claim that turns out not to be owed is bought back by the
 * client as its contract (policy `recourse`) says, once per claim, cause and occasion (the entry's
 * key). The price is charged back through the client's next payout run (a negative `Payout`). A
 * claim sold on to the refinancing factor is taken back from it whole: the factor exchange has no
 * partial returns (docs/corrections-and-recourse.md).
 */
export async function buyBackClaim(db: Db, r: BuyBackRequest): Promise<BuyBack> {
  const done = await db.$transaction(async (tx) => {
    await lockClaim(tx, r.claimId);
    return bookBuyBack(tx, r);
  });
  await releaseBuyBack(db, r);
  return done;
}

/** The buy-back's bookings, inside the caller's transaction (the claim's lock held). */
export async function bookBuyBack(tx: Tx, r: BuyBackRequest): Promise<BuyBack> {
  const none = { cents: 0, priceCents: 0 };
  const claim = await tx.claim.findUniqueOrThrow({ where: { id: r.claimId } });
  const policy = await loadPolicy(tx, claim.clientId);
  if (!claim.purchased || !recourseApplies(policy.recourse, r.cause)) return none;
  const bought = entries.boughtPrincipalOpen(await claimBalance(tx, r.claimId));
  const cents = Math.min(bought, r.upToCents ?? bought);
  const postings = entries.buyBack(cents, policy.factoringFeeRate);
  if (!(await book(tx, { idempotencyKey: buyBackKey(r), kind: 'buy_back', description: `${r.claimId} bought back by its client (${r.cause})`, claimId: r.claimId, clientId: claim.clientId, postings }))) return none;
  await repurchaseFromFactor(tx, r.claimId, claim.clientId, r.cause);
  const priceCents = postings.find((p) => p.account === Account.CLIENT_PAYABLE)?.amountCents ?? 0;
  await audit(tx, r.actor, 'buy_back', 'claim', r.claimId, { cause: r.cause, occasion: r.occasion, cents, priceCents });
  return { cents, priceCents };
}

/**
 * Releases a booked buy-back's charge-back to the client's next payout run at once: the claim may
 * stay open for months (a partial credit), the charge-back should not wait for it. Nothing when no
 * buy-back was booked (an Inkasso claim keeps its payables for its own payout step).
 */
export async function releaseBuyBack(db: Db, r: Pick<BuyBackRequest, 'claimId' | 'cause' | 'occasion'>): Promise<void> {
  if (!(await db.ledgerTransaction.findUnique({ where: { idempotencyKey: buyBackKey(r) }, select: { id: true } }))) return;
  await payOutClaim(db, r.claimId, `buy-back:${r.cause}:${r.occasion}`);
}

const buyBackKey = (r: Pick<BuyBackRequest, 'claimId' | 'cause' | 'occasion'>) => `buy-back:${r.claimId}:${r.cause}:${r.occasion}`;

/** A sold claim whose sale still stands is taken back from the factor: its sale entries are undone. */
async function repurchaseFromFactor(tx: Tx, claimId: string, clientId: string, cause: RecourseCause): Promise<void> {
  const sale = await saleOfClaim(tx, claimId);
  if (!sale || (sale.status !== 'SOLD' && sale.status !== 'CONFIRMED')) return;
  const { soldCents, discountCents } = await soldBalances(tx, claimId);
  await book(tx, { idempotencyKey: `factor-sale:${sale.id}:repurchase`, kind: 'factor_repurchase', description: `${claimId} taken back from factor ${sale.factorId} (${cause})`, claimId, clientId, postings: entries.factorRepurchase(soldCents, discountCents) });
  await markRepurchased(tx, sale.id, cause);
}
