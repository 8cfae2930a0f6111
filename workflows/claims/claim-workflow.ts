import {
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { RetryPolicy } from '@temporalio/common';
import type { AgreementLetter, ClaimActivities } from '../../activities/claims/claim-activities';
import type { Policy } from '../../domain/policy';
import { durationMs } from '../../domain/duration';
import {
  cancellation,
  ClaimOutcome,
  ClaimStageName,
  ClaimState,
  claimStateQuery,
  deferral,
  dispute,
  installmentAgreement,
  paymentReceived,
} from '../../contracts/claims/claim-messages';
import { ClaimClient, ClaimStage, DunningLevel, OpenAmountCents } from '../../contracts/search-attributes';

// Outages of the database, mail or SFTP server are waited out: the claim resumes where it was.
const retry: RetryPolicy = { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1 minute' };

/** Letters and files leave the building: ordinary activities, each recorded by the server. */
const io = proxyActivities<ClaimActivities>({ startToCloseTimeout: '30 seconds', retry });

/**
 * Short database transactions (stage, bookings, balance) run as local activities: no round trip to
 * the Temporal server per call, which is most of a claim's steps. They are idempotent like the rest.
 */
const db = proxyLocalActivities<ClaimActivities>({ startToCloseTimeout: '30 seconds', localRetryThreshold: '10 seconds', retry });

export interface ClaimWorkflowInput {
  claimId: string;
  /** Set when the workflow continues as new: the state it had reached. */
  state?: ClaimState;
  /** Agreement letters sent so far: numbers their idempotency keys across continue-as-new. */
  agreementLetters?: number;
  /** Letters signals called for that were not sent yet when the workflow continued as new. */
  lettersDue?: LetterDue[];
}

/** A letter a signal calls for, sent from the main loop rather than the handler (one step at a time). */
type LetterDue = AgreementLetter | { kind: 'partial_payment'; paymentId: string };

/**
 * The letters worth sending of those due, in order: an agreement superseded by a newer one of the
 * same kind (staff moved the deferral again before its letter went out) needs no letter of its own.
 */
function currentLetters(due: LetterDue[]): LetterDue[] {
  return due.filter((l, i) => l.kind === 'partial_payment' || !due.slice(i + 1).some((later) => later.kind === l.kind));
}

/** Histories from before these letters existed replay without them. */
const LETTERS_PATCH = 'claim-letters-for-agreements-and-partial-payments';

/** Stages in which the patient has an invoice and owes money. */
const DUNNING_STAGES: ClaimStageName[] = ['WAITING', 'REMINDER', 'COLLECTION'];

/**
 * One claim's life: intake → splitting → purchase → statement → waiting/reminders → collection →
 * payout. Decisions and timers only; every effect is an idempotent activity. Staff and the bank
 * import talk to it through signals (claim-messages.ts); its state is queryable and mirrored in
 * search attributes for the Temporal UI.
 */
export async function claimWorkflow(input: ClaimWorkflowInput): Promise<ClaimOutcome> {
  const { claimId } = input;
  const s: ClaimState = input.state ?? {
    stage: 'INTAKE',
    dunningLevel: 0,
    openCents: 0,
    purchased: false,
    disputed: false,
    installments: [],
    seenPayments: [],
  };
  let paymentPending = false;
  let plansChanged = false;
  let agreementLetters = input.agreementLetters ?? 0;
  const lettersDue: LetterDue[] = [...(input.lettersDue ?? [])];

  setHandler(paymentReceived, (p) => {
    if (s.seenPayments.includes(p.paymentId)) return;
    s.seenPayments.push(p.paymentId);
    paymentPending = true;
    lettersDue.push({ kind: 'partial_payment', paymentId: p.paymentId });
  });
  setHandler(deferral, (d) => {
    s.pausedUntil = Date.parse(d.until);
    plansChanged = true;
    lettersDue.push({ kind: 'deferral', until: d.until });
  });
  setHandler(installmentAgreement, (a) => {
    s.installments = a.installments.map((i) => ({ dueAt: Date.parse(i.dueDate), amountCents: i.amountCents })).sort((x, y) => x.dueAt - y.dueAt);
    plansChanged = true;
    lettersDue.push({ kind: 'installment_agreement', installments: a.installments });
  });
  setHandler(dispute, (d) => {
    s.disputed = d.open;
    plansChanged = true;
  });
  setHandler(cancellation, (c) => {
    s.cancelRequest ??= c;
  });
  setHandler(claimStateQuery, () => s);

  const ctx = await db.loadClaimContext(claimId);
  let policy: Policy = ctx.policy;
  let tariff = ctx.tariff;
  let published = '';

  /**
   * Mirrors the state into search attributes. Called where the claim rests (waits, letters in
   * flight), not on every step: each upsert is a visibility write on the server, and the steps
   * between rests take milliseconds.
   */
  function publish(): void {
    const key = `${s.stage}|${s.dunningLevel}|${s.openCents}|${s.clientId}`;
    if (key === published) return;
    published = key;
    upsertSearchAttributes([
      { key: ClaimStage, value: s.stage },
      { key: DunningLevel, value: s.dunningLevel },
      { key: OpenAmountCents, value: s.openCents },
      ...(s.clientId ? [{ key: ClaimClient, value: s.clientId }] : []),
    ]);
  }

  async function enter(stage: ClaimStageName): Promise<void> {
    s.stage = stage;
    await db.recordStage(claimId, stage, s.dunningLevel, s.outcome);
  }

  async function refreshBalance(): Promise<void> {
    const status = await db.claimStatus(claimId);
    s.openCents = status.openCents;
  }

  /** Waits for the current deadline; false when a signal interrupted the wait first. */
  async function waitForDeadline(): Promise<boolean> {
    publish();
    plansChanged = false;
    const interrupted = () => paymentPending || plansChanged || s.cancelRequest !== undefined;
    if (s.disputed) {
      await condition(interrupted);
      return false;
    }
    const due = s.installments.length > 0 ? s.installments[0].dueAt : (s.nextActionAt ?? Date.now());
    const deadline = Math.max(due, s.pausedUntil ?? 0);
    const remaining = deadline - Date.now();
    if (remaining <= 0) return true;
    return !(await condition(interrupted, remaining));
  }

  /** Deadline reached during an installment plan: on track means the rest covers what is open. */
  async function installmentOnTrack(): Promise<boolean> {
    await refreshBalance();
    const rest = s.installments.slice(1).reduce((sum, i) => sum + i.amountCents, 0);
    if (s.openCents <= rest) {
      s.installments.shift();
      if (s.installments.length === 0) s.nextActionAt = Date.now() + durationMs(policy.reminderInterval);
      return true;
    }
    s.installments = [];
    return false;
  }

  /**
   * Sends the letters signals called for, while the patient has an invoice and owes money (a
   * payment that settled the claim needs none; the main loop reaches here only with money open).
   */
  async function sendLettersDue(): Promise<void> {
    const due = currentLetters(lettersDue.splice(0));
    if (due.length === 0 || !DUNNING_STAGES.includes(s.stage) || !patched(LETTERS_PATCH)) return;
    publish();
    for (const letter of due) {
      if (letter.kind === 'partial_payment') {
        const payBy = s.installments[0]?.dueAt ?? s.nextActionAt ?? Date.now();
        await io.sendPartialPaymentLetter(claimId, letter.paymentId, payBy);
      } else {
        agreementLetters += 1;
        await io.sendAgreementLetter(claimId, `${letter.kind}:${claimId}:${agreementLetters}`, letter);
      }
    }
  }

  /** The payment deadline (or a reminder's) has passed without full payment: escalate. */
  async function escalate(): Promise<void> {
    if (tariff === 'FAELLIGKEITSFACTORING' && !s.purchased) {
      await db.purchaseClaim(claimId);
      s.purchased = true;
      await db.payOut(claimId, 'purchase');
    }
    if (s.dunningLevel < policy.reminderLevels) {
      s.dunningLevel += 1;
      await enter('REMINDER');
      publish();
      s.nextActionAt = await io.sendReminder(claimId, s.dunningLevel, policy.reminderInterval);
      await refreshBalance();
    } else {
      await enter('COLLECTION');
      publish();
      await io.handOffToCollection(claimId);
      s.nextActionAt = Date.now() + durationMs(policy.collectionPeriod);
    }
  }

  while (s.stage !== 'CLOSED') {
    if (s.cancelRequest && !s.outcome && s.stage !== 'PAYOUT') {
      publish();
      await io.cancelClaim(claimId, s.cancelRequest.reason, s.cancelRequest.actor);
      s.outcome = 'CANCELLED';
      await refreshBalance();
      await enter('PAYOUT');
      continue;
    }
    if (paymentPending) {
      paymentPending = false;
      await refreshBalance();
    }
    if (s.openCents <= 0 && DUNNING_STAGES.includes(s.stage)) {
      s.outcome = 'PAID';
      await enter('PAYOUT');
      continue;
    }
    await sendLettersDue();
    const info = workflowInfo();
    if (info.continueAsNewSuggested || info.historyLength > policy.maxHistoryEvents) {
      await continueAsNew<typeof claimWorkflow>({ claimId, state: s, agreementLetters, lettersDue });
    }
    switch (s.stage) {
      case 'INTAKE':
        s.clientId = ctx.clientId;
        await enter('SPLITTING');
        break;
      case 'SPLITTING': {
        const split = await db.splitClaim(claimId);
        s.clientId = split.clientId;
        policy = split.policy;
        tariff = split.tariff;
        await enter('PURCHASE');
        break;
      }
      case 'PURCHASE':
        // The claim enters the books for the client it was split to.
        await db.recogniseClaim(claimId);
        await refreshBalance();
        if (tariff === 'SOFORTFACTORING') {
          await db.purchaseClaim(claimId);
          s.purchased = true;
          await db.payOut(claimId, 'purchase');
        }
        await enter('STATEMENT');
        break;
      case 'STATEMENT': {
        publish();
        s.dueAt = await io.issueInvoice(claimId, policy.paymentTerm);
        s.nextActionAt = s.dueAt;
        await enter('WAITING');
        break;
      }
      case 'WAITING':
      case 'REMINDER':
        if (!(await waitForDeadline())) break;
        if (s.installments.length > 0 && (await installmentOnTrack())) break;
        await escalate();
        break;
      case 'COLLECTION':
        if (!(await waitForDeadline())) break;
        if (s.installments.length > 0 && (await installmentOnTrack())) break;
        s.outcome = await db.closeUncollectible(claimId);
        await refreshBalance();
        await enter('PAYOUT');
        break;
      case 'PAYOUT':
        await db.payOut(claimId, 'final');
        await enter('CLOSED');
        break;
    }
  }
  publish();
  return s.outcome ?? 'PAID';
}
