import { Account, type AccountName, type Posting } from '../../domain/ledger/accounts';
import { claimBalanceFrom, openCents, type ClaimBalance } from '../../domain/ledger/claim-balance';
import {
  bankCharge,
  boughtPrincipalOpen,
  buyBack,
  cancellation,
  factorRepurchase,
  nonClaimReceipt,
  payment,
  payoutTransfer,
  purchase,
  releaseForPayout,
  recogniseClaim,
  refundUnallocated,
  reminderFee,
  reversal,
  uncollectible,
  unallocatedReceipt,
  undoPayment,
  interestAccrual,
} from '../../domain/ledger/entries';
import { SYSTEM_POLICY } from '../../domain/policy';

const INKASSO_RATE = SYSTEM_POLICY.inkassoFeeRate; // "0.06"
const FACTORING_RATE = SYSTEM_POLICY.factoringFeeRate; // "0.035"

const {
  RECEIVABLE_PRINCIPAL: RP,
  RECEIVABLE_COSTS: RC,
  CLIENT_CLAIMS: CC,
  CLIENT_PAYABLE: CP,
  PAYER_CREDIT: PC,
  FEE_INCOME: FI,
  BAD_DEBT: BD,
  BANK,
  RECEIVABLE_INTEREST: RI,
  INTEREST_INCOME: II,
} = Account;

function total(postings: Posting[]): number {
  return postings.reduce((s, p) => s + p.amountCents, 0);
}

/** Every entry must balance and carry no zero posting. */
function expectWellFormed(postings: Posting[]): void {
  expect(total(postings)).toBe(0);
  for (const p of postings) {
    expect(Number.isSafeInteger(p.amountCents)).toBe(true);
    expect(p.amountCents === 0).toBe(false);
  }
}

/** Postings as an account -> amount map (order-independent comparison; accounts appear at most once). */
function byAccount(postings: Posting[]): Partial<Record<AccountName, number>> {
  const out: Partial<Record<AccountName, number>> = {};
  for (const p of postings) {
    expect(out[p.account]).toBeUndefined();
    out[p.account] = p.amountCents;
  }
  return out;
}

/**
 * claimBalanceFrom negates sums, so an account with no postings reads as -0. -0 === 0, but jest's
 * toEqual distinguishes them, so balances are normalised before deep comparisons.
 */
function balanceOf(postings: Array<{ account: string; amountCents: number }>): ClaimBalance {
  const b = claimBalanceFrom(postings);
  return {
    principalOpenCents: b.principalOpenCents + 0,
    costsOpenCents: b.costsOpenCents + 0,
    interestOpenCents: b.interestOpenCents + 0,
    clientStakeCents: b.clientStakeCents + 0,
    clientPayableCents: b.clientPayableCents + 0,
  };
}

/** One claim's ledger: book entries, read balances and per-account sums. */
class ClaimLedger {
  readonly postings: Posting[] = [];

  book(entry: Posting[]): Posting[] {
    expectWellFormed(entry);
    this.postings.push(...entry);
    return entry;
  }

  get balance(): ClaimBalance {
    return balanceOf(this.postings);
  }

  account(a: AccountName): number {
    return this.postings.filter((p) => p.account === a).reduce((s, p) => s + p.amountCents, 0) + 0;
  }
}

function bal(principalOpenCents: number, costsOpenCents: number, clientStakeCents: number, clientPayableCents: number, interestOpenCents = 0): ClaimBalance {
  return { principalOpenCents, costsOpenCents, interestOpenCents, clientStakeCents, clientPayableCents };
}

describe('claimBalanceFrom / openCents', () => {
  it('is all zero for no postings', () => {
    const b = claimBalanceFrom([]);
    expect(b.principalOpenCents === 0 && b.costsOpenCents === 0).toBe(true);
    expect(b.clientStakeCents === 0 && b.clientPayableCents === 0).toBe(true);
    expect(openCents(b) === 0).toBe(true);
  });

  it('sums per account with the sign conventions of the chart', () => {
    const b = balanceOf([
      { account: RP, amountCents: 10000 },
      { account: CC, amountCents: -10000 },
      { account: RC, amountCents: 250 },
      { account: FI, amountCents: -250 },
      { account: CP, amountCents: -1234 },
      { account: BANK, amountCents: 1234 },
      { account: RP, amountCents: -1000 },
      { account: CC, amountCents: 1000 },
    ]);
    expect(b).toEqual(bal(9000, 250, 9000, 1234));
    expect(openCents(b)).toBe(9250);
  });
});

