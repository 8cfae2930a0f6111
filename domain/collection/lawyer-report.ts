/**
 * What a lawyer reports back on a claim handed over for collection (docs/lawyer-exchange.md,
 * "Feedback from the lawyer"). Amounts are integer cents, dates ISO calendar dates (YYYY-MM-DD).
 */

export const UNCOLLECTABLE_REASONS = ['insolvency', 'address_unknown', 'deceased'] as const;
export type UncollectableReason = (typeof UNCOLLECTABLE_REASONS)[number];

export interface Installment {
  dueDate: string;
  amountCents: number;
}

/** One report's substance, by kind. */
export type LawyerReportBody =
  /** The lawyer took the case on. */
  | { kind: 'acknowledged' }
  /** The lawyer collected money from the debtor (it reaches us with the lawyer's next transfer). */
  | { kind: 'collected'; amountCents: number }
  /** The debtor agreed to pay in installments. */
  | { kind: 'installment_plan'; installments: Installment[] }
  /** Mahnbescheid applied for: halts limitation (§ 204 BGB). */
  | { kind: 'dunning_order' }
  /** Enforceable title obtained: the claim is limited after 30 years (§ 197 BGB). */
  | { kind: 'title' }
  /** The lawyer's costs, to be recovered from the debtor and owed on to the lawyer. */
  | { kind: 'costs'; amountCents: number }
  /** Nothing can be collected. */
  | { kind: 'uncollectable'; reason: UncollectableReason }
  /** The lawyer gives the case back. */
  | { kind: 'returned'; note?: string };

export type LawyerReportKind = LawyerReportBody['kind'];

/** A report as a line of the lawyer's feedback file (or entered by staff) names it. */
export type LawyerReport = LawyerReportBody & {
  /** Unique within the lawyer's exchange: a line seen before is not taken again. */
  lineId: string;
  /** Our invoice number, which is the claim's id. */
  claimId: string;
  /** The day the reported event happened. */
  date: string;
  /** The lawyer's own file reference (Aktenzeichen), kept for letters and queries. */
  lawyerRef?: string;
};
