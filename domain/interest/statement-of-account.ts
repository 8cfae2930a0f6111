import { Account } from '../ledger/accounts';
import type { InterestLine } from '../documents/document-request';
import type { BaseRateTable } from './base-rate';
import { defaultInterest, type DayCount, type InterestPeriod } from './default-interest';
import { INTEREST_KIND, interestFacts, RECOGNISE_KIND, type ReceivableMove } from './receivable-moves';

/** One line of what was charged or credited besides payments: the claim, a fee, a credit note. */
export interface StatementItem {
  day: string;
  description: string;
  amountCents: number;
}

export interface StatementPayment {
  day: string;
  description: string;
  amountCents: number;
  toCostsCents: number;
  toInterestCents: number;
  toPrincipalCents: number;
}

/** Forderungsaufstellung zum Stichtag: a claim's principal, costs, interest and payments as of a day. */
export interface StatementOfAccount {
  claimId: string;
  asOf: string;
  defaultSince: string | null;
  principal: StatementItem[];
  costs: StatementItem[];
  interest: { periods: InterestPeriod[]; totalCents: number; dailyCents: number; ratePercent: string | null; adjustments: StatementItem[] };
  payments: StatementPayment[];
  open: { principalCents: number; costsCents: number; interestCents: number; totalCents: number };
  /** How interest was computed, for the reader. */
  conventions: string;
}

export interface StatementInput {
  claimId: string;
  asOf: string;
  defaultSince: string | null;
  marginBp: number;
  dayCount: DayCount;
  charge: boolean;
  moves: readonly ReceivableMove[];
}

type PaymentPart = 'toCostsCents' | 'toInterestCents' | 'toPrincipalCents';

const PART: Record<string, PaymentPart> = {
  [Account.RECEIVABLE_COSTS]: 'toCostsCents',
  [Account.RECEIVABLE_INTEREST]: 'toInterestCents',
  [Account.RECEIVABLE_PRINCIPAL]: 'toPrincipalCents',
};

/**
 * Builds the statement from the claim's receivable postings up to the day: interest is computed
 * from the dates (never the accruals booked on the way), payments show how § 367 BGB allocated them.
 */
export function statementOfAccount(input: StatementInput, rates: BaseRateTable): StatementOfAccount {
  // The claim itself counts whenever it was booked (see interestFacts); everything else by its day.
  const moves = input.moves.filter((m) => m.day <= input.asOf || m.kind === RECOGNISE_KIND);
  const payments = new Map<string, StatementPayment>();
  const items = { principal: [] as StatementItem[], costs: [] as StatementItem[], interest: [] as StatementItem[] };
  for (const m of moves) {
    if (m.kind === 'payment') {
      const p = payments.get(m.transactionId) ?? { day: m.day, description: m.description, amountCents: 0, toCostsCents: 0, toInterestCents: 0, toPrincipalCents: 0 };
      p[PART[m.account]] -= m.amountCents;
      p.amountCents -= m.amountCents;
      payments.set(m.transactionId, p);
    } else if (m.kind !== INTEREST_KIND) {
      const list = m.account === Account.RECEIVABLE_PRINCIPAL ? items.principal : m.account === Account.RECEIVABLE_COSTS ? items.costs : items.interest;
      list.push({ day: m.day, description: m.description, amountCents: m.amountCents });
    }
  }
  const paid = [...payments.values()];
  const sum = (xs: Array<{ amountCents: number }>) => xs.reduce((s, x) => s + x.amountCents, 0);
  const paidTo = (part: PaymentPart) => paid.reduce((s, p) => s + p[part], 0);
  const interest =
    input.defaultSince && input.charge
      ? defaultInterest(interestFacts(moves, input.defaultSince, input.marginBp), rates, input.asOf, input.dayCount)
      : { periods: [], totalCents: 0, dailyCents: 0, ratePercent: null };
  const open = {
    principalCents: sum(items.principal) - paidTo('toPrincipalCents'),
    costsCents: sum(items.costs) - paidTo('toCostsCents'),
    interestCents: interest.totalCents + sum(items.interest) - paidTo('toInterestCents'),
  };
  return {
    claimId: input.claimId,
    asOf: input.asOf,
    defaultSince: input.defaultSince,
    principal: items.principal,
    costs: items.costs,
    interest: { periods: interest.periods, totalCents: interest.totalCents, dailyCents: interest.dailyCents, ratePercent: interest.ratePercent, adjustments: items.interest },
    payments: paid,
    open: { ...open, totalCents: open.principalCents + open.costsCents + open.interestCents },
    conventions: `Verzugszinsen (§ 288 BGB) ab dem Tag nach Verzugsbeginn bis einschließlich Stichtag auf die jeweils offene Hauptforderung, Basiszinssatz (§ 247 BGB) + ${input.marginBp / 100} Prozentpunkte, Zinstage ${input.dayCount === 'ACT_365' ? 'kalendergenau / 365' : 'kalendergenau / Tage des Kalenderjahres'}; Zahlungen tilgen Kosten, Zinsen, Hauptforderung (§ 367 BGB).`,
  };
}

/** The interest a letter shows: to the statement's day, per rate period; none before default. */
export function interestLine(s: StatementOfAccount): InterestLine | undefined {
  const i = s.interest;
  if (i.periods.length === 0 || i.ratePercent === null) return undefined;
  return { to: s.asOf, periods: i.periods.map((p) => ({ from: p.from, to: p.to, ratePercent: p.ratePercent, amountCents: p.interestCents })), totalCents: i.totalCents, dailyCents: i.dailyCents, ratePercent: i.ratePercent };
}

/** What was charged in costs up to the statement's day (fees, lawyer's costs). */
export function costsCharged(s: StatementOfAccount): number {
  return s.costs.reduce((sum, c) => sum + c.amountCents, 0);
}
