import type { Tx } from '../../infra/db/prisma';
import type { BankLine } from '../../domain/bank/bank-line';
import { matchLines } from '../../domain/matching/match-lines';
import type { MatchingPolicy } from '../../domain/matching/matching-policy';
import { memoryMatchContext } from '../../domain/matching/memory-context';
import { claimNumbersNamedBy } from '../../domain/matching/named-claims';
import { ibanSpellings } from '../../domain/bank/iban';
import type { ClaimView, MatchDecision } from '../../domain/matching/types';
import { bookedPaymentsForReturns, claimsPaidFrom, claimViews } from '../../persistence/bank/claim-views';

/** The matcher asks for claims by the ids it reads; loading is repeated at most this often. */
const MAX_PASSES = 4;

/**
 * Runs the matcher over lines with a MatchContext read from the database in a few set-based
 * queries, not one per line. What the matcher will ask for is loaded before it runs: the claims of
 * the senders' IBANs, the claims the texts name (and those one typing error away), and the other
 * claims of those claims' payers. Should it still ask for a claim or an IBAN not loaded, that is
 * loaded and the matcher runs again; it is pure and deterministic, so the last pass's decisions
 * are those of a context holding every claim.
 */
export async function matchWithDatabase(tx: Tx, lines: BankLine[], policy: MatchingPolicy): Promise<MatchDecision[]> {
  const claims = new Map<string, ClaimView>();
  const ibans = new Set<string>();
  const asked = new Set<string>();
  const load = async (ids: Iterable<string>, moreIbans: Iterable<string>) => {
    const newIbans = [...moreIbans].filter((i) => !ibans.has(i));
    for (const i of newIbans) ibans.add(i);
    const newIds = [...ids].filter((id) => !asked.has(id) && !claims.has(id));
    for (const id of newIds) asked.add(id);
    for (const c of await claimsPaidFrom(tx, newIbans)) claims.set(c.claimId, c);
    for (const c of await claimViews(tx, newIds.filter((id) => !claims.has(id)))) claims.set(c.claimId, c);
  };
  await load(claimNumbersNamedBy(lines, policy), lines.flatMap((l) => ibanSpellings(l.counterpartyIban)));
  // The matcher weighs the other claims of a named claim's payer (through the IBANs that payer paid from).
  await load([], [...claims.values()].flatMap((c) => c.payerIbans.flatMap((i) => ibanSpellings(i))));
  const booked = await bookedPaymentsForReturns(tx, lines.filter((l) => l.kind === 'RETURN'));

  for (let pass = 1; ; pass++) {
    const missingIds = new Set<string>();
    const missingIbans = new Set<string>();
    const loaded = memoryMatchContext([...claims.values()], booked);
    const decisions = matchLines(lines, {
      ...loaded,
      claim(id) {
        const c = loaded.claim(id);
        if (!c && !asked.has(id)) missingIds.add(id);
        return c;
      },
      claimsByPayerIban(iban) {
        if (!ibans.has(iban)) missingIbans.add(iban);
        return loaded.claimsByPayerIban(iban);
      },
    }, policy);
    if ((missingIds.size === 0 && missingIbans.size === 0) || pass === MAX_PASSES) return decisions;
    await load(missingIds, missingIbans);
  }
}
