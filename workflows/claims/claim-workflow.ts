import { continueAsNew, workflowInfo } from '@temporalio/workflow';
import { DUNNING_STAGES, type ClaimOutcome } from '../../contracts/claims/claim-messages';
import type { ClaimWorkflowInput } from '../../contracts/claims/claim-workflow-input';
import { db, io } from './claim-activity-proxies';
import { handleClaimMessages } from './claim-handlers';
import { sendLettersDue } from './claim-letters';
import { ClaimRun } from './claim-run';
import { closeUncollectible, escalate, plannedPaymentOnTrack, waitForDeadline } from './dunning';
import { actOnLawyerReports, lawyerStillWorking } from './lawyer-reports';
import { awaitCollectionDecision } from './collection-request';
import { watchLimitation } from './limitation-watch';
import { roundKey } from '../../domain/claims/claim-round';
import { actOnCorrections } from './corrections';

/**
 * One claim's life: intake → splitting → purchase → statement → waiting/reminders → collection
 * request (Inkasso) → collection → payout; a claim staff reopen lives another round from the stage
 * it was closed from (its state built from the database). Decisions and timers only; every effect is an
 * idempotent activity. Staff, the bank import and the lawyer's feedback talk to it through signals
 * (contracts/claims/claim-messages.ts); its state is queryable and mirrored in search attributes
 * for the Temporal UI.
 */
export async function claimWorkflow(input: ClaimWorkflowInput): Promise<ClaimOutcome> {
  const run = new ClaimRun(input);
  // Installed before the first await: no signal is missed.
  handleClaimMessages(run);
  const ctx = await db.loadClaimContext(input.claimId);
  run.adopt(ctx);
  await mainLoop(run, ctx.clientId);
  run.publish();
  return run.s.outcome ?? 'PAID';
}

/** Acts on what the handlers noted, then takes the step of the claim's stage; until it is closed. */
async function mainLoop(run: ClaimRun, contextClientId: string): Promise<void> {
  const { s, claimId } = run;
  while (s.stage !== 'CLOSED') {
    if (s.cancelRequest && !s.outcome && s.stage !== 'PAYOUT') {
      run.publish();
      await io.cancelClaim(claimId, s.cancelRequest.reason, s.cancelRequest.actor, run.round, s.cancelRequest.cause);
      s.outcome = 'CANCELLED';
      await run.refreshBalance();
      await run.enter('PAYOUT');
      continue;
    }
    if (s.writeOffRequest && !s.outcome && DUNNING_STAGES.includes(s.stage)) {
      const w = s.writeOffRequest;
      run.publish();
      s.outcome = await io.writeOffClaim(claimId, w.reason, w.on, { actor: w.actor, note: w.note }, run.round);
      await run.refreshBalance();
      await run.enter('PAYOUT');
      continue;
    }
    if (run.lawyerReports.length > 0) {
      await actOnLawyerReports(run);
      continue;
    }
    if (await actOnCorrections(run)) continue;
    if (run.paymentPending) {
      run.paymentPending = false;
      await run.refreshBalance();
    }
    if (s.openCents <= 0 && DUNNING_STAGES.includes(s.stage)) {
      s.outcome = 'PAID';
      await run.enter('PAYOUT');
      continue;
    }
    await sendLettersDue(run);
    const info = workflowInfo();
    if (info.continueAsNewSuggested || info.historyLength > run.policy.maxHistoryEvents) {
      await continueAsNew<typeof claimWorkflow>(run.continuation());
    }
    await step(run, contextClientId);
  }
}

/** The step of the claim's current stage. */
async function step(run: ClaimRun, contextClientId: string): Promise<void> {
  const { s, claimId } = run;
  switch (s.stage) {
    case 'INTAKE':
      s.clientId = contextClientId;
      await run.enter('SPLITTING');
      break;
    case 'SPLITTING': {
      const split = await db.splitClaim(claimId);
      s.clientId = split.clientId;
      run.adopt(split);
      await run.enter('PURCHASE');
      break;
    }
    case 'PURCHASE':
      // The claim enters the books for the client it was split to.
      await db.recogniseClaim(claimId);
      await run.refreshBalance();
      if (run.tariff === 'SOFORTFACTORING') {
        await db.purchaseClaim(claimId);
        s.purchased = true;
        await db.payOut(claimId, 'purchase');
      }
      await run.enter('STATEMENT');
      break;
    case 'STATEMENT':
      run.publish();
      s.dueAt = await io.issueInvoice(claimId, run.policy.paymentTerm);
      s.nextActionAt = s.dueAt;
      await run.enter('WAITING');
      break;
    case 'WAITING':
    case 'REMINDER':
      await watchLimitation(run);
      if (!(await waitForDeadline(run))) break;
      if (await plannedPaymentOnTrack(run)) break;
      await escalate(run);
      break;
    case 'COLLECTION_REQUEST':
      await watchLimitation(run);
      await awaitCollectionDecision(run);
      break;
    case 'COLLECTION':
      if (!(await waitForDeadline(run))) break;
      if (await plannedPaymentOnTrack(run)) break;
      if (lawyerStillWorking(run)) break;
      await closeUncollectible(run);
      break;
    case 'PAYOUT':
      await db.payOut(claimId, roundKey('final', run.round));
      await run.enter('CLOSED');
      break;
  }
}
