import { condition, patched } from '@temporalio/workflow';
import type { CollectionAnswerName } from '../../contracts/claims/claim-messages';
import { durationMs } from '../../domain/duration';
import { db, io } from './claim-activity-proxies';
import type { ClaimRun } from './claim-run';
import { closeUncollectible } from './dunning';

/** Histories from before the collection request went straight to the lawyer. */
const COLLECTION_REQUEST_PATCH = 'collection-request-before-handoff';
/** A claim reopened while it waited for the client's answer asks again (histories before reopening never do). */
const REOPENED_REQUEST_PATCH = 'reopened-claim-asks-again';

/**
 * Dunning is exhausted: an Inkasso client is asked first whether the lawyer should pursue the
 * claim (Beitreibungsanfrage); for a bought claim the centre decides by policy.
 */
export async function escalateToCollection(run: ClaimRun): Promise<void> {
  if (!patched(COLLECTION_REQUEST_PATCH)) return handOff(run);
  if (run.s.purchased) {
    const decision = run.policy.collection.purchasedDecision;
    await db.recordCollectionPolicyDecision(run.claimId, `policy:${run.claimId}:purchased`, decision);
    return act(run, decision);
  }
  await ask(run);
}

/** Sends the next round of the request and waits in COLLECTION_REQUEST for the answer. */
async function ask(run: ClaimRun): Promise<void> {
  const { s } = run;
  s.collection = { round: (s.collection?.round ?? 0) + 1, answerBy: Date.now() + durationMs(run.policy.collection.answerWithin) };
  await run.enter('COLLECTION_REQUEST');
  run.publish();
  s.collection.answerBy = await io.sendCollectionRequest(run.claimId, s.collection.round, run.policy.collection.answerWithin);
}

/**
 * The step of a claim waiting for the client's answer: acts on one given, else waits for it (or
 * for a "wait" to end); a payment or cancellation interrupts the wait for the main loop.
 */
export async function awaitCollectionDecision(run: ClaimRun): Promise<void> {
  const { s } = run;
  const c = s.collection!;
  // Reopened in COLLECTION_REQUEST: the state from the database has no request of this round yet.
  if (c.answerBy === 0 && patched(REOPENED_REQUEST_PATCH)) return ask(run);
  if (c.answer === 'pursue' || c.answer === 'return') return act(run, c.answer);
  run.publish();
  run.collectionAnswered = false;
  const interrupted = () => run.collectionAnswered || run.paymentPending || run.closeRequested();
  const remaining = (c.answer === 'wait' ? c.until! : c.answerBy) - Date.now();
  if (remaining > 0 && (await condition(interrupted, remaining))) return;
  if (c.answer === 'wait' && run.policy.collection.afterWait === 'ask') return ask(run);
  const decision = c.answer === 'wait' ? 'pursue' : run.policy.collection.defaultAnswer;
  await db.recordCollectionPolicyDecision(run.claimId, `policy:${run.claimId}:${c.round}`, decision);
  Object.assign(c, { answer: decision, decidedBy: 'policy' });
  await act(run, decision);
}

function act(run: ClaimRun, decision: Exclude<CollectionAnswerName, 'wait'>): Promise<void> {
  return decision === 'pursue' ? handOff(run) : closeUncollectible(run);
}

/** The claim goes to the lawyer; the collection period starts. */
async function handOff(run: ClaimRun): Promise<void> {
  await run.enter('COLLECTION');
  run.publish();
  await io.handOffToCollection(run.claimId);
  run.s.nextActionAt = Date.now() + durationMs(run.policy.collectionPeriod);
}
