import { Account } from '../ledger/accounts';
import type { InterestFacts } from './default-interest';

/** A posting on one of a claim's receivables, dated when it took effect (a payment: when it arrived). */
export interface ReceivableMove {
  transactionId: string;
  kind: string;
  description: string;
  account: string;
  amountCents: number;
  day: string;
}

/** The ledger transaction kind of interest accruals. */
export const INTEREST_KIND = 'interest';

/** The ledger transaction kind of the claim's recognition (its principal arising). */
export const RECOGNISE_KIND = 'recognise';

/**
 * The facts default interest is computed from: the principal when default began, then its changes.
 * The claim's principal counts from the start, whenever it was booked (a claim taken over from
 * another system is booked here after its default began there).
 */
export function interestFacts(moves: readonly ReceivableMove[], defaultSince: string, marginBp: number): InterestFacts {
  const principal = moves.filter((m) => m.account === Account.RECEIVABLE_PRINCIPAL);
  const fromStart = (m: ReceivableMove) => m.kind === RECOGNISE_KIND || m.day <= defaultSince;
  return {
    defaultSince,
    principalCents: principal.filter(fromStart).reduce((s, m) => s + m.amountCents, 0),
    marginBp,
    principalChanges: principal.filter((m) => !fromStart(m)).map((m) => ({ day: m.day, cents: m.amountCents })),
  };
}

/** Interest booked by accruals so far. */
export function bookedInterest(moves: readonly ReceivableMove[]): number {
  return moves.filter((m) => m.account === Account.RECEIVABLE_INTEREST && m.kind === INTEREST_KIND).reduce((s, m) => s + m.amountCents, 0);
}