describe('single entries', () => {
  it('recogniseClaim: receivable against the client stake', () => {
    const e = recogniseClaim(10000);
    expectWellFormed(e);
    expect(byAccount(e)).toEqual({ [RP]: 10000, [CC]: -10000 });
    expect(recogniseClaim(0)).toEqual([]);
  });

  it('reminderFee: costs receivable against fee income; a zero fee books nothing', () => {
    const e = reminderFee(250);
    expectWellFormed(e);
    expect(byAccount(e)).toEqual({ [RC]: 250, [FI]: -250 });
    expect(reminderFee(0)).toEqual([]);
  });

  it('purchase: clears the stake, client gets price, centre the discount', () => {
    const e = purchase(bal(10000, 0, 10000, 0), FACTORING_RATE);
    expectWellFormed(e);
    expect(byAccount(e)).toEqual({ [CC]: 10000, [CP]: -9650, [FI]: -350 });
  });

  it('purchase rounds the discount half up: 12345 × 0.035 = 432.075 -> 432, price 11913', () => {
    expect(byAccount(purchase(bal(12345, 0, 12345, 0), FACTORING_RATE))).toEqual({ [CC]: 12345, [CP]: -11913, [FI]: -432 });
    // 100 × 0.035 = 3.5 -> 4
    expect(byAccount(purchase(bal(100, 0, 100, 0), FACTORING_RATE))).toEqual({ [CC]: 100, [CP]: -96, [FI]: -4 });
  });

  it('purchase of nothing (already bought) books nothing', () => {
    expect(purchase(bal(10000, 0, 0, 9650), FACTORING_RATE)).toEqual([]);
  });

  it('payment: costs first, then principal, rest to payer credit; client share minus fee', () => {
    const e = payment(bal(10000, 250, 10000, 0), 3000, INKASSO_RATE);
    expectWellFormed(e);
    expect(byAccount(e)).toEqual({ [BANK]: 3000, [RC]: -250, [RP]: -2750, [CC]: 2750, [CP]: -2585, [FI]: -165 });
  });

  it('payment smaller than the open costs touches only costs', () => {
    const e = payment(bal(10000, 750, 10000, 0), 500, INKASSO_RATE);
    expect(byAccount(e)).toEqual({ [BANK]: 500, [RC]: -500 });
  });

  it('payment on a settled claim is all payer credit', () => {
    const e = payment(bal(0, 0, 0, 0), 1234, INKASSO_RATE);
    expect(byAccount(e)).toEqual({ [BANK]: 1234, [PC]: -1234 });
  });

  it.each([0, -1, -5000])('payment of %i cents throws', (amount) => {
    expect(() => payment(bal(10000, 0, 10000, 0), amount, INKASSO_RATE)).toThrow(/positive/);
  });

  it('cancellation of an unbought claim with costs: everything cleared, costs leave fee income', () => {
    const e = cancellation(bal(10000, 750, 10000, 0));
    expectWellFormed(e);
    expect(byAccount(e)).toEqual({ [RP]: -10000, [RC]: -750, [FI]: 750, [CC]: 10000 });
  });

  it('cancellation of a bought claim without recourse: the open principal is the centre’s loss', () => {
    const e = cancellation(bal(10000, 0, 0, 9650));
    expectWellFormed(e);
    expect(byAccount(e)).toEqual({ [RP]: -10000, [BD]: 10000 });
  });

  it('buy-back: the client owes the price back, the discount is returned, the client holds the part again', () => {
    const e = buyBack(10000, FACTORING_RATE);
    expectWellFormed(e);
    expect(byAccount(e)).toEqual({ [CP]: 9650, [FI]: 350, [CC]: -10000 });
    expect(buyBack(0, FACTORING_RATE)).toEqual([]);
  });

  it('factor repurchase undoes the sale and the refinancing cost; the clearing account gives up the price', () => {
    const e = factorRepurchase(10000, 300);
    expectWellFormed(e);
    expect(byAccount(e)).toEqual({ [Account.RECEIVABLES_SOLD]: 10000, [Account.FACTOR_DISCOUNT]: -300, [Account.FACTOR_CLEARING]: -9700 });
  });

  it('cancellation of nothing books nothing', () => {
    expect(cancellation(bal(0, 0, 0, 0))).toEqual([]);
  });

  it('uncollectible unbought: stake ends, costs dropped, no bad debt', () => {
    const e = uncollectible(bal(7250, 500, 7250, 2585));
    expectWellFormed(e);
    expect(byAccount(e)).toEqual({ [RP]: -7250, [RC]: -500, [FI]: 500, [CC]: 7250 });
  });

  it('uncollectible bought: open principal is bad debt', () => {
    const e = uncollectible(bal(9250, 0, 0, 0));
    expectWellFormed(e);
    expect(byAccount(e)).toEqual({ [RP]: -9250, [BD]: 9250 });
  });

  it('payout: the claim’s payable released to the run, the run’s transfer against bank; zero books nothing', () => {
    const released = releaseForPayout(9400);
    expectWellFormed(released);
    expect(byAccount(released)).toEqual({ [CP]: 9400, [Account.CLIENT_PAYOUT_DUE]: -9400 });
    const sent = payoutTransfer([{ claimId: 'c1', amountCents: 9400 }]);
    expectWellFormed(sent);
    expect(byAccount(sent)).toEqual({ [Account.CLIENT_PAYOUT_DUE]: 9400, [BANK]: -9400 });
    // A line over several claims: each claim's payable cleared on the claim, one bank amount.
    expect(payoutTransfer([{ claimId: 'c1', amountCents: 9400 }, { claimId: 'c2', amountCents: -500 }])).toEqual([
      { account: Account.CLIENT_PAYOUT_DUE, amountCents: 9400, claimId: 'c1' },
      { account: Account.CLIENT_PAYOUT_DUE, amountCents: -500, claimId: 'c2' },
      { account: BANK, amountCents: -8900 },
    ]);
    // A charge-back released is negative: it reduces what the run pays.
    expect(byAccount(releaseForPayout(-500))).toEqual({ [CP]: -500, [Account.CLIENT_PAYOUT_DUE]: 500 });
    expect(releaseForPayout(0)).toEqual([]);
  });
});

