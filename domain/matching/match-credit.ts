import type { BankLine } from '../bank/bank-line';
import { formatEuro } from '../format';
import { clamp01, scoreClaim, type Option } from './claim-scoring';
import { closedClaimOption, ibanAmountOptions, nearMissOptions } from './credit-fallback';
import type { MatchingPolicy } from './matching-policy';
import { multiClaimOptions, type LiveReference } from './multi-claim';
import { creditReferences } from './named-claims';
import type { OpenAmounts } from './open-amounts';
import { neighbourClaims } from './payer-evidence';
import { rankOptions, toSuggestion } from './ranked-options';
import type { MatchContext, MatchDecision } from './types';

/**
 * Claims the line may be meant for although the text names another: one whose open amount the
 * line pays exactly (the rival), or one that together with the named claim makes up the amount
 * (a payer settling two invoices but quoting one). Suggestions for staff, never booked.
 */
function unnamedClaimOptions(line: BankLine, named: LiveReference, option: Option, ctx: MatchContext, policy: MatchingPolicy, open: OpenAmounts): Option[] {
  const weaker = clamp01(policy.ibanAmountConfidence + policy.competingReferencePenalty);
  const out: Option[] = [];
  if (option.rival) {
    out.push({
      allocations: [{ claimId: option.rival.claimId, amountCents: line.amountCents }],
      confidence: weaker,
      reasons: [`amount ${formatEuro(line.amountCents)} equals the open amount of ${option.rival.claimId} (${option.rival.payerName})`, `but the text names ${named.ref.number}`],
      blocked: 'the text names another claim',
    });
  }
  const namedOpen = open.of(named.claim);
  if (line.amountCents > namedOpen) {
    for (const other of neighbourClaims(line, named.claim, ctx)) {
      if (!open.isPayable(other) || namedOpen + open.of(other) !== line.amountCents) continue;
      out.push({
        allocations: [
          { claimId: named.claim.claimId, amountCents: namedOpen },
          { claimId: other.claimId, amountCents: open.of(other) },
        ],
        confidence: weaker,
        reasons: [`amount ${formatEuro(line.amountCents)} equals the open amounts of ${named.claim.claimId} and ${other.claimId} (${other.payerName}) together`],
        blocked: `the text names only ${named.ref.number}`,
      });
    }
  }
  return out;
}

/** The options for money coming in, before deciding: from the references found, else from fallbacks. */
function creditOptions(line: BankLine, ctx: MatchContext, policy: MatchingPolicy, open: OpenAmounts): { options: Option[]; notes: string[] } {
  const refs = creditReferences(line, policy);
  const notes: string[] = [];
  const options: Option[] = [];
  const live: LiveReference[] = [];
  for (const ref of refs.filter((r) => r.valid)) {
    const claim = ctx.claim(ref.number);
    if (!claim) notes.push(`${ref.number} (found as "${ref.found}") has valid check digits but is no claim of ours`);
    else if (!open.isPayable(claim)) options.push(closedClaimOption(line, ref, claim, policy));
    else live.push({ ref, claim });
  }
  if (live.length === 1) {
    const option = scoreClaim(line, live[0].ref, live[0].claim, line.amountCents, ctx, policy, open);
    options.push(option, ...unnamedClaimOptions(line, live[0], option, ctx, policy, open));
  } else if (live.length > 1) {
    options.push(...multiClaimOptions(line, live, ctx, policy, open));
  } else {
    if (!refs.some((r) => r.valid)) notes.push(refs.length ? `no invoice number with valid check digits in "${line.remittance}"` : `no invoice number in "${line.remittance}"`);
    options.push(...nearMissOptions(line, refs, ctx, policy, open), ...ibanAmountOptions(line, refs, ctx, policy, open));
  }
  return { options, notes };
}

/**
 * Decides a credit line: book the best option when it is unblocked, reaches the policy's
 * confidence and no second option reaches it too (two plausible matches mean a human decides);
 * otherwise queue it with every option ranked as suggestions.
 */
export function matchCredit(line: BankLine, ctx: MatchContext, policy: MatchingPolicy, open: OpenAmounts): MatchDecision {
  if (line.amountCents <= 0) {
    return { action: 'QUEUE', confidence: 0, reasons: [`credit line with amount ${formatEuro(line.amountCents)}: nothing to pay a claim with`], suggestions: [] };
  }
  const { options, notes } = creditOptions(line, ctx, policy, open);
  const ranked = rankOptions(options);
  const [best, second] = ranked;
  const threshold = policy.autoBookMinConfidence;
  if (best && !best.blocked && best.confidence >= threshold && !(second && second.confidence >= threshold)) {
    open.book(best.allocations);
    return { action: 'BOOK', confidence: best.confidence, allocations: best.allocations, reasons: [...best.reasons, ...notes], suggestions: ranked.slice(1, 1 + policy.maxSuggestions).map(toSuggestion) };
  }
  const why = !best
    ? 'no claim found'
    : best.blocked
      ? `best match not automatic: ${best.blocked}`
      : second && second.confidence >= threshold
        ? 'two matches are equally plausible'
        : `best match confidence ${best.confidence} is below ${threshold}`;
  return { action: 'QUEUE', confidence: best?.confidence ?? 0, reasons: [...notes, why], suggestions: ranked.slice(0, policy.maxSuggestions).map(toSuggestion) };
}
