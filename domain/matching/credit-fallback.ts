import type { BankLine } from '../bank/bank-line';
import { formatEuro } from '../format';
import { clamp01, referenceEvidence, type Option } from './claim-scoring';
import type { InvoiceReference } from './invoice-references';
import type { MatchingPolicy } from './matching-policy';
import { nearMissCandidates } from './named-claims';
import { nearMisses } from './near-miss';
import type { OpenAmounts } from './open-amounts';
import { compareNames, samePayerName } from './payer-name';
import { ibanVerdict } from './payer-evidence';
import { normalizeIban } from '../bank/iban';
import type { ClaimView, MatchContext } from './types';

/**
 * Suggestions for a credit without a usable reference: numbers one typing error away from a
 * claim, the IBAN's open claims with exactly this amount, and claims the text names but which are
 * closed. They help staff; only an IBAN-and-amount match free of any doubt (see
 * ibanAmountConfidence) and a near miss the amount and the payer's name confirm (see
 * nearMissConfirmedConfidence) may be booked automatically.
 */

export function nearMissOptions(line: BankLine, refs: readonly InvoiceReference[], ctx: MatchContext, policy: MatchingPolicy, open: OpenAmounts): Option[] {
  const out: { option: Option; claim: ClaimView; exact: boolean }[] = [];
  for (const ref of nearMissCandidates(refs)) {
    for (const miss of nearMisses(ref.digits)) {
      const claim = ctx.claim(miss.number);
      if (!claim || !open.isPayable(claim)) continue;
      const exact = open.of(claim) === line.amountCents;
      const option: Option = {
        allocations: [{ claimId: claim.claimId, amountCents: line.amountCents }],
        confidence: clamp01(policy.nearMissConfidence + (exact ? policy.exactAmountBonus : 0)),
        reasons: [
          `"${ref.found}" has wrong check digits; ${miss.number} is one typing error away (${miss.correction})`,
          exact ? `amount equals the open amount of ${claim.claimId}` : `open amount of ${claim.claimId} is ${formatEuro(open.of(claim))}`,
        ],
        blocked: 'the invoice number in the text has wrong check digits',
      };
      out.push({ option, claim, exact });
    }
  }
  // Invoice numbers are issued in sequence, so a slip often lands on several claims; only one of
  // them may fit the amount exactly, and its payer must be the one who sent the money.
  const exact = out.filter((o) => o.exact);
  const [only] = exact;
  if (exact.length === 1 && compareNames(only.claim.payerName, line.counterpartyName) === 'match' && ibanVerdict(line, only.claim, ctx) !== 'foreign') {
    // A slip of one digit, the exact open amount and the payer's own name: three facts agree on one candidate.
    const confirmed = { ...only.option, confidence: policy.nearMissConfirmedConfidence, reasons: [...only.option.reasons, `account holder "${line.counterpartyName}" is the payer ${only.claim.payerName}`], blocked: undefined };
    return [confirmed, ...out.filter((o) => o !== only).map((o) => o.option)];
  }
  return out.map((o) => o.option);
}

/** Why an IBAN-and-amount match, however plausible, must not be booked without a human. */
function ibanAmountDoubt(line: BankLine, claim: ClaimView, fitting: readonly ClaimView[], ofIban: readonly ClaimView[], refs: readonly InvoiceReference[], open: OpenAmounts, policy: MatchingPolicy): string | undefined {
  if (fitting.length > 1) return `${fitting.length} open claims of this IBAN have exactly this amount`;
  if (compareNames(claim.payerName, line.counterpartyName) !== 'match') return `account holder "${line.counterpartyName ?? ''}" does not confirm the payer ${claim.payerName}`;
  if (ofIban.some((c) => !samePayerName(c.payerName, claim.payerName))) return 'this IBAN has paid claims of several payers';
  // Another open claim the amount could be a part payment of (smaller ones it cannot be meant for),
  // when it is a round sum as payers choose for a part payment: an amount to the cent that is one
  // claim's open amount exactly is that claim's.
  const otherOpen = ofIban.filter((c) => c.claimId !== claim.claimId && open.isPayable(c) && open.of(c) > line.amountCents).length;
  if (otherOpen > 0 && line.amountCents % policy.partPaymentRoundingCents === 0) return `the payer has ${otherOpen} other open claim(s) with more open than this round amount`;
  if (refs.length > 0) return `the text holds a number read as ${refs[0].number}`;
  return undefined;
}

/** The IBAN's open claims whose open amount equals the line's amount. */
export function ibanAmountOptions(line: BankLine, refs: readonly InvoiceReference[], ctx: MatchContext, policy: MatchingPolicy, open: OpenAmounts): Option[] {
  if (!line.counterpartyIban) return [];
  const ofIban = ctx.claimsByPayerIban(normalizeIban(line.counterpartyIban));
  const fitting = ofIban.filter((c) => open.isPayable(c) && open.of(c) === line.amountCents);
  return fitting.map((claim) => {
    const blocked = ibanAmountDoubt(line, claim, fitting, ofIban, refs, open, policy);
    return {
      allocations: [{ claimId: claim.claimId, amountCents: line.amountCents }],
      confidence: clamp01(policy.ibanAmountConfidence + (blocked ? policy.competingReferencePenalty / 2 : 0)),
      reasons: [`IBAN ${line.counterpartyIban} has paid claims of ${claim.payerName} before`, `amount ${formatEuro(line.amountCents)} equals the open amount of ${claim.claimId}`],
      blocked,
    };
  });
}

/** A claim the text names that can take no money (closed, or paid off by earlier lines): a refund case for staff. */
export function closedClaimOption(line: BankLine, ref: InvoiceReference, claim: ClaimView, policy: MatchingPolicy): Option {
  const refEv = referenceEvidence(ref, policy);
  const state = !claim.open ? 'closed' : claim.openCents <= 0 ? 'already paid in full' : 'paid in full by earlier lines of this statement';
  return {
    allocations: [{ claimId: claim.claimId, amountCents: line.amountCents }],
    confidence: clamp01(refEv.score / 2),
    reasons: [refEv.reason, `claim ${claim.claimId} is ${state}`],
    blocked: `claim ${claim.claimId} is ${state}`,
  };
}