describe('(a) Inkasso claim life', () => {
  it('recognise 10000, fee 250, pay 3000, pay the rest, payout', () => {
    const c = new ClaimLedger();
    c.book(recogniseClaim(10000));
    expect(c.balance).toEqual(bal(10000, 0, 10000, 0));

    c.book(reminderFee(250));
    expect(c.balance).toEqual(bal(10000, 250, 10000, 0));
    expect(openCents(c.balance)).toBe(10250);

    // 3000: 250 to costs first (§ 367 BGB), 2750 to principal; fee 6 % of 2750 = 165; client 2585
    const p1 = c.book(payment(c.balance, 3000, INKASSO_RATE));
    expect(byAccount(p1)).toEqual({ [BANK]: 3000, [RC]: -250, [RP]: -2750, [CC]: 2750, [CP]: -2585, [FI]: -165 });
    expect(c.balance).toEqual(bal(7250, 0, 7250, 2585));

    // 7250: fee 6 % = 435; client 6815
    const p2 = c.book(payment(c.balance, 7250, INKASSO_RATE));
    expect(byAccount(p2)).toEqual({ [BANK]: 7250, [RP]: -7250, [CC]: 7250, [CP]: -6815, [FI]: -435 });
    expect(c.balance).toEqual(bal(0, 0, 0, 9400));
    expect(openCents(c.balance)).toBe(0);
    // centre: dunning fee 250 + 6 % of 10000 principal
    expect(c.account(FI)).toBe(-850);
    expect(c.account(BANK)).toBe(10250);

    const owed = c.balance.clientPayableCents;
    c.book(releaseForPayout(owed));
    c.book(payoutTransfer([{ claimId: null, amountCents: owed }]));
    expect(c.balance).toEqual(bal(0, 0, 0, 0));
    expect(c.account(CP)).toBe(0);
    // what stays in the bank is exactly the centre's income
    expect(c.account(BANK)).toBe(850);
    expect(c.account(BANK) + c.account(FI)).toBe(0);
    expect(total(c.postings)).toBe(0);
  });

  it('an overpayment on an Inkasso claim goes to payer credit, the client only gets principal minus fee', () => {
    const c = new ClaimLedger();
    c.book(recogniseClaim(5000));
    c.book(reminderFee(500));
    // 6000 = 500 costs + 5000 principal + 500 excess; fee 6 % of 5000 = 300
    const e = c.book(payment(c.balance, 6000, INKASSO_RATE));
    expect(byAccount(e)).toEqual({ [BANK]: 6000, [RC]: -500, [RP]: -5000, [PC]: -500, [CC]: 5000, [CP]: -4700, [FI]: -300 });
    expect(c.balance).toEqual(bal(0, 0, 0, 4700));
  });

  it('Fälligkeitsfactoring: payment before the purchase passes to the client minus the factoring fee, then the rest is bought', () => {
    const c = new ClaimLedger();
    c.book(recogniseClaim(10000));
    // 2000 before the due date: fee 3.5 % = 70, client 1930
    c.book(payment(c.balance, 2000, FACTORING_RATE));
    expect(c.balance).toEqual(bal(8000, 0, 8000, 1930));
    // purchase of the 8000 left: discount 280, price 7720
    const e = c.book(purchase(c.balance, FACTORING_RATE));
    expect(byAccount(e)).toEqual({ [CC]: 8000, [CP]: -7720, [FI]: -280 });
    expect(c.balance).toEqual(bal(8000, 0, 0, 9650));
    // the rest is the centre's
    const p = c.book(payment(c.balance, 8000, FACTORING_RATE));
    expect(byAccount(p)).toEqual({ [BANK]: 8000, [RP]: -8000 });
    expect(c.balance).toEqual(bal(0, 0, 0, 9650));
    expect(c.account(FI)).toBe(-350);
  });
});

