import { applyRate } from '../decimal-rate';
import { Account, AccountName, Posting } from './accounts';
import { ClaimBalance } from './claim-balance';

/**
 * The journal entries of a claim's life, as pure functions of its balances. Each returns postings
 * that sum to zero (checked again by the database at commit). Zero-amount postings are dropped.
 */

function entry(postings: Posting[]): Posting[] {
  const kept = postings.filter((p) => p.amountCents !== 0);
  const total = kept.reduce((s, p) => s + p.amountCents, 0);
  if (total !== 0) throw new Error(`unbalanced entry: postings sum to ${total} cents`);
  return kept;
}

/** The claim arises: the patient owes the total, held for the client. */
export function recogniseClaim(totalCents: number): Posting[] {
  return entry([
    { account: Account.RECEIVABLE_PRINCIPAL, amountCents: totalCents },
    { account: Account.CLIENT_CLAIMS, amountCents: -totalCents },
  ]);
}

/** Factoring purchase of the open principal: the client is owed the price, the centre keeps the discount. */
export function purchase(b: ClaimBalance, feeRate: string): Posting[] {
  const discount = applyRate(b.clientStakeCents, feeRate);
  return entry([
    { account: Account.CLIENT_CLAIMS, amountCents: b.clientStakeCents },
    { account: Account.CLIENT_PAYABLE, amountCents: -(b.clientStakeCents - discount) },
    { account: Account.FEE_INCOME, amountCents: -discount },
  ]);
}

/** A dunning fee the patient owes the centre. */
export function reminderFee(feeCents: number): Posting[] {
  return entry([
    { account: Account.RECEIVABLE_COSTS, amountCents: feeCents },
    { account: Account.FEE_INCOME, amountCents: -feeCents },
  ]);
}

/**
 * A payment: costs first, then principal (§ 367 BGB), the rest is owed back to the payer.
 * Principal of a claim not (yet) bought passes to the client minus the collection fee.
 * `receivedInto` is where the money sits: the bank, or the unclear-payments suspense account when
 * staff allocate a receipt that was booked there first.
 */
export function payment(b: ClaimBalance, amountCents: number, collectionFeeRate: string, receivedInto: AccountName = Account.BANK): Posting[] {
  if (amountCents <= 0) throw new Error(`a payment must be positive, got ${amountCents} cents`);
  const toCosts = Math.min(amountCents, Math.max(b.costsOpenCents, 0));
  const toPrincipal = Math.min(amountCents - toCosts, Math.max(b.principalOpenCents, 0));
  const excess = amountCents - toCosts - toPrincipal;
  const forClient = Math.min(toPrincipal, Math.max(b.clientStakeCents, 0));
  const fee = applyRate(forClient, collectionFeeRate);
  return entry([
    { account: receivedInto, amountCents },
    { account: Account.RECEIVABLE_COSTS, amountCents: -toCosts },
    { account: Account.RECEIVABLE_PRINCIPAL, amountCents: -toPrincipal },
    { account: Account.PAYER_CREDIT, amountCents: -excess },
    { account: Account.CLIENT_CLAIMS, amountCents: forClient },
    { account: Account.CLIENT_PAYABLE, amountCents: -(forClient - fee) },
    { account: Account.FEE_INCOME, amountCents: -fee },
  ]);
}

/**
 * Cancellation with credit note: the open amount is cleared. Costs are the centre's to drop; the
 * client's stake is given up; for a bought claim the client repays the price and the centre
 * returns the discount on the cancelled principal.
 */
export function cancellation(b: ClaimBalance, feeRate: string): Posting[] {
  const boughtPrincipal = Math.max(b.principalOpenCents - b.clientStakeCents, 0);
  const discount = applyRate(boughtPrincipal, feeRate);
  return entry([
    { account: Account.RECEIVABLE_PRINCIPAL, amountCents: -b.principalOpenCents },
    { account: Account.RECEIVABLE_COSTS, amountCents: -b.costsOpenCents },
    { account: Account.FEE_INCOME, amountCents: b.costsOpenCents + discount },
    { account: Account.CLIENT_CLAIMS, amountCents: b.clientStakeCents },
    { account: Account.CLIENT_PAYABLE, amountCents: boughtPrincipal - discount },
  ]);
}

/**
 * Collection failed: an unbought claim goes back to the client (its stake ends, costs are dropped);
 * the bought part is the centre's loss.
 */
export function uncollectible(b: ClaimBalance): Posting[] {
  const boughtPrincipal = Math.max(b.principalOpenCents - b.clientStakeCents, 0);
  return entry([
    { account: Account.RECEIVABLE_PRINCIPAL, amountCents: -b.principalOpenCents },
    { account: Account.RECEIVABLE_COSTS, amountCents: -b.costsOpenCents },
    { account: Account.FEE_INCOME, amountCents: b.costsOpenCents },
    { account: Account.CLIENT_CLAIMS, amountCents: b.clientStakeCents },
    { account: Account.BAD_DEBT, amountCents: boughtPrincipal },
  ]);
}

