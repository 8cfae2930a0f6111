/**
 * A claim's rounds: a claim lives its first round from intake to its close; each reopening starts
 * another. The steps that close a claim and pay it out happen once per round, so their
 * idempotency keys carry the round. Round 1 keeps the keys it always had: claims in flight and
 * the recorded histories use them.
 */

/** `key` in round `round`: unchanged in round 1, `<key>#r<round>` after a reopening. */
export function roundKey(key: string, round: number): string {
  if (!Number.isInteger(round) || round < 1) throw new Error(`a claim's round is 1, 2, 3 …, not ${round}`);
  return round === 1 ? key : `${key}#r${round}`;
}

/** The keys of the once-per-round steps of a claim. */
export function claimRoundKeys(claimId: string, round: number) {
  return {
    /** The write-off's ledger entry. */
    writeOff: roundKey(`write-off:${claimId}`, round),
    /** The client's letter about the write-off. */
    writeOffNotice: roundKey(`write-off-notice:${claimId}`, round),
    /** The collection period ended unpaid (back to the client, or the centre's loss). */
    uncollectible: roundKey(`uncollectible:${claimId}`, round),
    /** The credit note of a cancellation and its letter. */
    cancel: roundKey(`cancel:${claimId}`, round),
    cancellationLetter: roundKey(`cancellation:${claimId}`, round),
    /** The payout step at the claim's close (`payout:<claim>:<step>`, levies `levy:<id>:<step>`). */
    finalPayoutStep: roundKey('final', round),
  };
}

/** The entry that reverses round `round - 1`'s close when the claim is reopened into round `round`. */
export const reopenKey = (claimId: string, round: number) => `reopen:${claimId}:${round}`;