describe('(b) Sofortfactoring claim life', () => {
  it('recognise, purchase at 0.035, payments go to the centre, overpayment to payer credit', () => {
    const c = new ClaimLedger();
    c.book(recogniseClaim(10000));
    const pu = c.book(purchase(c.balance, '0.035'));
    expect(byAccount(pu)).toEqual({ [CC]: 10000, [CP]: -9650, [FI]: -350 });
    expect(c.balance).toEqual(bal(10000, 0, 0, 9650));

    c.book(releaseForPayout(9650));
    c.book(payoutTransfer([{ claimId: null, amountCents: 9650 }]));
    expect(c.balance).toEqual(bal(10000, 0, 0, 0));

    c.book(reminderFee(500));
    // 4000: 500 costs, 3500 principal; no client share, no fee
    const p1 = c.book(payment(c.balance, 4000, FACTORING_RATE));
    expect(byAccount(p1)).toEqual({ [BANK]: 4000, [RC]: -500, [RP]: -3500 });
    expect(c.balance).toEqual(bal(6500, 0, 0, 0));

    // 7000: 6500 principal, 500 overpaid
    const p2 = c.book(payment(c.balance, 7000, FACTORING_RATE));
    expect(byAccount(p2)).toEqual({ [BANK]: 7000, [RP]: -6500, [PC]: -500 });
    expect(c.balance).toEqual(bal(0, 0, 0, 0));
    expect(c.account(PC)).toBe(-500);
    expect(c.account(FI)).toBe(-850); // discount 350 + dunning fee 500
    expect(c.account(BANK)).toBe(-9650 + 4000 + 7000);
    expect(total(c.postings)).toBe(0);
  });
});

