import type { BankLine } from '../bank/bank-line';
import { findInvoiceReferences, type InvoiceReference } from './invoice-references';
import type { MatchingPolicy } from './matching-policy';
import { nearMisses } from './near-miss';

/** Only numbers that look meant as invoice numbers are worth a near-miss search. */
export const NEAR_MISS_REFS = 3;

/**
 * The invoice numbers a credit line names: payers type them into the end-to-end reference too,
 * and our own direct debits carry them there.
 */
export function creditReferences(line: BankLine, policy: MatchingPolicy): InvoiceReference[] {
  return findInvoiceReferences(line.endToEndId ? `${line.remittance} / ${line.endToEndId}` : line.remittance, policy.maxOcrCorrections);
}

/** The numbers with wrong check digits worth a near-miss search. */
export function nearMissCandidates(refs: readonly InvoiceReference[]): InvoiceReference[] {
  return refs.filter((r) => !r.valid).slice(0, NEAR_MISS_REFS);
}

/**
 * Every claim the matcher may look up by number for these lines: the valid numbers the credits
 * name and those one typing error away from the ones with wrong check digits. Known before the
 * matcher runs, so the store loads them at once instead of learning them pass by pass.
 */
export function claimNumbersNamedBy(lines: readonly BankLine[], policy: MatchingPolicy): Set<string> {
  const numbers = new Set<string>();
  for (const line of lines) {
    if (line.kind !== 'CREDIT') continue;
    const refs = creditReferences(line, policy);
    for (const r of refs) if (r.valid) numbers.add(r.number);
    for (const r of nearMissCandidates(refs)) for (const m of nearMisses(r.digits)) numbers.add(m.number);
  }
  return numbers;
}
