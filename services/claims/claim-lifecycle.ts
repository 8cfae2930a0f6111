import type { ClaimOutcome, ClaimStageName } from '../../contracts/claims/claim-messages';
import * as entries from '../../domain/ledger/entries';
import { claimRoundKeys } from '../../domain/claims/claim-round';
import { RECOGNISE_KIND } from '../../domain/interest/receivable-moves';
import { openCents } from '../../domain/ledger/claim-balance';
import { claimBalance } from '../../persistence/ledger';
import { bookOnClaim, claimContext, markPurchased, payOutClaim, recordStage } from '../../persistence/claims/claim-steps';
import { splitClaim } from './split-claim';
import type { Db } from '../../infra/db/prisma';

/**
 * The bookkeeping steps of a claim's life, as its workflow takes them. Each is idempotent: ledger
 * entries carry keys derived from the claim and step, so a retry or a replay books and pays
 * nothing twice.
 */
export function claimLifecycle(db: Db) {
  return {
    context: (claimId: string) => claimContext(db, claimId),

    recordStage: (claimId: string, stage: ClaimStageName, dunningLevel: number, outcome?: ClaimOutcome) => recordStage(db, claimId, stage, dunningLevel, outcome),

    /**
     * Splitting: a record goes to the client of its treating doctor when that is another client;
     * the submitter's split rules divide its liability across clients, with levies per client.
     */
    async split(claimId: string) {
      await splitClaim(db, claimId);
      return claimContext(db, claimId);
    },

    async recognise(claimId: string): Promise<void> {
      await bookOnClaim(db, claimId, `recognise:${claimId}`, RECOGNISE_KIND, `claim ${claimId} arises`, (_b, _p, claim) => entries.recogniseClaim(claim.totalCents));
    },

    async purchase(claimId: string): Promise<void> {
      await bookOnClaim(db, claimId, `purchase:${claimId}`, 'purchase', `factoring purchase of ${claimId}`, (b, p) => entries.purchase(b, p.factoringFeeRate));
      await markPurchased(db, claimId);
    },

    /** The collection period ended unpaid: back to the client (Inkasso) or written off (bought); once per round of the claim. */
    async closeUncollectible(claimId: string, round = 1): Promise<ClaimOutcome> {
      const { claim } = await bookOnClaim(db, claimId, claimRoundKeys(claimId, round).uncollectible, 'uncollectible', `collection of ${claimId} failed`, (b) => entries.uncollectible(b));
      return claim.purchased ? 'WRITTEN_OFF' : 'RETURNED';
    },

    /** Pays out what the client is owed for this claim; `step` names the occasion (purchase, final). */
    payOut: (claimId: string, step: string) => payOutClaim(db, claimId, step),

    async status(claimId: string): Promise<{ openCents: number }> {
      return { openCents: openCents(await claimBalance(db, claimId)) };
    },
  };
}