describe('(c) cancellation', () => {
  it('unbought claim with open costs: all open amounts and the stake cleared, fee income back to 0', () => {
    const c = new ClaimLedger();
    c.book(recogniseClaim(10000));
    c.book(reminderFee(250));
    c.book(reminderFee(500));
    const e = c.book(cancellation(c.balance));
    expect(byAccount(e)).toEqual({ [RP]: -10000, [RC]: -750, [FI]: 750, [CC]: 10000 });
    expect(c.balance).toEqual(bal(0, 0, 0, 0));
    expect(c.account(FI)).toBe(0);
  });

  it('partially paid unbought claim: the rest is cleared, what was collected stays payable', () => {
    const c = new ClaimLedger();
    c.book(recogniseClaim(10000));
    c.book(reminderFee(250));
    c.book(payment(c.balance, 3000, INKASSO_RATE));
    c.book(reminderFee(500));
    const e = c.book(cancellation(c.balance));
    expect(byAccount(e)).toEqual({ [RP]: -7250, [RC]: -500, [FI]: 500, [CC]: 7250 });
    expect(c.balance).toEqual(bal(0, 0, 0, 2585));
  });

  it('bought claim with recourse: the client buys it back (repays the price, discount returned), then it is cancelled', () => {
    const c = new ClaimLedger();
    c.book(recogniseClaim(10000));
    c.book(purchase(c.balance, FACTORING_RATE));
    expect(byAccount(c.book(buyBack(boughtPrincipalOpen(c.balance), FACTORING_RATE)))).toEqual({ [CP]: 9650, [FI]: 350, [CC]: -10000 });
    const e = c.book(cancellation(c.balance));
    expect(byAccount(e)).toEqual({ [RP]: -10000, [CC]: 10000 });
    expect(c.balance).toEqual(bal(0, 0, 0, 0));
    expect(c.account(FI)).toBe(0);
  });

  it('bought claim already paid out, with costs: the client owes the price back', () => {
    const c = new ClaimLedger();
    c.book(recogniseClaim(10000));
    c.book(purchase(c.balance, FACTORING_RATE));
    c.book(releaseForPayout(9650));
    c.book(payoutTransfer([{ claimId: null, amountCents: 9650 }]));
    c.book(reminderFee(250));
    c.book(buyBack(boughtPrincipalOpen(c.balance), FACTORING_RATE));
    const e = c.book(cancellation(c.balance));
    expect(byAccount(e)).toEqual({ [RP]: -10000, [RC]: -250, [FI]: 250, [CC]: 10000 });
    expect(openCents(c.balance)).toBe(0);
    expect(c.balance.clientPayableCents).toBe(-9650);
    expect(c.account(FI)).toBe(0);
  });

  it('bought, partially paid: the discount on the cancelled principal only is returned', () => {
    const c = new ClaimLedger();
    c.book(recogniseClaim(10000));
    c.book(purchase(c.balance, FACTORING_RATE));
    c.book(payment(c.balance, 4000, FACTORING_RATE));
    expect(c.balance).toEqual(bal(6000, 0, 0, 9650));
    // discount on 6000 = 210; client repays 5790
    expect(boughtPrincipalOpen(c.balance)).toBe(6000);
    expect(byAccount(c.book(buyBack(6000, FACTORING_RATE)))).toEqual({ [CP]: 5790, [FI]: 210, [CC]: -6000 });
    const e = c.book(cancellation(c.balance));
    expect(byAccount(e)).toEqual({ [RP]: -6000, [CC]: 6000 });
    expect(c.balance).toEqual(bal(0, 0, 0, 3860));
    // the centre keeps 3.5 % of what was really collected (4000)
    expect(c.account(FI)).toBe(-140);
  });
});

