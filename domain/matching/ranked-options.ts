import type { Option } from './claim-scoring';
import type { Suggestion } from './types';

const allocationKey = (o: Option) => o.allocations.map((a) => `${a.claimId}:${a.amountCents}`).join('+');

/**
 * Options best first, one per distinct allocation: when two routes lead to the same booking (a
 * near-miss number and the IBAN's open claim), the stronger one stays and keeps the other's reasons.
 */
export function rankOptions(options: readonly Option[]): Option[] {
  const byKey = new Map<string, Option>();
  for (const o of [...options].sort((a, b) => b.confidence - a.confidence)) {
    const key = allocationKey(o);
    const kept = byKey.get(key);
    if (!kept) byKey.set(key, { ...o, reasons: [...o.reasons] });
    else for (const r of o.reasons) if (!kept.reasons.includes(r)) kept.reasons.push(r);
  }
  return [...byKey.values()];
}

export function toSuggestion(o: Option): Suggestion {
  return { allocations: o.allocations, confidence: o.confidence, reasons: o.blocked ? [...o.reasons, `not automatic: ${o.blocked}`] : o.reasons };
}
