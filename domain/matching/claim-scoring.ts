import type { BankLine } from '../bank/bank-line';
import { formatEuro } from '../format';
import type { InvoiceReference } from './invoice-references';
import type { MatchingPolicy } from './matching-policy';
import type { OpenAmounts } from './open-amounts';
import { neighbourClaims, payerEvidence } from './payer-evidence';
import { samePayerName } from './payer-name';
import type { ClaimView, MatchContext, Suggestion } from './types';

/** A way to book a line, scored; `blocked` says why it may not be booked without a human. */
export interface Option extends Suggestion {
  blocked?: string;
  /** Another open claim of the payer or of the sending account whose open amount the line pays exactly. */
  rival?: ClaimView;
}

export function clamp01(x: number): number {
  return Math.min(1, Math.max(0, Math.round(x * 1000) / 1000));
}

/** How far the reference alone can be trusted: check digits right, minus the guessing it took. */
export function referenceEvidence(ref: InvoiceReference, policy: MatchingPolicy): { score: number; reason: string } {
  const score = policy.referenceConfidence - ref.corrections.length * policy.ocrCorrectionPenalty - (ref.prefixed ? 0 : policy.missingPrefixPenalty);
  const how = [ref.corrections.length > 0 ? `OCR: ${ref.corrections.join(', ')}` : '', ref.prefixed ? '' : 'no invoice prefix'].filter(Boolean);
  return { score, reason: `invoice number ${ref.number} found as "${ref.found}"${how.length ? ` (${how.join('; ')})` : ''}, check digits valid` };
}

/** Exact, partial or over-payment of the open amount; an overpayment beyond the policy limit is blocked. */
export function amountEvidence(amount: number, open: number, policy: MatchingPolicy): { delta: number; reason: string; blocked?: string } {
  if (amount === open) return { delta: policy.exactAmountBonus, reason: `amount ${formatEuro(amount)} equals the open amount` };
  if (amount < open) return { delta: policy.partialAmountBonus, reason: `amount ${formatEuro(amount)} is less than the open amount ${formatEuro(open)} (partial payment)` };
  const excess = amount - open;
  const reason = `amount ${formatEuro(amount)} exceeds the open amount ${formatEuro(open)} by ${formatEuro(excess)} (overpayment, excess becomes payer credit)`;
  if (excess > policy.autoBookMaxOverpaymentCents) {
    return { delta: policy.overpaymentBonus, reason, blocked: `overpayment of ${formatEuro(excess)} is above the automatic limit of ${formatEuro(policy.autoBookMaxOverpaymentCents)}` };
  }
  return { delta: policy.overpaymentBonus, reason };
}

/**
 * Scores booking `amount` of the line to the referenced claim: reference strength, amount against
 * the open amount (as reduced by earlier lines), payer evidence, and whether the amount would
 * rather fit another open claim of the same payer or of the sending account. The household is
 * everyone whose claims the line settles together (see payerEvidence).
 */
export function scoreClaim(line: BankLine, ref: InvoiceReference, claim: ClaimView, amount: number, ctx: MatchContext, policy: MatchingPolicy, open: OpenAmounts, household: readonly ClaimView[] = [claim]): Option {
  const refEv = referenceEvidence(ref, policy);
  const openCents = open.of(claim);
  const amountEv = amountEvidence(amount, openCents, policy);
  const payer = payerEvidence(line, claim, ctx, policy, household);
  let confidence = refEv.score + amountEv.delta + payer.delta;
  const reasons = [refEv.reason, amountEv.reason, ...payer.reasons];
  const rival = amount === openCents ? undefined : neighbourClaims(line, claim, ctx).find((c) => open.isPayable(c) && open.of(c) === amount);
  if (rival) {
    confidence += policy.amountFitsOtherClaimPenalty;
    const whose = samePayerName(rival.payerName, claim.payerName) ? 'another claim of the same payer' : `a claim of ${rival.payerName}, who paid from this account before`;
    reasons.push(`the amount equals the open amount of ${rival.claimId}, ${whose}`);
  }
  return { allocations: [{ claimId: claim.claimId, amountCents: amount }], confidence: clamp01(confidence), reasons, blocked: amountEv.blocked, rival };
}