describe('(f) default interest (§§ 288, 367 BGB)', () => {
  it('Inkasso: interest is the client’s; a payment pays costs, then interest, then principal', () => {
    const c = new ClaimLedger();
    c.book(recogniseClaim(10000));
    c.book(reminderFee(250));
    expect(byAccount(c.book(interestAccrual(120, 'client')))).toEqual({ [RI]: 120, [CC]: -120 });
    expect(c.balance).toEqual(bal(10000, 250, 10120, 0, 120));
    expect(openCents(c.balance)).toBe(10370);
    // 400: 250 costs, 120 interest, 30 principal; the client gets interest and principal (150) minus 6 % (9)
    expect(byAccount(c.book(payment(c.balance, 400, INKASSO_RATE)))).toEqual({ [BANK]: 400, [RC]: -250, [RI]: -120, [RP]: -30, [CC]: 150, [CP]: -141, [FI]: -9 });
    expect(c.balance).toEqual(bal(9970, 0, 9970, 141, 0));
  });

  it('a payer’s “principal first” order pays principal, then interest, then costs', () => {
    const c = new ClaimLedger();
    c.book(recogniseClaim(1000));
    c.book(reminderFee(250));
    c.book(interestAccrual(80, 'centre'));
    expect(byAccount(c.book(payment(c.balance, 1100, '0', BANK, 'principal_first')))).toEqual({ [BANK]: 1100, [RP]: -1000, [RI]: -80, [RC]: -20, [CC]: 1000, [CP]: -1000 });
    expect(c.balance).toEqual(bal(0, 230, 0, 1000, 0));
  });

  it('a bought claim: interest is the centre’s income, dropped with the claim when it is lost', () => {
    const c = new ClaimLedger();
    c.book(recogniseClaim(10000));
    c.book(purchase(c.balance, FACTORING_RATE));
    expect(byAccount(c.book(interestAccrual(300, 'centre')))).toEqual({ [RI]: 300, [II]: -300 });
    expect(byAccount(c.book(uncollectible(c.balance)))).toEqual({ [RP]: -10000, [RI]: -300, [II]: 300, [BD]: 10000 });
    expect(c.account(II)).toBe(0);
  });

  it('cancelling an Inkasso claim with interest ends the client’s stake in principal and interest', () => {
    const c = new ClaimLedger();
    c.book(recogniseClaim(10000));
    c.book(interestAccrual(300, 'client'));
    expect(byAccount(c.book(cancellation(c.balance)))).toEqual({ [RP]: -10000, [RI]: -300, [CC]: 10300 });
    expect(c.balance).toEqual(bal(0, 0, 0, 0, 0));
  });
});

describe('(d) uncollectible', () => {
  it('unbought (RETURNED): stake cleared, open costs dropped, collected money stays payable', () => {
    const c = new ClaimLedger();
    c.book(recogniseClaim(10000));
    c.book(reminderFee(250));
    c.book(payment(c.balance, 3000, INKASSO_RATE));
    c.book(reminderFee(500));
    expect(c.balance).toEqual(bal(7250, 500, 7250, 2585));
    const e = c.book(uncollectible(c.balance));
    expect(byAccount(e)).toEqual({ [RP]: -7250, [RC]: -500, [FI]: 500, [CC]: 7250 });
    expect(c.balance).toEqual(bal(0, 0, 0, 2585));
    expect(c.account(BD)).toBe(0);
    expect(c.account(FI)).toBe(-(250 + 165));
  });

  it('bought: the open principal becomes bad debt, open costs dropped', () => {
    const c = new ClaimLedger();
    c.book(recogniseClaim(10000));
    c.book(purchase(c.balance, FACTORING_RATE));
    c.book(reminderFee(250));
    c.book(payment(c.balance, 1000, FACTORING_RATE)); // 250 costs, 750 principal
    c.book(reminderFee(500));
    expect(c.balance).toEqual(bal(9250, 500, 0, 9650));
    const e = c.book(uncollectible(c.balance));
    expect(byAccount(e)).toEqual({ [RP]: -9250, [RC]: -500, [FI]: 500, [BD]: 9250 });
    expect(openCents(c.balance)).toBe(0);
    expect(c.balance.clientPayableCents).toBe(9650);
    expect(c.account(BD)).toBe(9250);
    expect(c.account(FI)).toBe(-(350 + 250));
  });
});

// ---------------------------------------------------------------------------------------------
// (e) property test with a deterministic PRNG

/** mulberry32: small deterministic 32-bit PRNG. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Independent half-up rounding of x × num/den for x ≥ 0 (all values stay far below 2^53). */
function fee(x: number, num: number, den: number): number {
  return Math.floor((2 * x * num + den) / (2 * den));
}

type Tariff = 'INKASSO' | 'SOFORT' | 'FAELLIGKEIT';

/** A reference model of one claim, written from the rules rather than from the postings. */
interface Model {
  principal: number;
  costs: number;
  stake: number;
  payable: number;
  payerCredit: number;
  feeIncome: number;
  badDebt: number;
  bank: number;
}

const RATES: Array<[string, number, number]> = [
  ['0.035', 35, 1000],
  ['0.06', 6, 100],
  ['0.0275', 275, 10000],
  ['0.1', 1, 10],
  ['0.045', 45, 1000],
];

