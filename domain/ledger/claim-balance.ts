import { Account, AccountName } from './accounts';

/** A claim's balances as the ledger holds them, in positive cents where money is owed. */
export interface ClaimBalance {
  principalOpenCents: number;
  costsOpenCents: number;
  /** Default interest booked and not paid. */
  interestOpenCents: number;
  /** Principal (and, on a claim not bought, interest) the client still has a stake in (not purchased, not collected). */
  clientStakeCents: number;
  /** Owed to the client for this claim and not yet paid out. */
  clientPayableCents: number;
}

/** Sums the postings of one claim into its balances. */
export function claimBalanceFrom(postings: Array<{ account: string; amountCents: number }>): ClaimBalance {
  const sum: Partial<Record<AccountName, number>> = {};
  for (const p of postings) sum[p.account as AccountName] = (sum[p.account as AccountName] ?? 0) + p.amountCents;
  return {
    principalOpenCents: sum[Account.RECEIVABLE_PRINCIPAL] ?? 0,
    costsOpenCents: sum[Account.RECEIVABLE_COSTS] ?? 0,
    interestOpenCents: sum[Account.RECEIVABLE_INTEREST] ?? 0,
    clientStakeCents: 0 - (sum[Account.CLIENT_CLAIMS] ?? 0),
    clientPayableCents: 0 - (sum[Account.CLIENT_PAYABLE] ?? 0),
  };
}

/**
 * The accounts that make up a claim's open amount (what the payer still owes): the one definition,
 * for sums over postings in SQL as for openCents below.
 */
export const OPEN_AMOUNT_ACCOUNTS: readonly AccountName[] = [Account.RECEIVABLE_PRINCIPAL, Account.RECEIVABLE_COSTS, Account.RECEIVABLE_INTEREST];

/** The open amount: the sum of the OPEN_AMOUNT_ACCOUNTS (principal, costs and booked interest). */
export function openCents(b: ClaimBalance): number {
  return b.principalOpenCents + b.costsOpenCents + b.interestOpenCents;
}
