import { condition } from '@temporalio/workflow';
import { durationMs } from '../../domain/duration';
import { db, io } from './claim-activity-proxies';
import type { ClaimRun } from './claim-run';
import { escalateToCollection } from './collection-request';
import { limitationNear } from './limitation-watch';

/**
 * The dunning steps of a claim with an invoice out: waiting for the deadline (due date, next
 * reminder, end of the collection period), installment plans, and escalation.
 */

/** Waits for the current deadline; false when a signal interrupted the wait first. */
export async function waitForDeadline(run: ClaimRun): Promise<boolean> {
  const { s } = run;
  run.publish();
  run.plansChanged = false;
  const interrupted = () => run.paymentPending || run.plansChanged || run.closeRequested();
  if (s.disputed) {
    await condition(interrupted);
    return false;
  }
  const due = s.installments.length > 0 ? s.installments[0].dueAt : (s.nextActionAt ?? Date.now());
  let deadline = Math.max(due, s.pausedUntil ?? 0);
  // Before the lawyer has it, limitation comes first: no pause or plan holds the claim past it.
  if (s.stage !== 'COLLECTION' && s.limitation?.escalateAt != null) deadline = Math.min(deadline, s.limitation.escalateAt);
  const remaining = deadline - Date.now();
  if (remaining <= 0) return true;
  return !(await condition(interrupted, remaining));
}

/** Deadline reached during an installment plan: on track means the rest covers what is open. */
export async function installmentOnTrack(run: ClaimRun): Promise<boolean> {
  const { s } = run;
  await run.refreshBalance();
  const rest = s.installments.slice(1).reduce((sum, i) => sum + i.amountCents, 0);
  if (s.openCents <= rest) {
    s.installments.shift();
    if (s.installments.length === 0) s.nextActionAt = Date.now() + durationMs(run.policy.reminderInterval);
    return true;
  }
  s.installments = [];
  return false;
}

/** The deadline passed during a plan that is on track: nothing to escalate (unless limitation is near). */
export async function plannedPaymentOnTrack(run: ClaimRun): Promise<boolean> {
  return run.s.installments.length > 0 && !limitationNear(run) && (await installmentOnTrack(run));
}

/** The payment deadline (or a reminder's) has passed without full payment: escalate. */
export async function escalate(run: ClaimRun): Promise<void> {
  const { s, claimId, policy } = run;
  if (run.tariff === 'FAELLIGKEITSFACTORING' && !s.purchased) {
    await db.purchaseClaim(claimId);
    s.purchased = true;
    await db.payOut(claimId, 'purchase');
  }
  if (s.dunningLevel < policy.reminderLevels && !limitationNear(run)) {
    s.dunningLevel += 1;
    await run.enter('REMINDER');
    run.publish();
    s.nextActionAt = await io.sendReminder(claimId, s.dunningLevel, policy.reminderInterval);
    await run.refreshBalance();
    run.limitationStale = true;
  } else {
    await escalateToCollection(run);
  }
}

/** The collection period ended unpaid: the claim goes back to the client or is written off. */
export async function closeUncollectible(run: ClaimRun): Promise<void> {
  run.s.outcome = await db.closeUncollectible(run.claimId, run.round);
  await run.refreshBalance();
  await run.enter('PAYOUT');
}