describe('(e) random claim lives keep the ledger consistent', () => {
  it.each([1, 42, 20240601])('seed %i', (seed) => {
    const rnd = mulberry32(seed);
    const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

    const all: Posting[] = [];
    let globalSum = 0;
    let terminalChecks = 0;

    for (let claimNo = 0; claimNo < 300; claimNo++) {
      const tariff = pick<Tariff>(['INKASSO', 'SOFORT', 'FAELLIGKEIT']);
      const [inkassoRate, inkN, inkD] = pick(RATES);
      const [factoringRate, facN, facD] = pick(RATES);
      const paymentRate = tariff === 'INKASSO' ? ([inkassoRate, inkN, inkD] as const) : ([factoringRate, facN, facD] as const);

      const c = new ClaimLedger();
      const m: Model = { principal: 0, costs: 0, stake: 0, payable: 0, payerCredit: 0, feeIncome: 0, badDebt: 0, bank: 0 };
      let bought = false;
      let closed = false;

      const book = (e: Posting[]) => {
        c.book(e);
        all.push(...e);
        globalSum += total(e);
      };

      const check = () => {
        const b = c.balance;
        expect(globalSum).toBe(0);
        expect(b.principalOpenCents).toBeGreaterThanOrEqual(0);
        expect(b.costsOpenCents).toBeGreaterThanOrEqual(0);
        expect(b.clientStakeCents).toBeGreaterThanOrEqual(0);
        expect(b.clientStakeCents).toBeLessThanOrEqual(b.principalOpenCents);
        if (bought) expect(b.clientStakeCents).toBe(0);
        expect(c.account(PC)).toBeLessThanOrEqual(0);
        expect(c.account(BD)).toBeGreaterThanOrEqual(0);
        // the reference model, account by account
        expect({
          principal: c.account(RP),
          costs: c.account(RC),
          stake: 0 - c.account(CC),
          payable: 0 - c.account(CP),
          payerCredit: 0 - c.account(PC),
          feeIncome: 0 - c.account(FI),
          badDebt: c.account(BD),
          bank: c.account(BANK),
        }).toEqual(m);
        expect(b).toEqual(bal(m.principal, m.costs, m.stake, m.payable));
      };

      const totalCents = int(1, 500_000);
      book(recogniseClaim(totalCents));
      m.principal += totalCents;
      m.stake += totalCents;
      check();

      const doPurchase = () => {
        const e = purchase(c.balance, factoringRate);
        const d = fee(m.stake, facN, facD);
        book(e);
        m.payable += m.stake - d;
        m.feeIncome += d;
        m.stake = 0;
        bought = true;
      };

      if (tariff === 'SOFORT') {
        doPurchase();
        check();
      }

      const steps = int(0, 14);
      for (let s = 0; s < steps; s++) {
        const r = rnd();
        if (!closed && r < 0.2) {
          const f = pick([0, 250, 500, 1000, int(1, 5000)]);
          book(reminderFee(f));
          m.costs += f;
          m.feeIncome += f;
        } else if (r < 0.55) {
          const open = m.principal + m.costs;
          const amount = pick([
            int(1, 100),
            int(1, Math.max(open, 1)),
            open > 0 ? open : int(1, 1000),
            open + int(1, 2000),
            m.costs > 0 ? m.costs : int(1, 1000),
          ]);
          book(payment(c.balance, amount, paymentRate[0]));
          const toCosts = Math.min(amount, m.costs);
          const toPrincipal = Math.min(amount - toCosts, m.principal);
          const forClient = Math.min(toPrincipal, m.stake);
          const f = fee(forClient, paymentRate[1], paymentRate[2]);
          m.bank += amount;
          m.costs -= toCosts;
          m.principal -= toPrincipal;
          m.payerCredit += amount - toCosts - toPrincipal;
          m.stake -= forClient;
          m.payable += forClient - f;
          m.feeIncome += f;
          if (tariff === 'INKASSO') {
            // the client gets exactly the collected principal minus the fee on it
            expect(forClient).toBe(toPrincipal);
          }
        } else if (!closed && r < 0.65 && tariff === 'FAELLIGKEIT' && !bought) {
          doPurchase();
        } else if (r < 0.8) {
          const amount = m.payable > 0 ? pick([m.payable, int(1, m.payable)]) : 0;
          book(releaseForPayout(amount));
          book(payoutTransfer([{ claimId: null, amountCents: amount }]));
          m.payable -= amount;
          m.bank -= amount;
        } else if (!closed && r < 0.9) {
          const boughtPrincipal = m.principal - m.stake;
          const d = fee(boughtPrincipal, facN, facD);
          book(buyBack(boughtPrincipalOpen(c.balance), factoringRate));
          book(cancellation(c.balance));
          m.feeIncome -= m.costs + d;
          m.payable -= boughtPrincipal - d;
          m.principal = 0;
          m.costs = 0;
          m.stake = 0;
          closed = true;
        } else if (!closed) {
          book(uncollectible(c.balance));
          m.feeIncome -= m.costs;
          m.badDebt += m.principal - m.stake;
          m.principal = 0;
          m.costs = 0;
          m.stake = 0;
          closed = true;
        }
        check();
        if (closed) {
          expect(openCents(c.balance)).toBe(0);
          expect(c.balance.clientStakeCents).toBe(0);
          terminalChecks++;
        }
      }

      // the claim's postings on their own balance too
      expect(total(c.postings)).toBe(0);
    }

    expect(total(all)).toBe(0);
    expect(terminalChecks).toBeGreaterThan(50);
    // the global ledger over all claims also has no negative receivable
    expect(all.filter((p) => p.account === RP).reduce((s, p) => s + p.amountCents, 0)).toBeGreaterThanOrEqual(0);
    expect(all.filter((p) => p.account === RC).reduce((s, p) => s + p.amountCents, 0)).toBeGreaterThanOrEqual(0);
  });
});

