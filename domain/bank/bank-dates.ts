/** Dates as the three formats write them → ISO yyyy-mm-dd, or undefined when not a real date. */

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** xs:date or the date part of xs:dateTime (the bank's local date, as written; no time-zone shift). */
export function xsdDate(raw: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T|Z|[+-]\d{2}:\d{2}$)/.exec(raw);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** OFX date-time: yyyymmdd[hhmmss[.xxx]][[offset:TZ]]; only the date part is kept. */
export function ofxDate(raw: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(?:\d{4,6}(?:\.\d{1,3})?)?(?:\[[^\]]*\])?$/.exec(raw);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** SWIFT YYMMDD; years 00–79 are 20xx (SWIFT has no century, statements before 1980 do not exist). */
export function swiftDate(yymmdd: string, lenientMonthEnd = false): string | undefined {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(yymmdd);
  if (!m) return undefined;
  const year = Number(m[1]) + (Number(m[1]) < 80 ? 2000 : 1900);
  const [month, day] = [Number(m[2]), Number(m[3])];
  // German banks value closing entries (Abschluss) on the 30th of every month, 30 February
  // included (30/360 interest convention): such a value date means the last day of February.
  if (lenientMonthEnd && month === 2 && (day === 29 || day === 30)) return isoDate(year, 2, daysInMonth(year, 2));
  return isoDate(year, month, day);
}

/**
 * The MMDD entry date of an MT940 :61: line, placed in the year nearest to its value date (a
 * line valued 31 December can be booked 2 January of the next year, and the other way round).
 */
export function swiftEntryDate(mmdd: string, valueDate: string): string | undefined {
  const month = Number(mmdd.slice(0, 2));
  const day = Number(mmdd.slice(2, 4));
  let year = Number(valueDate.slice(0, 4));
  const valueMonth = Number(valueDate.slice(5, 7));
  if (valueMonth === 12 && month === 1) year++;
  else if (valueMonth === 1 && month === 12) year--;
  return isoDate(year, month, day);
}
