import type { InterestOwner } from '../ledger/entries';
import type { BaseRateTable } from './base-rate';
import { Refusal } from '../refusal';
import { defaultInterest, type DayCount, type InterestFacts } from './default-interest';

/** One claim's default interest: its facts, what is booked so far, and whose it is. */
export interface ClaimInterest {
  facts: InterestFacts;
  bookedCents: number;
  owner: InterestOwner;
  /** False when the client's policy waives default interest. */
  charge: boolean;
  dayCount: DayCount;
}

/**
 * The interest to book so that the ledger holds what accrued up to `asOf` (negative when a
 * back-dated payment lowered it). Accruals are recomputed from the claim's dates every time, so
 * bookings on different occasions never add up to more or less than the interest itself.
 */
export function interestToBook(ci: ClaimInterest, rates: BaseRateTable, asOf: string): number {
  if (!ci.charge) return 0;
  return defaultInterest(ci.facts, rates, asOf, ci.dayCount).totalCents - ci.bookedCents;
}

/**
 * As interestToBook, but nothing while a day lacks its base rate: a payment or a letter goes on
 * without booking interest now; the statement of account names the missing rate.
 */
export function interestToBookIfKnown(ci: ClaimInterest, rates: BaseRateTable, asOf: string): number {
  try {
    return interestToBook(ci, rates, asOf);
  } catch (e) {
    if (e instanceof Refusal && e.code === 'base_rate_unknown') return 0;
    throw e;
  }
}

/** The facts once a payment paid `principalCents` of principal on `day`. */
export function afterPrincipalPaid(ci: ClaimInterest, day: string, principalCents: number, bookedCents: number): ClaimInterest {
  if (principalCents === 0 && bookedCents === ci.bookedCents) return ci;
  return { ...ci, bookedCents, facts: { ...ci.facts, principalChanges: [...ci.facts.principalChanges, { day, cents: -principalCents }] } };
}
