import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { LawyerReport } from '../../domain/collection/lawyer-report';
import type { WriteOffReason } from '../../domain/collection/write-off-reason';

/**
 * The messages a claim workflow understands. Money is booked before the signal is sent (by the
 * REST API or the bank import); the signal tells the workflow to look at the claim's balance.
 */

export interface PaymentSignal {
  /** The booked payment's id: a repeated signal for the same payment changes nothing. */
  paymentId: string;
  amountCents: number;
}
export interface DeferralSignal {
  /** ISO date-time until which dunning pauses. */
  until: string;
  reason: string;
}
export interface InstallmentSignal {
  installments: Array<{ dueDate: string; amountCents: number }>;
}
export interface DisputeSignal {
  open: boolean;
  reason: string;
}
/** Why a claim is cancelled, as recourse distinguishes it: staff's cancellation or a dispute the centre lost. */
export type CancellationCause = 'cancellation' | 'lost_dispute';
export interface CancellationSignal {
  reason: string;
  actor: string;
  /** Absent on signals sent before disputes could be lost: a cancellation. */
  cause?: CancellationCause;
}
/** Staff write the claim off (recorded and audited before the signal): why, and who. */
export interface WriteOffSignal {
  reason: WriteOffReason;
  note: string;
  actor: string;
  /** ISO date of the decision (the letter's date of it). */
  on: string;
}

/** Staff issued a partial credit note (booked before the signal): the open amount fell. */
export interface CreditNoteSignal {
  creditNoteId: string;
  amountCents: number;
}
/** The invoice was delivered again to a corrected address (Neuzustellung), recorded before the signal. */
export interface RedeliverySignal {
  /** ISO date-time of the new due date the dunning clock restarts from; null when policy keeps the old one. */
  dueDate: string | null;
}

export type CollectionAnswerName = 'pursue' | 'return' | 'wait';
/** The client's answer to the collection request, recorded (CollectionDecision) before the signal. */
export interface CollectionDecisionSignal {
  decision: CollectionAnswerName;
  /** wait: until then (ISO date or date-time). */
  until?: string;
  decisionId: string;
}

export interface LimitationChangedSignal {
  /** The event's kind, e.g. NEGOTIATION. */
  kind: string;
}

export const paymentReceived = defineSignal<[PaymentSignal]>('paymentReceived');
export const deferral = defineSignal<[DeferralSignal]>('deferral');
export const installmentAgreement = defineSignal<[InstallmentSignal]>('installmentAgreement');
export const dispute = defineSignal<[DisputeSignal]>('dispute');
export const cancellation = defineSignal<[CancellationSignal]>('cancellation');
export const writeOff = defineSignal<[WriteOffSignal]>('writeOff');
export const creditNoted = defineSignal<[CreditNoteSignal]>('creditNoted');
export const redelivered = defineSignal<[RedeliverySignal]>('redelivered');
export const collectionDecision = defineSignal<[CollectionDecisionSignal]>('collectionDecision');
/** An event that moves the limitation date was recorded (negotiations, a dunning order, a title). */
export const limitationChanged = defineSignal<[LimitationChangedSignal]>('limitationChanged');

/** A lawyer's report on a claim in collection (what it books is booked before the signal). */
export type LawyerReportSignal = LawyerReport & {
  /** The stored report's id: a repeated signal for the same report changes nothing. */
  reportId: string;
};
export const lawyerReport = defineSignal<[LawyerReportSignal]>('lawyerReport');

/** What the lawyer reported so far on a claim in collection. */
export interface LawyerProgress {
  /** Reports acted on (ids), so a repeated signal is ignored. */
  seenReports: string[];
  acknowledgedOn?: string;
  /** When the last report arrived (epoch ms): the silence period counts from here. */
  lastReportAt?: number;
  dunningOrderOn?: string;
  titleOn?: string;
  /** Why the lawyer gave up (uncollectable reason, or "returned"). */
  closedBecause?: string;
}

export type ClaimStageName =
  | 'INTAKE'
  | 'SPLITTING'
  | 'PURCHASE'
  | 'STATEMENT'
  | 'WAITING'
  | 'REMINDER'
  | 'COLLECTION_REQUEST'
  | 'COLLECTION'
  | 'PAYOUT'
  | 'CLOSED';

/** Stages in which the patient has an invoice and owes money. */
export const DUNNING_STAGES: ClaimStageName[] = ['WAITING', 'REMINDER', 'COLLECTION_REQUEST', 'COLLECTION'];

export type ClaimOutcome = 'PAID' | 'CANCELLED' | 'RETURNED' | 'WRITTEN_OFF';

/** What the workflow knows about its claim; carried across continue-as-new. */
export interface ClaimState {
  stage: ClaimStageName;
  clientId?: string;
  dunningLevel: number;
  openCents: number;
  purchased: boolean;
  dueAt?: number;
  /** When the current wait ends (due date, next reminder, end of the collection period). */
  nextActionAt?: number;
  pausedUntil?: number;
  disputed: boolean;
  installments: Array<{ dueAt: number; amountCents: number }>;
  seenPayments: string[];
  cancelRequest?: CancellationSignal;
  writeOffRequest?: WriteOffSignal;
  outcome?: ClaimOutcome;
  /** Set by the lawyer's first report. */
  lawyer?: LawyerProgress;
  /** The collection request: its round (a "wait" asks again), answer-by date, the answer and by whom. */
  collection?: CollectionRequestState;
  /** The limitation date as last read, when the workflow escalates for it, and whether it has passed. */
  limitation?: LimitationState;
}

export interface CollectionRequestState {
  round: number;
  /** Epoch ms: without an answer by then the policy's default applies. */
  answerBy: number;
  answer?: CollectionAnswerName;
  /** wait: epoch ms of the date the client named. */
  until?: number;
  decidedBy?: 'client' | 'policy';
}

export interface LimitationState {
  /** ISO date; null before the claim fell due or while a halt without end lasts. */
  date: string | null;
  /** Epoch ms of the day the claim must be with the lawyer by (the policy's days before the date). */
  escalateAt: number | null;
  passed: boolean;
}

export const claimStateQuery = defineQuery<ClaimState>('claimState');
