import { getGoaeEntry } from '../goae/catalogue';
import { compareFactors } from '../goae/fee';
import { DEFAULT_GOAE_POLICY, type GoaePolicy } from '../goae/policy';

/**
 * Whether an invoice line's factor lies above the threshold of its fee class (§ 5 Abs. 2 GOÄ,
 * § 12 Abs. 3): then the invoice must print the justification.
 */
export function aboveThreshold(code: string | null | undefined, factor: string | null | undefined, policy: GoaePolicy = DEFAULT_GOAE_POLICY): boolean {
  if (!code || !factor) return false;
  const entry = getGoaeEntry(code);
  if (!entry) return false;
  return compareFactors(factor, policy.factors[entry.factorClass].threshold) > 0;
}
