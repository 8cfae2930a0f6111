import { BaseRateTable, percentText } from './base-rate';
import { dayNumber, daysInYearOf, isoFromDayNumber, nextNewYear } from './calendar-day';

/**
 * Default interest (§ 288 BGB) of one claim, from its calendar dates, to an as-of day.
 *
 * Conventions (stated on the statement of account):
 * - interest runs from the day after default began (§ 187 (1) BGB) up to and including the as-of day;
 * - on the principal open at the start of each day: a payment reduces it from the day after it
 *   arrived, and interest is never charged on costs or on interest (§ 289 BGB);
 * - the rate is the base rate of the day (§ 247 BGB) plus the margin; periods split at every
 *   change of the base rate and of the principal, each period's interest rounded half up to the cent;
 * - day count (policy): ACT_365 divides by 365 in every year, ACT_ACT by the days of the calendar
 *   year the period lies in (periods also split at 1 January).
 */
export type DayCount = 'ACT_365' | 'ACT_ACT';

export interface InterestFacts {
  /** The day default began (ISO date); interest runs from the next day. */
  defaultSince: string;
  /** The principal open when default began. */
  principalCents: number;
  /** The margin over the base rate, in basis points: 500 for consumers, 900 for businesses. */
  marginBp: number;
  /** Later changes of the principal (payments negative), each effective from the day after `day`. */
  principalChanges: ReadonlyArray<{ day: string; cents: number }>;
}

export interface InterestPeriod {
  from: string;
  to: string;
  days: number;
  principalCents: number;
  /** Base rate and the rate charged, percent a year ("1.27", "6.27"). */
  basePercent: string;
  ratePercent: string;
  interestCents: number;
}

export interface DefaultInterest {
  asOf: string;
  periods: InterestPeriod[];
  totalCents: number;
  /** Interest one more day would add at the as-of day's principal and rate (rounded to the cent). */
  dailyCents: number;
  /** The rate charged on the as-of day (percent a year); null before default. */
  ratePercent: string | null;
}

/** principal × bp/10000 × days/year, half up, in exact integer arithmetic. */
function periodInterest(principalCents: number, rateBp: number, days: number, yearDays: number): number {
  if (principalCents <= 0 || rateBp <= 0 || days <= 0) return 0;
  const numerator = BigInt(principalCents) * BigInt(rateBp) * BigInt(days);
  const denominator = 10_000n * BigInt(yearDays);
  return Number((numerator * 2n + denominator) / (denominator * 2n));
}

export function defaultInterest(facts: InterestFacts, rates: BaseRateTable, asOf: string, dayCount: DayCount): DefaultInterest {
  const first = dayNumber(facts.defaultSince) + 1;
  const last = dayNumber(asOf);
  const changes = facts.principalChanges.map((c) => ({ from: dayNumber(c.day) + 1, cents: c.cents })).sort((a, b) => a.from - b.from);
  const principalOn = (day: number) => Math.max(0, facts.principalCents + changes.filter((c) => c.from <= day).reduce((s, c) => s + c.cents, 0));
  const yearDays = (day: number) => (dayCount === 'ACT_365' ? 365 : daysInYearOf(day));

  const periods: InterestPeriod[] = [];
  for (let start = first; start <= last; ) {
    const bounds = [last + 1, ...rates.boundsAfter(start, last + 1), ...changes.map((c) => c.from).filter((d) => d > start && d <= last)];
    if (dayCount === 'ACT_ACT') bounds.push(Math.min(nextNewYear(start), last + 1));
    const end = Math.min(...bounds) - 1;
    const baseBp = rates.onDay(start);
    const rateBp = baseBp + facts.marginBp;
    const principalCents = principalOn(start);
    const days = end - start + 1;
    periods.push({ from: isoFromDayNumber(start), to: isoFromDayNumber(end), days, principalCents, basePercent: percentText(baseBp), ratePercent: percentText(rateBp), interestCents: periodInterest(principalCents, rateBp, days, yearDays(start)) });
    start = end + 1;
  }
  const atEnd = last >= first ? rates.onDay(last) + facts.marginBp : null;
  return {
    asOf,
    periods,
    totalCents: periods.reduce((s, p) => s + p.interestCents, 0),
    dailyCents: atEnd === null ? 0 : periodInterest(principalOn(last + 1), atEnd, 1, yearDays(last)),
    ratePercent: atEnd === null ? null : percentText(atEnd),
  };
}
