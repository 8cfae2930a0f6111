import { patched } from '@temporalio/workflow';
import type { LetterDue } from '../../contracts/claims/claim-workflow-input';
import { io } from './claim-activity-proxies';
import { ClaimRun } from './claim-run';
import { DUNNING_STAGES } from '../../contracts/claims/claim-messages';

/** Histories from before these letters existed replay without them. */
const LETTERS_PATCH = 'claim-letters-for-agreements-and-partial-payments';

/**
 * The letters worth sending of those due, in order: an agreement superseded by a newer one of the
 * same kind (staff moved the deferral again before its letter went out) needs no letter of its own.
 */
export function currentLetters(due: LetterDue[]): LetterDue[] {
  return due.filter((l, i) => l.kind === 'partial_payment' || !due.slice(i + 1).some((later) => later.kind === l.kind));
}

/**
 * Sends the letters signals called for, while the patient has an invoice and owes money (a
 * payment that settled the claim needs none; the main loop reaches here only with money open).
 */
export async function sendLettersDue(run: ClaimRun): Promise<void> {
  const { s, claimId } = run;
  const due = currentLetters(run.lettersDue.splice(0));
  if (due.length === 0 || !DUNNING_STAGES.includes(s.stage) || !patched(LETTERS_PATCH)) return;
  run.publish();
  for (const letter of due) {
    if (letter.kind === 'partial_payment') {
      const payBy = s.installments[0]?.dueAt ?? s.nextActionAt ?? Date.now();
      await io.sendPartialPaymentLetter(claimId, letter.paymentId, payBy);
    } else {
      run.agreementLetters += 1;
      await io.sendAgreementLetter(claimId, `${letter.kind}:${claimId}:${run.agreementLetters}`, letter);
    }
  }
}
