import type { BankLine } from '../bank/bank-line';
import type { MatchingPolicy } from './matching-policy';
import { compareNames, nameTokens, samePayerName, type NameVerdict } from './payer-name';
import { normalizeIban } from '../bank/iban';
import type { ClaimView, MatchContext } from './types';

/**
 * Secondary evidence from who sent the money: the IBAN's payment history and the account
 * holder's name, compared with the claim's payer. It raises or lowers a reference's confidence;
 * on its own it never proves which invoice was meant.
 */

export type IbanVerdict = 'known' | 'foreign' | 'new' | 'none';

export interface Evidence {
  delta: number;
  reasons: string[];
}

/**
 * known: this payer paid from it before; foreign: only other payers did; new: nobody did. The
 * household is everyone whose claims one line settles together (family members): an account any
 * of them paid from is theirs.
 */
export function ibanVerdict(line: BankLine, claim: ClaimView, ctx: MatchContext, household: readonly ClaimView[] = [claim]): IbanVerdict {
  if (!line.counterpartyIban) return 'none';
  const iban = normalizeIban(line.counterpartyIban);
  if (household.some((h) => h.payerIbans.some((i) => normalizeIban(i) === iban))) return 'known';
  const others = ctx.claimsByPayerIban(iban);
  if (others.length === 0) return 'new';
  return others.some((c) => household.some((h) => samePayerName(c.payerName, h.payerName))) ? 'known' : 'foreign';
}

const NAME_STRENGTH: Record<NameVerdict, number> = { match: 3, partial: 2, unknown: 1, mismatch: 0 };

/** An insurer or aid office (policy's name fragments) pays for many patients: its name and account say nothing against the payer. */
export function isInstitutionalPayer(holderName: string | undefined, policy: MatchingPolicy): boolean {
  const name = nameTokens(holderName ?? '').join(' ');
  return name.length > 0 && policy.institutionalPayerNames.some((fragment) => name.includes(fragment));
}

export function payerEvidence(line: BankLine, claim: ClaimView, ctx: MatchContext, policy: MatchingPolicy, household: readonly ClaimView[] = [claim]): Evidence {
  const reasons: string[] = [];
  let delta = 0;
  if (isInstitutionalPayer(line.counterpartyName, policy)) {
    // Insurers and aid offices pay their share under the patient's invoice number as a matter of
    // course: such a payer is expected as much as the patient in person.
    return { delta: policy.nameMatchBonus, reasons: [`account holder "${line.counterpartyName}" is an insurer or aid office paying for the payer ${claim.payerName}`] };
  }
  const iban = ibanVerdict(line, claim, ctx, household);
  if (iban === 'known') {
    delta += policy.knownIbanBonus;
    reasons.push(`IBAN ${line.counterpartyIban} has paid claims of ${claim.payerName} before`);
  } else if (iban === 'foreign') {
    delta += policy.foreignIbanPenalty;
    reasons.push(`IBAN ${line.counterpartyIban} has so far paid only other payers' claims, not ${claim.payerName}'s`);
  }
  const name = household.map((h) => compareNames(h.payerName, line.counterpartyName)).reduce((a, b) => (NAME_STRENGTH[b] > NAME_STRENGTH[a] ? b : a));
  if (name === 'match') {
    delta += policy.nameMatchBonus;
    reasons.push(`account holder "${line.counterpartyName}" is the payer ${claim.payerName}`);
  } else if (name === 'partial') {
    reasons.push(`account holder "${line.counterpartyName}" shares a name with the payer ${claim.payerName}`);
  } else if (name === 'mismatch') {
    delta += policy.nameMismatchPenalty;
    reasons.push(`account holder "${line.counterpartyName}" is not the payer ${claim.payerName}`);
  }
  if (iban === 'foreign' && name === 'mismatch') {
    delta += policy.payerContradictionPenalty;
    reasons.push('both IBAN and account holder contradict the payer');
  }
  return { delta, reasons };
}

/**
 * Other claims the money may rather be meant for: the payer's other claims (through the IBANs the
 * payer has paid from) and the claims of whoever paid from the sending account before.
 */
export function neighbourClaims(line: BankLine, claim: ClaimView, ctx: MatchContext): ClaimView[] {
  const seen = new Map<string, ClaimView>();
  for (const iban of claim.payerIbans) {
    for (const c of ctx.claimsByPayerIban(normalizeIban(iban))) {
      if (samePayerName(c.payerName, claim.payerName)) seen.set(c.claimId, c);
    }
  }
  if (line.counterpartyIban) for (const c of ctx.claimsByPayerIban(normalizeIban(line.counterpartyIban))) seen.set(c.claimId, c);
  seen.delete(claim.claimId);
  return [...seen.values()];
}
