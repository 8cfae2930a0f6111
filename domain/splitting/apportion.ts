/**
 * Largest-remainder apportionment: `total` cents divided in proportion to `weights` so that the
 * parts are whole cents and sum to `total` exactly. Each part gets the floor of its exact share;
 * the cents left over go one each to the largest fractional remainders (ties: the later part,
 * so the rest lands on the last/treating share). A negative total is apportioned as its mirror.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0) {
    if (total !== 0) throw new Error(`cannot apportion ${total} cents over no parts`);
    return [];
  }
  if (total < 0) return apportion(-total, weights).map((p) => (p === 0 ? 0 : -p));
  const sum = weights.reduce((s, w) => s + w, 0);
  // Without weight (every share zero) the whole amount is the last part's.
  if (sum === 0) return weights.map((_, i) => (i === weights.length - 1 ? total : 0));
  const t = BigInt(total);
  const s = BigInt(sum);
  const floors = weights.map((w) => (t * BigInt(w)) / s);
  const remainders = weights.map((w, i) => ({ i, r: (t * BigInt(w)) % s }));
  let left = total - Number(floors.reduce((a, b) => a + b, 0n));
  remainders.sort((a, b) => (a.r === b.r ? b.i - a.i : a.r > b.r ? -1 : 1));
  const parts = floors.map(Number);
  for (const { i } of remainders) {
    if (left === 0) break;
    parts[i] += 1;
    left -= 1;
  }
  return parts;
}

/** The floor of cents × rate (a share's or a levy's percentage: the cent lost goes to the rest). */
export function rateFloor(cents: number, numerator: bigint, denominator: bigint): number {
  return Number((BigInt(cents) * numerator) / denominator);
}
