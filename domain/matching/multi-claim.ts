import type { BankLine } from '../bank/bank-line';
import { formatEuro } from '../format';
import { clamp01, scoreClaim, type Option } from './claim-scoring';
import type { InvoiceReference } from './invoice-references';
import type { MatchingPolicy } from './matching-policy';
import type { OpenAmounts } from './open-amounts';
import { sameFamily, samePayerName } from './payer-name';
import type { Allocation, ClaimView, MatchContext } from './types';

export interface LiveReference {
  ref: InvoiceReference;
  claim: ClaimView;
}

/**
 * Options for a line naming several open claims. When the amount is the sum of their open
 * amounts (an excess within the overpayment limit goes to the last), one transfer pays them all.
 * When it falls a little short of the sum (policy's autoBookMaxShortfallCents) and all are one
 * payer's claims of one client, the older invoices are paid first, as the law allocates. Otherwise
 * which claim gets what is a guess: every option is offered, none booked automatically.
 */
export function multiClaimOptions(line: BankLine, live: readonly LiveReference[], ctx: MatchContext, policy: MatchingPolicy, open: OpenAmounts): Option[] {
  const amount = line.amountCents;
  const opens = live.map((l) => open.of(l.claim));
  const sum = opens.reduce((a, b) => a + b, 0);
  const ids = live.map((l) => l.claim.claimId).join(', ');
  if (amount >= sum && amount - sum <= policy.autoBookMaxOverpaymentCents) {
    const payers = live.map((l) => l.claim.payerName);
    const onePayer = payers.every((p) => samePayerName(p, payers[0]));
    // Family members' invoices settled in one transfer naming each: the sender is one of them (or pays for them).
    const family = !onePayer && payers.every((p) => sameFamily(p, payers[0]));
    const household = family ? live.map((l) => l.claim) : undefined;
    const parts = live.map((l, i) => scoreClaim(line, l.ref, l.claim, i === live.length - 1 ? opens[i] + amount - sum : opens[i], ctx, policy, open, household));
    let confidence = Math.min(...parts.map((p) => p.confidence));
    const reasons = [`amount ${formatEuro(amount)} ${amount === sum ? 'equals' : 'slightly exceeds'} the sum ${formatEuro(sum)} of the open amounts of ${ids}`];
    if (family) reasons.push(`the claims belong to one family (${payers.join(', ')})`);
    else if (!onePayer) {
      confidence += policy.nameMismatchPenalty;
      reasons.push('the claims belong to different payers');
    }
    return [{ allocations: parts.flatMap((p) => p.allocations), confidence: clamp01(confidence), reasons: [...reasons, ...parts.flatMap((p) => p.reasons)] }];
  }
  const misfit = `amount ${formatEuro(amount)} is neither one claim's open amount alone nor the sum ${formatEuro(sum)} of the referenced claims ${ids}`;
  const singles = live.map((l) => {
    const o = scoreClaim(line, l.ref, l.claim, amount, ctx, policy, open);
    return { ...o, confidence: clamp01(o.confidence + policy.competingReferencePenalty), reasons: [...o.reasons, `the text also names other open claims (${ids})`], blocked: misfit, rival: undefined };
  });
  if (amount >= sum) return singles;
  const shortfall = sum - amount;
  const oneCreditor = live.every((l) => samePayerName(l.claim.payerName, live[0].claim.payerName) && l.claim.clientId === live[0].claim.clientId);
  if (oneCreditor && shortfall <= policy.autoBookMaxShortfallCents) {
    // The payer settles their invoices but falls a little short (a forgotten fee, a rounding) and
    // says not which one: the law (§ 366 (2) BGB) pays the older debt first. Invoice numbers are
    // issued in sequence, so the lower number is the older invoice.
    const oldestFirst = [...live].sort((a, b) => (a.claim.claimId < b.claim.claimId ? -1 : 1));
    const allocations = fillInOrder(oldestFirst, open, amount);
    const parts = allocations.map((a, i) => scoreClaim(line, oldestFirst[i].ref, oldestFirst[i].claim, a.amountCents, ctx, policy, open));
    const reason = `amount ${formatEuro(amount)} is ${formatEuro(shortfall)} short of the sum ${formatEuro(sum)} of the open amounts of ${ids}: the older invoices are paid first (§ 366 (2) BGB)`;
    return [{ allocations, confidence: Math.min(...parts.map((p) => p.confidence)), reasons: [reason, ...parts.flatMap((p) => p.reasons)] }, ...singles];
  }
  return [...singles, { allocations: fillInOrder(live, open, amount), confidence: Math.min(...singles.map((s) => s.confidence)), reasons: [`paying ${ids} in the order named until the amount runs out`], blocked: misfit }];
}

function fillInOrder(live: readonly LiveReference[], open: OpenAmounts, amount: number): Allocation[] {
  const out: Allocation[] = [];
  let rest = amount;
  for (const l of live) {
    const part = Math.min(rest, open.of(l.claim));
    if (part > 0) out.push({ claimId: l.claim.claimId, amountCents: part });
    rest -= part;
  }
  return out;
}
