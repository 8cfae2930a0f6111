/** The calendar days a journal covers: ISO dates, both inclusive. */
export interface JournalPeriod {
  from: string;
  to: string;
}

/** "2026-10" for a whole calendar month, else "2026-10-05_2026-10-20": names the period in keys and numbers. */
export function periodLabel(p: JournalPeriod): string {
  const month = p.from.slice(0, 7);
  const lastDay = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  return p.from === `${month}-01` && p.to === `${month}-${String(lastDay).padStart(2, '0')}` ? month : `${p.from}_${p.to}`;
}

/** The calendar month before `now`'s month, as ISO dates (both inclusive). */
export function previousMonth(now: Date): JournalPeriod {
  const firstOfThisMonth = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const lastOfPrevious = new Date(firstOfThisMonth - 86_400_000);
  const from = new Date(Date.UTC(lastOfPrevious.getUTCFullYear(), lastOfPrevious.getUTCMonth(), 1));
  return { from: from.toISOString().slice(0, 10), to: lastOfPrevious.toISOString().slice(0, 10) };
}
