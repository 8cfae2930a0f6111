import type { Tx } from '../../infra/db/prisma';
import type { BankLine } from '../../domain/bank/bank-line';
import { memoryMatchContext } from '../../domain/matching/memory-context';
import { ibanSpellings } from '../../domain/bank/iban';
import type { ClaimView, MatchContext, MatchDecision } from '../../domain/matching/types';
import { bookedPaymentsForReturns, claimsPaidFrom, claimViews } from '../../persistence/bank/claim-views';

/** The matcher asks for claims by the ids it reads; loading is repeated at most this often. */
const MAX_PASSES = 4;

/**
 * Runs the matcher over lines with a MatchContext read from the database in a few set-based
 * queries, not one per line. The matcher extracts invoice numbers itself (noise, OCR fixes), so
 * the ids it will ask for are not known beforehand: it runs against what is loaded, records the
 * ids it missed, and runs again once they are loaded (normally two passes). It is pure and
 * deterministic, so the last pass's decisions are those of a context holding every claim.
 */
export async function matchWithDatabase(tx: Tx, lines: BankLine[], match: (ctx: MatchContext) => MatchDecision[]): Promise<MatchDecision[]> {
  const claims = new Map<string, ClaimView>();
  const asked = new Set<string>();
  const ibans = new Set(lines.flatMap((l) => ibanSpellings(l.counterpartyIban)));
  for (const c of await claimsPaidFrom(tx, [...ibans])) claims.set(c.claimId, c);
  const booked = await bookedPaymentsForReturns(tx, lines.filter((l) => l.kind === 'RETURN'));

  for (let pass = 1; ; pass++) {
    const missingIds = new Set<string>();
    // The matcher also asks for the other claims of a referenced claim's payer (by that payer's
    // IBANs): the check "the amount fits another claim of the same payer" needs them loaded.
    const missingIbans = new Set<string>();
    const loaded = memoryMatchContext([...claims.values()], booked);
    const decisions = match({
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
    });
    if ((missingIds.size === 0 && missingIbans.size === 0) || pass === MAX_PASSES) return decisions;
    for (const id of missingIds) asked.add(id);
    for (const iban of missingIbans) ibans.add(iban);
    for (const c of await claimViews(tx, [...missingIds])) claims.set(c.claimId, c);
    for (const c of await claimsPaidFrom(tx, [...missingIbans])) claims.set(c.claimId, c);
  }
}
