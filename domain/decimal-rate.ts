/**
 * Rates (fees as a share of an amount) are decimal strings in policy data, e.g. "0.035".
 * Multiplying cents by them uses BigInt so no float ever rounds money; the result is rounded
 * half up (kaufmännisch) to the cent.
 */

const DECIMAL = /^(\d+)(?:\.(\d{1,9}))?$/;

export function parseRate(rate: string): { numerator: bigint; denominator: bigint } {
  const m = DECIMAL.exec(rate.trim());
  if (!m) throw new Error(`"${rate}" is not a non-negative decimal with at most 9 places`);
  const fraction = m[2] ?? '';
  return { numerator: BigInt(m[1] + fraction), denominator: 10n ** BigInt(fraction.length) };
}

/** cents × rate, rounded half up (away from zero for negative amounts). */
export function applyRate(cents: number, rate: string): number {
  const { numerator, denominator } = parseRate(rate);
  const negative = cents < 0;
  const product = BigInt(Math.abs(cents)) * numerator;
  const rounded = (product * 2n + denominator) / (denominator * 2n);
  const result = Number(rounded);
  return negative && result !== 0 ? -result : result;
}
