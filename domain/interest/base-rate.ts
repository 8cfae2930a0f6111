import { Refusal } from '../refusal';
import { dayNumber, isoFromDayNumber } from './calendar-day';

/**
 * The base rate of § 247 BGB: it changes on 1 January and 1 July, as the Bundesbank publishes it.
 * The table is data (shipped with the published rates, extended by staff); each rate holds from its
 * date until the next half year begins, and no further: a day past the last known half year is
 * refused, never guessed.
 */
export interface BaseRate {
  /** The first day it holds: YYYY-01-01 or YYYY-07-01. */
  validFrom: string;
  /** Percent a year as published, e.g. "1.27" or "-0.88". */
  percent: string;
}

const PERCENT = /^-?\d{1,2}(\.\d{1,2})?$/;

/** A percentage in hundredths of a percentage point (basis points): "-0.88" → -88. */
export function basisPoints(percent: string): number {
  if (!PERCENT.test(percent)) throw new RangeError(`"${percent}" is not a percentage with at most two decimals`);
  const negative = percent.startsWith('-');
  const [whole, fraction = ''] = percent.replace('-', '').split('.');
  const bp = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return negative ? -bp : bp;
}

/** Basis points as a percentage text: 627 → "6.27", -88 → "-0.88". */
export function percentText(bp: number): string {
  const sign = bp < 0 ? '-' : '';
  const abs = Math.abs(bp);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Why a rate cannot join the table (null: it can). Rates are added in order, half year by half year. */
export function baseRateProblem(table: readonly BaseRate[], next: BaseRate): string | null {
  if (!/^\d{4}-(01|07)-01$/.test(next.validFrom)) return `validFrom ${next.validFrom}: the base rate changes only on 1 January and 1 July`;
  if (!PERCENT.test(next.percent)) return `percent "${next.percent}": a percentage with at most two decimals, e.g. "1.27"`;
  const last = table.at(-1);
  if (last && next.validFrom !== halfYearAfter(last.validFrom)) {
    return `validFrom ${next.validFrom}: the table ends with the half year from ${last.validFrom}, so the next rate is the one from ${halfYearAfter(last.validFrom)}`;
  }
  return null;
}

function halfYearAfter(validFrom: string): string {
  const [y, m] = validFrom.split('-').map(Number);
  return m === 1 ? `${y}-07-01` : `${y + 1}-01-01`;
}

/** A lookup over the table (sorted by validFrom) by day number. */
export class BaseRateTable {
  private readonly starts: number[];
  private readonly bps: number[];
  /** The first day no known rate covers. */
  readonly endsBefore: number;

  constructor(readonly rates: readonly BaseRate[]) {
    const sorted = [...rates].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    this.starts = sorted.map((r) => dayNumber(r.validFrom));
    this.bps = sorted.map((r) => basisPoints(r.percent));
    this.endsBefore = sorted.length ? dayNumber(halfYearAfter(sorted[sorted.length - 1].validFrom)) : -Infinity;
  }

  /** The base rate (basis points) on a day; refuses a day the table does not cover. */
  onDay(day: number): number {
    let i = this.starts.length - 1;
    while (i >= 0 && this.starts[i] > day) i -= 1;
    if (i < 0 || day >= this.endsBefore) {
      const what = i < 0 ? 'before the first known base rate' : `past the last known base rate (the half year from ${isoFromDayNumber(this.starts[this.starts.length - 1])})`;
      throw new Refusal('unprocessable', 'base_rate_unknown', `no base rate for ${isoFromDayNumber(day)}: the day is ${what}; staff add published rates with POST /api/base-rates`);
    }
    return this.bps[i];
  }

  /**
   * The days after `day`, up to `until`, on which a period must end: where the rate changes, and
   * where the table ends (the day after is refused by onDay).
   */
  boundsAfter(day: number, until: number): number[] {
    const changes = this.starts.filter((s, i) => i > 0 && this.bps[i] !== this.bps[i - 1]);
    return [...changes, this.endsBefore].filter((s) => s > day && s <= until);
  }
}
