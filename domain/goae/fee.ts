/**
 * GOÄ fee arithmetic in integer cents (§ 5 Abs. 1 GOÄ):
 *   fee = points × point value × factor, rounded half-up to the cent.
 * Everything is done with BigInt fractions; decimals come in as strings.
 */
import { parseRate } from '../decimal-rate';
import type { InpatientReduction } from '../intake/types';
import { DEFAULT_GOAE_POLICY, type GoaePolicy } from './policy';

export { DEFAULT_GOAE_POLICY } from './policy';
export type { GoaePolicy, FactorClass, FactorBounds } from './policy';

/**
 * A factor (Steigerungsfaktor) as an integer number of hundredths: "2.3" -> 230, "1.15" -> 115.
 * Rejects more than 2 decimals, zero and negative values, and anything that is not a decimal.
 */
export function parseFactor(factor: string): number {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(factor.trim());
  if (!m) throw new Error(`factor "${factor}" is not a decimal with at most 2 decimals`);
  const hundredths = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (hundredths <= 0) throw new Error(`factor "${factor}" must be greater than 0`);
  return hundredths;
}

/** num/den rounded half-up (kaufmännisch); both non-negative. */
function roundHalfUp(num: bigint, den: bigint): bigint {
  return (2n * num + den) / (2n * den);
}

/**
 * The fee of a line in cents. Rounding is per single service: the single fee is rounded to the
 * cent, then multiplied by `count`. This is how invoices show it (unit amount × count = line
 * amount, each figure in whole cents), so the printed line always adds up; rounding the product
 * instead could differ by up to count/2 cents from unit × count.
 */
export function feeCents(points: number, factor: string, count = 1, policy: GoaePolicy = DEFAULT_GOAE_POLICY): number {
  if (!Number.isInteger(points) || points < 0) throw new Error(`points ${points} must be a non-negative integer`);
  if (!Number.isInteger(count) || count < 1) throw new Error(`count ${count} must be a positive integer`);
  const pv = parseRate(policy.pointValueCent);
  const f = BigInt(parseFactor(factor));
  const unit = roundHalfUp(BigInt(points) * pv.numerator * f, pv.denominator * 100n);
  return Number(unit) * count;
}

/**
 * The single fee of a percentage surcharge (441, 5298): `percent` of the simple fee of the service
 * it belongs to (basePoints × point value), times the surcharge's own factor, rounded half-up, and
 * at most maxCents where the schedule sets a ceiling.
 */
export function percentSurchargeCents(basePoints: number, percent: number, factor: string, maxCents: number | undefined, policy: GoaePolicy = DEFAULT_GOAE_POLICY): number {
  if (!Number.isInteger(basePoints) || basePoints < 0) throw new Error(`points ${basePoints} must be a non-negative integer`);
  const pv = parseRate(policy.pointValueCent);
  const f = BigInt(parseFactor(factor));
  const cents = Number(roundHalfUp(BigInt(basePoints) * pv.numerator * BigInt(percent) * f, pv.denominator * 100n * 100n));
  return maxCents === undefined ? cents : Math.min(cents, maxCents);
}

/**
 * § 6a GOÄ reduction in cents for an amount: 25 % or 15 %; 0 for 'none'. The reduced fee is what
 * is rounded half-up (40.22 × 0.75 = 30.165 → 30.17), as practice software states it; the
 * reduction is the rest (10.05), so rounding a half cent never goes against the patient's invoice.
 */
export function inpatientReductionCents(cents: number, reduction: InpatientReduction): number {
  if (!Number.isInteger(cents) || cents < 0) throw new Error(`amount ${cents} must be a non-negative integer of cents`);
  if (reduction === 'none') return 0;
  const kept = BigInt(reduction === '25' ? 75 : 85);
  return cents - Number(roundHalfUp(BigInt(cents) * kept, 100n));
}

/**
 * The amount after the § 6a reduction. Apply it to fees (and their surcharges) only: expenses
 * (§ 10 GOÄ) are charged at cost and never reduced.
 */
export function applyInpatientReduction(cents: number, reduction: InpatientReduction): number {
  return cents - inpatientReductionCents(cents, reduction);
}

/** Compares two factor strings exactly: negative, 0 or positive like a sort comparator. */
export function compareFactors(a: string, b: string): number {
  return parseFactor(a) - parseFactor(b);
}
