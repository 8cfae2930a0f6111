/** Claims whose workflow still watches the balance: the only ones a payment can be booked on or taken back from. */
const WATCHING_STAGES = ['WAITING', 'REMINDER', 'COLLECTION_REQUEST', 'COLLECTION'];

/** A claim in a watching stage with no outcome yet (a return can reopen what is open on it). */
export function watchesBalance(claim: { stage: string; outcome: string | null }): boolean {
  return !claim.outcome && WATCHING_STAGES.includes(claim.stage);
}
