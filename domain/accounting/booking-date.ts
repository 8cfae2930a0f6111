import { addDays } from '../interest/calendar-day';

/** A closed range of ISO days (YYYY-MM-DD), both ends included. */
export interface Period {
  from: string;
  to: string;
}

/**
 * The day an entry is booked on: `day` itself, unless a period already exported to the
 * accountant covers it; then the first day after that period which no exported period covers
 * (a later correction is booked in the open period, never in a closed one). ISO days compare as
 * strings.
 */
export function firstOpenDay(day: string, locked: readonly Period[]): string {
  const sorted = [...locked].sort((a, b) => a.from.localeCompare(b.from));
  let d = day;
  for (const p of sorted) if (p.from <= d && d <= p.to) d = addDays(p.to, 1);
  return d;
}
