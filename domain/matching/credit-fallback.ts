import type { BankLine } from '../bank/bank-line';
import { formatEuro } from '../format';
import { clamp01, referenceEvidence, type Option } from './claim-scoring';
import type { InvoiceReference } from './invoice-references';
import type { MatchingPolicy } from './matching-policy';
import { nearMisses } from './near-miss';
import type { OpenAmounts } from './open-amounts';
import { compareNames } from './payer-name';
import { normalizeIban } from './remittance-scrub';
import type { ClaimView, MatchContext } from './types';

/**
 * Suggestions for a credit without a usable reference: numbers one typing error away from a
 * claim, the IBAN's open claims with exactly this amount, and claims the text names but which are
 * closed. They help staff; apart from the IBAN-and-amount case (see ibanAmountConfidence) none can
 * reach the automatic threshold.
 */

/** Only numbers that look meant as invoice numbers are worth a near-miss search. */
const NEAR_MISS_REFS = 3;

export function nearMissOptions(line: BankLine, refs: readonly InvoiceReference[], ctx: MatchContext, policy: MatchingPolicy, open: OpenAmounts): Option[] {
  const out: Option[] = [];
  for (const ref of refs.filter((r) => !r.valid).slice(0, NEAR_MISS_REFS)) {
    for (const miss of nearMisses(ref.digits)) {
      const claim = ctx.claim(miss.number);
      if (!claim || !open.isPayable(claim)) continue;
      const exact = open.of(claim) === line.amountCents;
      out.push({
        allocations: [{ claimId: claim.claimId, amountCents: line.amountCents }],
        confidence: clamp01(policy.nearMissConfidence + (exact ? policy.exactAmountBonus : 0)),
        reasons: [
          `"${ref.found}" has wrong check digits; ${miss.number} is one typing error away (${miss.correction})`,
          exact ? `amount equals the open amount of ${claim.claimId}` : `open amount of ${claim.claimId} is ${formatEuro(open.of(claim))}`,
        ],
        blocked: 'the invoice number in the text has wrong check digits',
      });
    }
  }
  return out;
}

/** The IBAN's open claims whose open amount equals the line's amount. */
export function ibanAmountOptions(line: BankLine, ctx: MatchContext, policy: MatchingPolicy, open: OpenAmounts): Option[] {
  if (!line.counterpartyIban) return [];
  const fitting = ctx.claimsByPayerIban(normalizeIban(line.counterpartyIban)).filter((c) => open.isPayable(c) && open.of(c) === line.amountCents);
  return fitting.map((claim) => {
    const name = compareNames(claim.payerName, line.counterpartyName);
    const reasons = [`IBAN ${line.counterpartyIban} has paid claims of ${claim.payerName} before`, `amount ${formatEuro(line.amountCents)} equals the open amount of ${claim.claimId}`];
    let confidence = policy.ibanAmountConfidence;
    let blocked: string | undefined;
    if (fitting.length > 1) {
      confidence += policy.competingReferencePenalty;
      blocked = `${fitting.length} open claims of this IBAN have exactly this amount`;
    } else if (name !== 'match') {
      confidence += policy.nameMismatchPenalty;
      blocked = `account holder "${line.counterpartyName ?? ''}" does not confirm the payer ${claim.payerName}`;
    }
    return { allocations: [{ claimId: claim.claimId, amountCents: line.amountCents }], confidence: clamp01(confidence), reasons, blocked };
  });
}

/** A claim the text names that can take no money (closed, or paid off by earlier lines): a refund case for staff. */
export function closedClaimOption(line: BankLine, ref: InvoiceReference, claim: ClaimView, policy: MatchingPolicy): Option {
  const refEv = referenceEvidence(ref, policy);
  const state = claim.open ? 'already paid in full (by earlier lines of this statement)' : 'closed';
  return {
    allocations: [{ claimId: claim.claimId, amountCents: line.amountCents }],
    confidence: clamp01(refEv.score / 2),
    reasons: [refEv.reason, `claim ${claim.claimId} is ${state}`],
    blocked: `claim ${claim.claimId} is ${state}`,
  };
}
