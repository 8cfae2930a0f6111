import { addDays, dayNumber } from '../interest/calendar-day';
import type { LimitationPolicy } from './limitation-policy';

/**
 * A claim's limitation date (Verjährung): the last day it can be enforced. Pure; days are ISO
 * dates. The regular period ends with the end of the `regularYears`-th year after the year the
 * claim fell due (§§ 195, 199 (1) BGB; due = the patient received the invoice, § 12 GOÄ). Halts
 * are not counted into the period (§ 209 BGB): a dunning order from its application until
 * `dunningOrderAfterMonths` after its proceedings end (§ 204 (2)), negotiations while they last and
 * at least `negotiationAfterMonths` after (§ 203). A title starts a new period of `titleYears`
 * from its day (§ 197 (1) Nr. 3, § 188 (2) BGB); halts before it are absorbed by it.
 */

export const LIMITATION_EVENT_KINDS = ['DUNNING_ORDER', 'NEGOTIATION', 'TITLE'] as const;
export type LimitationEventKind = (typeof LIMITATION_EVENT_KINDS)[number];

export interface LimitationFact {
  kind: LimitationEventKind;
  /** The day it began (a dunning order: the day it was applied for). */
  date: string;
  /** The day it ended (proceedings, negotiations); null or absent while it lasts. */
  until?: string | null;
}

export type LimitationRules = Omit<LimitationPolicy, 'escalateDaysBefore' | 'sweepCron' | 'sweepDaysAhead'>;

/** `months` calendar months after `isoDay`; a day the target month lacks becomes its last (§ 188 (3) BGB). */
export function addMonths(isoDay: string, months: number): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y, m + months, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/** The limitation date, or null while a halt without an end lasts (nothing runs then). */
export function limitationDate(fellDue: string, events: LimitationFact[], rules: LimitationRules): string | null {
  const title = events.filter((e) => e.kind === 'TITLE').sort((a, b) => b.date.localeCompare(a.date))[0];
  const start = title?.date ?? fellDue;
  let end = title ? addMonths(title.date, 12 * rules.titleYears) : `${Number(fellDue.slice(0, 4)) + rules.regularYears}-12-31`;
  // Days already counted as halted: overlapping halts extend the period once.
  let countedThrough = dayNumber(start) - 1;
  const halts = events.filter((e) => e.kind !== 'TITLE' && e.date >= start).sort((a, b) => a.date.localeCompare(b.date));
  for (const h of halts) {
    // A halt that begins after the claim is time-barred does not revive it.
    if (h.date > end) continue;
    if (!h.until) return null;
    const haltEnd = h.kind === 'DUNNING_ORDER' ? addMonths(h.until, rules.dunningOrderAfterMonths) : h.until;
    const from = Math.max(dayNumber(h.date), countedThrough + 1);
    const days = dayNumber(haltEnd) - from + 1;
    if (days > 0) end = addDays(end, days);
    countedThrough = Math.max(countedThrough, dayNumber(haltEnd));
    if (h.kind === 'NEGOTIATION') {
      const earliest = addMonths(h.until, rules.negotiationAfterMonths);
      if (earliest > end) end = earliest;
    }
  }
  return end;
}

/** The day by which the claim must be with the lawyer (or declined by the client). */
export function escalationDay(limitation: string, escalateDaysBefore: number): string {
  return addDays(limitation, -escalateDaysBefore);
}
