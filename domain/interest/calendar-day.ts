/**
 * Calendar days as integers (days since 1970-01-01, UTC), so interest periods are counted without
 * time zones or clock times: a day is an ISO date "YYYY-MM-DD".
 */
const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function dayNumber(isoDay: string): number {
  const m = ISO_DAY.exec(isoDay);
  if (!m) throw new RangeError(`"${isoDay}" is not a date of the form YYYY-MM-DD`);
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (isoFromDayNumber(t / DAY_MS) !== isoDay) throw new RangeError(`"${isoDay}" is not a calendar date`);
  return t / DAY_MS;
}

export function isoFromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar day (UTC) of an instant. */
export function isoDayOf(instant: Date | number): string {
  return new Date(instant).toISOString().slice(0, 10);
}

export function addDays(isoDay: string, days: number): string {
  return isoFromDayNumber(dayNumber(isoDay) + days);
}

/** Days in the calendar year of `day` (365 or 366). */
export function daysInYearOf(day: number): number {
  const y = new Date(day * DAY_MS).getUTCFullYear();
  return (Date.UTC(y + 1, 0, 1) - Date.UTC(y, 0, 1)) / DAY_MS;
}

/** The first day of the next calendar year after `day`. */
export function nextNewYear(day: number): number {
  const y = new Date(day * DAY_MS).getUTCFullYear();
  return Date.UTC(y + 1, 0, 1) / DAY_MS;
}
