import type { ClaimState, LawyerReportSignal } from './claim-messages';

/** A plan staff agreed with the patient, confirmed to the patient by letter. */
export type AgreementLetter = { kind: 'deferral'; until: string } | { kind: 'installment_agreement'; installments: Array<{ dueDate: string; amountCents: number }> };

/** A letter a signal calls for, sent from the main loop rather than the handler (one step at a time). */
export type LetterDue = AgreementLetter | { kind: 'partial_payment'; paymentId: string };

export interface ClaimWorkflowInput {
  claimId: string;
  /** Set when the workflow continues as new: the state it had reached. */
  state?: ClaimState;
  /** Agreement letters sent so far: numbers their idempotency keys across continue-as-new. */
  agreementLetters?: number;
  /** Letters signals called for that were not sent yet when the workflow continued as new. */
  lettersDue?: LetterDue[];
  /** Lawyer reports signalled but not acted on yet when the workflow continued as new. */
  lawyerReportsDue?: LawyerReportSignal[];
  /**
   * The claim's round: absent in its first life; 2, 3 … after staff reopened it (the steps that
   * close and pay out the claim are keyed per round, domain/claims/claim-round.ts).
   */
  round?: number;
}
