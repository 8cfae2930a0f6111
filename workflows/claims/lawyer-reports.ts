import { patched } from '@temporalio/workflow';
import type { LawyerProgress, LawyerReportSignal } from '../../contracts/claims/claim-messages';
import { durationMs } from '../../domain/duration';
import { db, io } from './claim-activity-proxies';
import type { ClaimRun } from './claim-run';

/** Histories from before the lawyer's feedback existed replay without it. */
const LAWYER_REPORTS_PATCH = 'lawyer-reports';

/**
 * Acts on the lawyer's reports on a claim in collection, in the order they came (what they book
 * was booked before the signal): money collected or costs added → the balance is looked at again;
 * an installment plan → the plan's due dates are waited for as with staff plans; a dunning order or
 * title → noted (the limitation events are recorded by the booking); uncollectable → written off;
 * returned → back to the client. Every report restarts the time the lawyer may stay silent.
 */
export async function actOnLawyerReports(run: ClaimRun): Promise<void> {
  const { s, claimId } = run;
  const reports = run.lawyerReports.splice(0);
  // A report after the claim left collection (paid meanwhile) was booked; nothing is left to decide.
  if (s.stage !== 'COLLECTION' || !patched(LAWYER_REPORTS_PATCH)) return;
  const lawyer: LawyerProgress = (s.lawyer ??= { seenReports: [] });
  for (const r of reports) {
    lawyer.seenReports.push(r.reportId);
    lawyer.lastReportAt = Date.now();
    const closing = note(run, lawyer, r);
    if (closing) {
      lawyer.closedBecause = closing;
      run.publish();
      s.outcome = r.kind === 'uncollectable' ? await io.writeOffClaim(claimId, r.reason, r.date, undefined, run.round) : await db.closeUncollectible(claimId, run.round);
      await run.refreshBalance();
      await run.enter('PAYOUT');
      return;
    }
  }
  s.nextActionAt = lawyer.lastReportAt! + durationMs(run.policy.collection.silencePeriod);
}

/** Notes a report in the state; returns why the lawyer gave up, when it did. */
function note(run: ClaimRun, lawyer: LawyerProgress, r: LawyerReportSignal): string | undefined {
  switch (r.kind) {
    case 'acknowledged':
      lawyer.acknowledgedOn = r.date;
      return undefined;
    case 'collected':
    case 'costs':
      run.paymentPending = true;
      return undefined;
    case 'installment_plan':
      run.s.installments = r.installments.map((i) => ({ dueAt: Date.parse(i.dueDate), amountCents: i.amountCents }));
      return undefined;
    case 'dunning_order':
      lawyer.dunningOrderOn = r.date;
      return undefined;
    case 'title':
      lawyer.titleOn = r.date;
      return undefined;
    case 'uncollectable':
      return r.reason;
    case 'returned':
      return 'returned';
  }
}

/**
 * The collection deadline passed: while the lawyer works (it reported within the silence period)
 * the claim stays with the lawyer and waits for the next report; true then.
 */
export function lawyerStillWorking(run: ClaimRun): boolean {
  const last = run.s.lawyer?.lastReportAt;
  if (last === undefined || run.s.lawyer?.closedBecause) return false;
  const until = last + durationMs(run.policy.collection.silencePeriod);
  if (Date.now() >= until) return false;
  run.s.nextActionAt = until;
  return true;
}
