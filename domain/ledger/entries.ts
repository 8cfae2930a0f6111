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

/** The lump sum a business in default owes (§ 288 (5) BGB): costs, the centre's income like a dunning fee. */
export function defaultLumpSum(cents: number): Posting[] {
  return reminderFee(cents);
}

/** A dunning fee the patient owes the centre. */
export function reminderFee(feeCents: number): Posting[] {
  return entry([
    { account: Account.RECEIVABLE_COSTS, amountCents: feeCents },
    { account: Account.FEE_INCOME, amountCents: -feeCents },
  ]);
}

/**
 * The order a payment pays a claim's parts in: by law costs, then interest, then principal
 * (§ 367 (1) BGB); a payer who determined otherwise (§ 367 (2)) and whose payment the centre
 * accepted gets the order the payer named.
 */
export type PaymentOrder = 'statutory' | 'principal_first';

const ORDERS: Record<PaymentOrder, Array<'costs' | 'interest' | 'principal'>> = {
  statutory: ['costs', 'interest', 'principal'],
  principal_first: ['principal', 'interest', 'costs'],
};

/**
 * A payment, allocated in `order`; the rest is owed back to the payer. The client's share of what
 * it pays (principal, and interest on a claim not bought) passes to the client minus the
 * collection fee. `receivedInto` is where the money sits: the bank, the unclear-payments suspense
 * account when staff allocate a receipt booked there first, or a lawyer's clearing account.
 */
export function payment(b: ClaimBalance, amountCents: number, collectionFeeRate: string, receivedInto: AccountName = Account.BANK, order: PaymentOrder = 'statutory'): Posting[] {
  if (amountCents <= 0) throw new Error(`a payment must be positive, got ${amountCents} cents`);
  const open = { costs: Math.max(b.costsOpenCents, 0), interest: Math.max(b.interestOpenCents, 0), principal: Math.max(b.principalOpenCents, 0) };
  const paid = { costs: 0, interest: 0, principal: 0 };
  let rest = amountCents;
  for (const part of ORDERS[order]) {
    paid[part] = Math.min(rest, open[part]);
    rest -= paid[part];
  }
  const forClient = Math.min(paid.principal + Math.min(paid.interest, clientInterest(b)), Math.max(b.clientStakeCents, 0));
  const fee = applyRate(forClient, collectionFeeRate);
  return entry([
    { account: receivedInto, amountCents },
    { account: Account.RECEIVABLE_COSTS, amountCents: -paid.costs },
    { account: Account.RECEIVABLE_INTEREST, amountCents: -paid.interest },
    { account: Account.RECEIVABLE_PRINCIPAL, amountCents: -paid.principal },
    { account: Account.PAYER_CREDIT, amountCents: -rest },
    { account: Account.CLIENT_CLAIMS, amountCents: forClient },
    { account: Account.CLIENT_PAYABLE, amountCents: -(forClient - fee) },
    { account: Account.FEE_INCOME, amountCents: -fee },
  ]);
}

/** Whose default interest is: the client's on a claim it still holds, the centre's on one it bought. */
export type InterestOwner = 'client' | 'centre';

/**
 * Default interest accrued since the last booking (negative when a back-dated payment lowered it):
 * the patient owes it, to the client (its stake grows) or as the centre's income.
 */
export function interestAccrual(amountCents: number, owner: InterestOwner): Posting[] {
  return transfer(Account.RECEIVABLE_INTEREST, owner === 'client' ? Account.CLIENT_CLAIMS : Account.INTEREST_INCOME, amountCents);
}

/** The open interest that is part of the client's stake (interest on a claim the client still holds). */
function clientInterest(b: ClaimBalance): number {
  return Math.min(Math.max(b.interestOpenCents, 0), Math.max(b.clientStakeCents - b.principalOpenCents, 0));
}

/** What clearing a claim's open receivables moves, besides the receivables themselves. */
function openShares(b: ClaimBalance) {
  const centreInterest = b.interestOpenCents - clientInterest(b);
  const boughtPrincipal = Math.max(b.principalOpenCents - (b.clientStakeCents - clientInterest(b)), 0);
  return { centreInterest, boughtPrincipal };
}

/** The open principal the centre bought (and has not been bought back): what recourse can charge back. */
export function boughtPrincipalOpen(b: ClaimBalance): number {
  return openShares(b).boughtPrincipal;
}

/**
 * Recourse: the client buys back `cents` of the bought principal, at the price it was bought for
 * (the centre returns the discount on it). The client owes the price back (a charge-back its next
 * payout run deducts) and holds that part of the claim again, as on a claim never bought.
 */
export function buyBack(cents: number, feeRate: string): Posting[] {
  const discount = applyRate(cents, feeRate);
  return entry([
    { account: Account.CLIENT_PAYABLE, amountCents: cents - discount },
    { account: Account.FEE_INCOME, amountCents: discount },
    { account: Account.CLIENT_CLAIMS, amountCents: -cents },
  ]);
}

/**
 * Cancellation with credit note: the open amount is cleared. Costs and the centre's interest are
 * the centre's to drop; the client's stake is given up. Bought principal still open (no recourse
 * for cancellations, see `buyBack`) is the centre's loss.
 */
export function cancellation(b: ClaimBalance): Posting[] {
  const { centreInterest, boughtPrincipal } = openShares(b);
  return entry([
    { account: Account.RECEIVABLE_PRINCIPAL, amountCents: -b.principalOpenCents },
    { account: Account.RECEIVABLE_COSTS, amountCents: -b.costsOpenCents },
    { account: Account.RECEIVABLE_INTEREST, amountCents: -b.interestOpenCents },
    { account: Account.FEE_INCOME, amountCents: b.costsOpenCents },
    { account: Account.INTEREST_INCOME, amountCents: centreInterest },
    { account: Account.CLIENT_CLAIMS, amountCents: b.clientStakeCents },
    { account: Account.BAD_DEBT, amountCents: boughtPrincipal },
  ]);
}

