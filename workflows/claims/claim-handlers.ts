import { setHandler } from '@temporalio/workflow';
import { DUNNING_STAGES, cancellation, creditNoted, redelivered, writeOff, claimStateQuery, collectionDecision, deferral, dispute, installmentAgreement, lawyerReport, limitationChanged, paymentReceived } from '../../contracts/claims/claim-messages';
import type { ClaimRun } from './claim-run';

/**
 * What staff, the bank import and the lawyer tell a claim (money is booked before the signal): the
 * handlers only note it in the run; the main loop acts on it one step at a time.
 */
export function handleClaimMessages(run: ClaimRun): void {
  const { s } = run;
  setHandler(paymentReceived, (p) => {
    if (s.seenPayments.includes(p.paymentId)) return;
    s.seenPayments.push(p.paymentId);
    run.paymentPending = true;
    run.lettersDue.push({ kind: 'partial_payment', paymentId: p.paymentId });
  });
  setHandler(deferral, (d) => {
    s.pausedUntil = Date.parse(d.until);
    run.plansChanged = true;
    run.lettersDue.push({ kind: 'deferral', until: d.until });
  });
  setHandler(installmentAgreement, (a) => {
    s.installments = a.installments.map((i) => ({ dueAt: Date.parse(i.dueDate), amountCents: i.amountCents })).sort((x, y) => x.dueAt - y.dueAt);
    run.plansChanged = true;
    run.lettersDue.push({ kind: 'installment_agreement', installments: a.installments });
  });
  setHandler(dispute, (d) => {
    s.disputed = d.open;
    run.plansChanged = true;
  });
  setHandler(cancellation, (c) => {
    s.cancelRequest ??= c;
  });
  setHandler(writeOff, (w) => {
    if (DUNNING_STAGES.includes(s.stage)) s.writeOffRequest ??= w;
  });
  setHandler(lawyerReport, (r) => {
    if (s.lawyer?.seenReports.includes(r.reportId) || run.lawyerReports.some((q) => q.reportId === r.reportId)) return;
    run.lawyerReports.push(r);
    // The current wait starts over: the report may settle the claim or change its deadline.
    run.plansChanged = true;
  });
  setHandler(collectionDecision, (d) => {
    if (s.stage !== 'COLLECTION_REQUEST' || !s.collection) return;
    Object.assign(s.collection, { answer: d.decision, until: d.until ? Date.parse(d.until) : undefined, decidedBy: 'client' });
    run.collectionAnswered = true;
  });
  setHandler(limitationChanged, () => {
    run.limitationStale = true;
    run.plansChanged = true;
  });
  setHandler(creditNoted, () => {
    run.creditNoted = true;
    run.plansChanged = true;
  });
  setHandler(redelivered, (r) => {
    run.redeliveryDueAt = r.dueDate ? Date.parse(r.dueDate) : null;
    run.plansChanged = true;
  });
  setHandler(claimStateQuery, () => s);
}
