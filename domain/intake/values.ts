/**
 * Value parsers shared by the PADneXt and CSV readers. Each returns the normalised value or a
 * reason string, so callers can attach the reason to the right field. Money is parsed from its
 * decimal string straight into integer cents: no float ever holds an amount.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2199) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** xs:date as PADneXt writes it: yyyy-mm-dd, optionally with a timezone suffix (ignored). */
export function parseXsdDate(raw: string): Parsed<string> {
  const m = /^(\d{4})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?$/.exec(raw.trim());
  if (!m) return fail(`'${raw}' is not a date in the form yyyy-mm-dd`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(y, mo, d) ? ok(iso(y, mo, d)) : fail(`'${raw}' is not a valid calendar date`);
}

/** CSV dates as German Excel writes them (dd.mm.yyyy, leading zeros optional) or ISO yyyy-mm-dd. */
export function parseFlexibleDate(raw: string): Parsed<string> {
  const s = raw.trim();
  const de = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (de) {
    const [d, mo, y] = [Number(de[1]), Number(de[2]), Number(de[3])];
    return isRealDate(y, mo, d) ? ok(iso(y, mo, d)) : fail(`'${raw}' is not a valid calendar date`);
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return parseXsdDate(s);
  return fail(`'${raw}' is not a date (expected dd.mm.yyyy or yyyy-mm-dd)`);
}

/**
 * A Steigerungsfaktor as a canonical decimal string: "2,3" / "2.30" → "2.3", "3" → "3.0".
 * Up to 6 fraction digits (the PADneXt faktor facet); must be above zero.
 */
export function parseFactor(raw: string, allowComma: boolean): Parsed<string> {
  const s = raw.trim();
  const re = allowComma ? /^(\d{1,2})(?:[.,](\d{1,6}))?$/ : /^(\d{1,2})(?:\.(\d{1,6}))?$/;
  const m = re.exec(s);
  if (!m) return fail(`'${raw}' is not a decimal factor (e.g. ${allowComma ? '2,3 or 2.3' : '2.3'})`);
  const intPart = String(Number(m[1]));
  const frac = (m[2] ?? '').replace(/0+$/, '') || '0';
  if (intPart === '0' && /^0+$/.test(frac)) return fail(`factor '${raw}' must be greater than zero`);
  return ok(`${intPart}.${frac}`);
}

/** xs:decimal money with at most 2 fraction digits (Betrag.Typ), e.g. "12.5" → 1250 cents. */
export function parseXsdAmount(raw: string): Parsed<number> {
  const m = /^\+?(\d{1,7})(?:\.(\d{0,2}))?$/.exec(raw.trim());
  if (!m) return fail(`'${raw}' is not an amount (e.g. 12.50, at most 2 decimals, not negative)`);
  return ok(Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')));
}

/**
 * German spreadsheet money: "12,50", "1.234,56", "12,5", "12" and a trailing € / EUR.
 * Without a comma a dot is only taken as the decimal point when 1–2 digits follow it; "1.234" is
 * refused as ambiguous (thousands or decimals?) rather than guessed.
 */
export function parseGermanAmount(raw: string): Parsed<number> {
  const s = raw.trim().replace(/\s*(€|EUR)$/i, '').replace(/\s/g, '');
  let whole: string;
  let frac = '';
  const withComma = /^(\d{1,3}(?:\.\d{3})+|\d+),(\d{1,2})$/.exec(s);
  const dotDecimal = /^(\d+)\.(\d{1,2})$/.exec(s);
  if (withComma) [whole, frac] = [withComma[1].replace(/\./g, ''), withComma[2]];
  else if (/^\d{1,3}(?:\.\d{3})+$/.test(s)) return fail(`amount '${raw}' is ambiguous: write 1234,00 or 1.234,00`);
  else if (dotDecimal) [whole, frac] = [dotDecimal[1], dotDecimal[2]];
  else if (/^\d+$/.test(s)) whole = s;
  else return fail(`'${raw}' is not an amount (e.g. 12,50)`);
  if (whole.length > 7) return fail(`amount '${raw}' is too large`);
  return ok(Number(whole) * 100 + Number(frac.padEnd(2, '0')));
}

/** A positive whole number (anzahl): "1", "03"; no decimals, no sign. */
export function parsePositiveInt(raw: string, max = 9999): Parsed<number> {
  const s = raw.trim();
  if (!/^\d+$/.test(s) || Number(s) < 1 || Number(s) > max) return fail(`'${raw}' is not a whole number between 1 and ${max}`);
  return ok(Number(s));
}

/** Cents as a German display amount for messages: 1250 → "12,50". */
export function formatCents(cents: number): string {
  return `${Math.trunc(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
}