/**
 * A partial credit note over `cents` of the open principal: the patient owes that much less. The
 * part the client holds (an Inkasso claim, or a part bought back first) ends the client's stake in
 * it; a bought part without recourse is the centre's loss.
 */
export function creditNote(b: ClaimBalance, cents: number): Posting[] {
  if (cents <= 0 || cents > b.principalOpenCents) throw new Error(`a credit note over ${cents} cents does not fit ${b.principalOpenCents} cents open`);
  const clientPrincipal = Math.max(b.clientStakeCents - clientInterest(b), 0);
  const clientPart = Math.min(cents, clientPrincipal);
  return entry([
    { account: Account.RECEIVABLE_PRINCIPAL, amountCents: -cents },
    { account: Account.CLIENT_CLAIMS, amountCents: clientPart },
    { account: Account.BAD_DEBT, amountCents: cents - clientPart },
  ]);
}

/**
 * Collection failed: an unbought claim goes back to the client (its stake ends, costs are dropped);
 * the bought part is the centre's loss, and the centre's interest on it is dropped.
 */
export function uncollectible(b: ClaimBalance): Posting[] {
  const { centreInterest, boughtPrincipal } = openShares(b);
  return entry([
    { account: Account.RECEIVABLE_PRINCIPAL, amountCents: -b.principalOpenCents },
    { account: Account.RECEIVABLE_COSTS, amountCents: -b.costsOpenCents },
    { account: Account.RECEIVABLE_INTEREST, amountCents: -b.interestOpenCents },
    { account: Account.FEE_INCOME, amountCents: b.costsOpenCents },
    { account: Account.INTEREST_INCOME, amountCents: centreInterest },
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
  const { boughtPrincipal } = openShares(b);
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

/**
 * A claim sold on to the refinancing factor: its open amount is the factor's from now on (set
 * against the receivables) and owed by the factor until it answers. The centre still collects.
 */
export const factorSale = (openCents: number) => transfer(Account.FACTOR_CLEARING, Account.RECEIVABLES_SOLD, openCents);

/** The factor confirms at its price: what falls short of the amount sold is the centre's cost; the price stays owed by the factor. */
export const factorConfirmation = (openCents: number, factorPriceCents: number) => transfer(Account.FACTOR_DISCOUNT, Account.FACTOR_CLEARING, openCents - factorPriceCents);

/** The factor rejects the claim: the sale is undone, the receivable is the centre's again. */
export const factorRejection = (openCents: number) => reversal(factorSale(openCents));

/**
 * The centre takes a sold claim back from the factor (its client bought it back): the sale and the
 * refinancing cost booked on it are undone, so the factor clearing account no longer holds its
 * price (negative when the factor had paid it: the centre owes it back).
 */
export function factorRepurchase(soldCents: number, discountCents: number): Posting[] {
  return entry([
    { account: Account.RECEIVABLES_SOLD, amountCents: soldCents },
    { account: Account.FACTOR_DISCOUNT, amountCents: -discountCents },
    { account: Account.FACTOR_CLEARING, amountCents: discountCents - soldCents },
  ]);
}


/**
 * The claim's payout step: what the client is owed for the claim (negative: a charge-back the
 * client owes) is released to the next payout run, which pays it (`payoutTransfer`).
 */
export const releaseForPayout = (amountCents: number) => transfer(Account.CLIENT_PAYABLE, Account.CLIENT_PAYOUT_DUE, amountCents);

/** A posting that names its own claim: an entry over several claims (a payout run line). */
export type ClaimPosting = Posting & { claimId?: string };

/**
 * A payout run line's transfer: each released payable it pays is cleared on its claim; the VAT on
 * the client's fees (its run invoice) is deducted, owed to the tax office now; the rest leaves the
 * bank in one amount, as the transfer does.
 */
export function payoutTransfer(payables: Array<{ claimId: string | null; amountCents: number }>, vatCents = 0): ClaimPosting[] {
  const total = payables.reduce((s, p) => s + p.amountCents, 0);
  const postings: ClaimPosting[] = payables.map((p) => ({ account: Account.CLIENT_PAYOUT_DUE, amountCents: p.amountCents, ...(p.claimId ? { claimId: p.claimId } : {}) }));
  return entry([...postings, { account: Account.VAT_PAYABLE, amountCents: -vatCents }, { account: Account.BANK, amountCents: -(total - vatCents) }]) as ClaimPosting[];
}

/**
 * A levy (Abgabe) taken from what a client is owed, for its recipient: the client's payable falls,
 * the levy payable rises; both carry the client whose fees the levy is taken from.
 */
export function levy(amountCents: number, clientId: string): Posting[] {
  return entry([
    { account: Account.CLIENT_PAYABLE, amountCents, clientId },
    { account: Account.LEVY_PAYABLE, amountCents: -amountCents, clientId },
  ]);
}

/**
 * A payout run's transfer pays a levy to its recipient: the levy payable (of the client whose fees
 * it was taken from) is cleared, the money leaves the bank.
 */
export function levyPaid(amountCents: number, clientId: string): Posting[] {
  return entry([
    { account: Account.LEVY_PAYABLE, amountCents, clientId },
    { account: Account.BANK, amountCents: -amountCents },
  ]);
}

/** Undoes an earlier entry exactly: every posting negated (a share client's posting stays that client's). */
export function reversal(original: Posting[]): Posting[] {
  return entry(original.map((p) => ({ account: p.account, amountCents: -p.amountCents, ...(p.clientId ? { clientId: p.clientId } : {}) })));
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
