/**
 * Decimal amount strings → integer cents, exactly: the digits are read as text, never through a
 * float. Banks pad fractions ("18.150" in CAMT, "0000000000000000,00" in MT940); padding zeros are
 * fine, a non-zero digit below the cent is not (it cannot be booked).
 */

export type CentsResult = { ok: true; cents: number } | { ok: false; reason: string };

/** Up to 13 integer digits keeps every amount (and sums of many) exact in a JS number. */
const MAX_INTEGER_DIGITS = 13;

export function decimalToCents(raw: string, separator: '.' | ','): CentsResult {
  const re = separator === '.' ? /^([+-]?)(\d*)(?:\.(\d*))?$/ : /^([+-]?)(\d*)(?:,(\d*))?$/;
  const m = re.exec(raw);
  if (!m || (m[2] === '' && !m[3])) return { ok: false, reason: `'${raw}' is not an amount (digits with '${separator}' as decimal separator)` };
  const whole = m[2].replace(/^0+(?=\d)/, '');
  const fraction = m[3] ?? '';
  if (/[1-9]/.test(fraction.slice(2))) return { ok: false, reason: `'${raw}' has fractions of a cent` };
  if (whole.length > MAX_INTEGER_DIGITS) return { ok: false, reason: `'${raw}' is too large to be an amount` };
  const cents = Number(whole || '0') * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  return { ok: true, cents: m[1] === '-' && cents !== 0 ? -cents : cents };
}

/** "-1234.5" style text for messages: cents shown with two decimals. */
export function formatCents(cents: number, currency: string): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')} ${currency}`;
}