describe('(e) bank statement entries', () => {
  const {
    UNALLOCATED_RECEIPTS: UR,
    BANK_CHARGES: CH,
    NON_CLAIM_RECEIPTS: NC,
  } = Account;
  const open: ClaimBalance = bal(10_000, 0, 10_000, 0);

  test('a payment allocated from suspense debits the suspense account instead of the bank', () => {
    const p = payment(open, 10_000, INKASSO_RATE, UR);
    expectWellFormed(p);
    expect(byAccount(p)).toMatchObject({ [UR]: 10_000, [RP]: -10_000 });
    expect(byAccount(p)[BANK]).toBeUndefined();
  });

  test('a reversal negates every posting of the original', () => {
    const original = payment(open, 12_000, INKASSO_RATE);
    const r = reversal(original);
    expectWellFormed(r);
    expect(byAccount(r)).toEqual(Object.fromEntries(Object.entries(byAccount(original)).map(([k, v]) => [k, -(v as number)])));
  });

  test('undoing a payment into the queue keeps the money as unallocated', () => {
    const r = undoPayment(payment(open, 12_000, INKASSO_RATE), UR);
    expectWellFormed(r);
    expect(byAccount(r)).toMatchObject({ [UR]: -12_000, [RP]: 10_000, [PC]: 2_000 });
    expect(byAccount(r)[BANK]).toBeUndefined();
  });

  test('a bank return of a payment allocated from suspense takes the money out of the bank', () => {
    const r = undoPayment(payment(open, 10_000, INKASSO_RATE, UR), BANK);
    expectWellFormed(r);
    expect(byAccount(r)).toMatchObject({ [BANK]: -10_000, [RP]: 10_000 });
    expect(byAccount(r)[UR]).toBeUndefined();
  });

  test('suspense, charges, refunds and non-claim receipts move the signed amount', () => {
    expect(byAccount(unallocatedReceipt(500))).toEqual({ [BANK]: 500, [UR]: -500 });
    expect(byAccount(unallocatedReceipt(-500))).toEqual({ [BANK]: -500, [UR]: 500 });
    expect(byAccount(bankCharge(-350))).toEqual({ [BANK]: -350, [CH]: 350 });
    expect(byAccount(refundUnallocated(500))).toEqual({ [UR]: 500, [BANK]: -500 });
    expect(byAccount(nonClaimReceipt(500))).toEqual({ [UR]: 500, [NC]: -500 });
    // Suspense in, then out to general accounting: the suspense account is clear again.
    const both = [...unallocatedReceipt(-700), ...nonClaimReceipt(-700)];
    expect(total(both.filter((p) => p.account === UR))).toBe(0);
  });
});