/** Who bears what a write-off loses besides the client's own stake. */
export interface WriteOffTerms {
  /** The lawyer's costs still open on the claim: owed to the lawyer whatever the debtor pays. */
  lawyerCostsCents: number;
  /** The claim was bought (factoring): without charge-back the loss is the centre's bad debt. */
  purchased: boolean;
  /** The factoring contract charges uncollectable bought claims back to the client (policy). */
  chargeBack: boolean;
}

/**
 * An uncollectable claim written off: as `uncollectible`, except that the lawyer's open costs are
 * not the centre's to drop. They are borne by the client for an Inkasso claim (deducted from what
 * the client is owed) and by the centre for a bought one; with charge-back the client also bears
 * the bought principal instead of the centre's bad debt.
 */
export function writeOff(b: ClaimBalance, t: WriteOffTerms): Posting[] {
  const lawyerCosts = Math.min(t.lawyerCostsCents, Math.max(b.costsOpenCents, 0));
  const boughtPrincipal = Math.max(b.principalOpenCents - b.clientStakeCents, 0);
  const clientBearsCosts = !t.purchased || t.chargeBack;
  return entry(sumByAccount([
    ...uncollectible({ ...b, costsOpenCents: b.costsOpenCents - lawyerCosts }),
    { account: Account.RECEIVABLE_COSTS, amountCents: -lawyerCosts },
    { account: clientBearsCosts ? Account.CLIENT_PAYABLE : Account.BAD_DEBT, amountCents: lawyerCosts },
    ...(t.chargeBack
      ? [
          { account: Account.BAD_DEBT, amountCents: -boughtPrincipal },
          { account: Account.CLIENT_PAYABLE, amountCents: boughtPrincipal },
        ]
      : []),
  ]));
}

/** One posting per account: an entry built from parts shows each account once. */
function sumByAccount(postings: Posting[]): Posting[] {
  const sums = new Map<AccountName, number>();
  for (const p of postings) sums.set(p.account, (sums.get(p.account) ?? 0) + p.amountCents);
  return [...sums].map(([account, amountCents]) => ({ account, amountCents }));
}

/** The lawyer's costs, recovered from the debtor as costs and owed on to the lawyer. */
export function lawyerCosts(amountCents: number): Posting[] {
  return entry([
    { account: Account.RECEIVABLE_COSTS, amountCents },
    { account: Account.LAWYER_PAYABLE, amountCents: -amountCents },
  ]);
}

/** The lawyer's transfer of money collected for a claim: from the clearing account to the bank. */
export const lawyerSettlement = (amountCents: number) => transfer(Account.BANK, Account.LAWYER_CLEARING, amountCents);

/** Money transferred to the client. */
export function payout(amountCents: number): Posting[] {
  return entry([
    { account: Account.CLIENT_PAYABLE, amountCents },
    { account: Account.BANK, amountCents: -amountCents },
  ]);
}

/** Undoes an earlier entry exactly: every posting negated. */
export function reversal(original: Posting[]): Posting[] {
  return entry(original.map((p) => ({ account: p.account, amountCents: -p.amountCents })));
}

/**
 * Undoes a payment's entry on its claim. The money it brought in leaves through `moneyFrom`: the
 * bank when the bank returns the payment, the unclear-payments suspense account when staff take an
 * allocation back into the queue. It entered through either, so both are replaced.
 */
export function undoPayment(original: Posting[], moneyFrom: AccountName): Posting[] {
  const isMoney = (a: AccountName) => a === Account.BANK || a === Account.UNALLOCATED_RECEIPTS;
  return entry(original.map((p) => ({ account: isMoney(p.account) ? moneyFrom : p.account, amountCents: -p.amountCents })));
}

/** A signed amount from one account to another: `to` debited, `from` credited. */
function transfer(to: AccountName, from: AccountName, amountCents: number): Posting[] {
  return entry([
    { account: to, amountCents },
    { account: from, amountCents: -amountCents },
  ]);
}

/** A bank movement nobody could allocate yet (signed: money in positive): held in suspense. */
export const unallocatedReceipt = (amountCents: number) => transfer(Account.BANK, Account.UNALLOCATED_RECEIPTS, amountCents);

/** Bank charges (signed as on the statement: a charge is negative). */
export const bankCharge = (amountCents: number) => transfer(Account.BANK, Account.BANK_CHARGES, amountCents);

/** An unallocated receipt transferred back to the payer. */
export const refundUnallocated = (amountCents: number) => transfer(Account.UNALLOCATED_RECEIPTS, Account.BANK, amountCents);

/** An unallocated movement that is no claim payment, handed to general accounting (signed). */
export const nonClaimReceipt = (amountCents: number) => transfer(Account.UNALLOCATED_RECEIPTS, Account.NON_CLAIM_RECEIPTS, amountCents);
