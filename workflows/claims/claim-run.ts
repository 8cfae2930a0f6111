import { upsertSearchAttributes } from '@temporalio/workflow';
import type { ClaimStageName, ClaimState, LawyerReportSignal } from '../../contracts/claims/claim-messages';
import type { ClaimWorkflowInput, LetterDue } from '../../contracts/claims/claim-workflow-input';
import { ClaimClient, ClaimStage, CollectionDecision, DunningLevel, OpenAmountCents } from '../../contracts/search-attributes';
import type { ClaimActivities } from '../../activities/claims/claim-activities';
import { db } from './claim-activity-proxies';

type ClaimContext = Awaited<ReturnType<ClaimActivities['loadClaimContext']>>;


/**
 * One run of a claim's workflow: the state carried across continue-as-new, what this run's signal
 * handlers noted for the main loop, and the steps every part of the loop shares.
 */
export class ClaimRun {
  readonly claimId: string;
  readonly s: ClaimState;
  /** A payment was signalled: look at the balance. */
  paymentPending = false;
  /** A deferral, installment plan or dispute changed: the current wait starts over. */
  plansChanged = false;
  /** The client's answer to the collection request came: the wait for it ends. */
  collectionAnswered = false;
  /** A credit note lowered the open amount: look at the balance (behind the corrections patch). */
  creditNoted = false;
  /** The invoice was delivered again: the new due date (epoch ms; null: the old one stays), until acted on. */
  redeliveryDueAt: number | null | undefined = undefined;
  /** The limitation date may have moved (a new run, a reminder, a halt): read it before the next wait. */
  limitationStale = true;
  /** The claim's round (1 until staff reopen it): keys its closing and payout steps. */
  readonly round: number;
  /** Agreement letters sent so far: numbers their idempotency keys. */
  agreementLetters: number;
  /** Letters signals called for, sent by the main loop. */
  readonly lettersDue: LetterDue[];
  /** Lawyer reports signalled, acted on by the main loop. */
  readonly lawyerReports: LawyerReportSignal[];
  /** The claim's policy and its client's tariff: loaded by the first step, again after splitting. */
  policy!: ClaimContext['policy'];
  tariff!: ClaimContext['tariff'];
  private published = '';

  constructor(input: ClaimWorkflowInput) {
    this.claimId = input.claimId;
    this.s = input.state ?? { stage: 'INTAKE', dunningLevel: 0, openCents: 0, purchased: false, disputed: false, installments: [], seenPayments: [] };
    this.round = input.round ?? 1;
    this.agreementLetters = input.agreementLetters ?? 0;
    this.lettersDue = [...(input.lettersDue ?? [])];
    this.lawyerReports = [...(input.lawyerReportsDue ?? [])];
  }

  /** Staff asked to end the claim (cancel or write off): every wait ends for the main loop to act. */
  closeRequested(): boolean {
    return this.s.cancelRequest !== undefined || this.s.writeOffRequest !== undefined;
  }

  /** Takes the policy and tariff the claim's client has now. */
  adopt(context: Pick<ClaimContext, 'policy' | 'tariff'>): void {
    this.policy = context.policy;
    this.tariff = context.tariff;
  }

  /**
   * Mirrors the state into search attributes. Called where the claim rests (waits, letters in
   * flight), not on every step: each upsert is a visibility write on the server, and the steps
   * between rests take milliseconds.
   */
  publish(): void {
    const { s } = this;
    const decision = s.collection && (s.collection.answer?.toUpperCase() ?? 'ASKED');
    const key = `${s.stage}|${s.dunningLevel}|${s.openCents}|${s.clientId}|${decision}`;
    if (key === this.published) return;
    this.published = key;
    upsertSearchAttributes([
      { key: ClaimStage, value: s.stage },
      { key: DunningLevel, value: s.dunningLevel },
      { key: OpenAmountCents, value: s.openCents },
      ...(s.clientId ? [{ key: ClaimClient, value: s.clientId }] : []),
      ...(decision ? [{ key: CollectionDecision, value: decision }] : []),
    ]);
  }

  async enter(stage: ClaimStageName): Promise<void> {
    this.s.stage = stage;
    await db.recordStage(this.claimId, stage, this.s.dunningLevel, this.s.outcome);
  }

  async refreshBalance(): Promise<void> {
    const status = await db.claimStatus(this.claimId);
    this.s.openCents = status.openCents;
  }

  /** What the input of a continued run carries. */
  continuation(): ClaimWorkflowInput {
    return { claimId: this.claimId, state: this.s, agreementLetters: this.agreementLetters, lettersDue: this.lettersDue, lawyerReportsDue: this.lawyerReports, ...(this.round > 1 ? { round: this.round } : {}) };
  }
}
