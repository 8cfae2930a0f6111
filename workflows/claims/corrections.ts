import { patched } from '@temporalio/workflow';
import type { ClaimRun } from './claim-run';

/** Claims that began before credit notes and re-delivery never take these steps on replay. */
export const CORRECTIONS_PATCH = 'credit-notes-and-redelivery';

/**
 * Staff's corrections, noted by the handlers: a credit note lowered the open amount (the main loop
 * then sees a claim credited in full as settled); a re-delivered invoice restarts the dunning clock
 * from its new due date (§ 12 GOÄ: the fee falls due with a proper invoice). Reminders already
 * sent stay on record: the next one follows the new date.
 */
export async function actOnCorrections(run: ClaimRun): Promise<boolean> {
  if ((!run.creditNoted && run.redeliveryDueAt === undefined) || !patched(CORRECTIONS_PATCH)) return false;
  const { s } = run;
  if (run.creditNoted) {
    run.creditNoted = false;
    await run.refreshBalance();
  }
  const due = run.redeliveryDueAt;
  run.redeliveryDueAt = undefined;
  if (due != null && (s.stage === 'WAITING' || s.stage === 'REMINDER')) {
    s.dueAt = due;
    s.nextActionAt = due;
  }
  return true;
}
