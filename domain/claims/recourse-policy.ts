import { z } from 'zod';

/** Why a purchased claim is bought back: each is agreed separately in the client's factoring contract. */
export const RECOURSE_CAUSES = ['cancellation', 'credit', 'lost_dispute'] as const;
export type RecourseCause = (typeof RECOURSE_CAUSES)[number];

/**
 * Recourse (Rückbelastung) as the client's factoring contract agrees it: a purchased claim that
 * turns out not to be owed (cancelled, credited, a dispute lost) is bought back by the client, or
 * its loss stays with the centre. Bad debt (the patient does not pay) is `collection.chargeBackWriteOffs`.
 */
export const RecoursePolicySchema = z.object({
  /** The claim is cancelled (credit note over its whole open amount). */
  onCancellation: z.boolean(),
  /** Part of the claim is credited (partial credit note): the credited part is bought back. */
  onCredit: z.boolean(),
  /** The patient's dispute ends in the patient's favour (staff close it as lost). */
  onLostDispute: z.boolean(),
});

export type RecoursePolicy = z.infer<typeof RecoursePolicySchema>;

/** The usual contract: the client answers for the claim's existence (Veritätshaftung), not for the patient's solvency. */
export const DEFAULT_RECOURSE_POLICY: RecoursePolicy = { onCancellation: true, onCredit: true, onLostDispute: true };

/** Whether the contract charges a purchased claim back to the client for this cause. */
export function recourseApplies(p: RecoursePolicy, cause: RecourseCause): boolean {
  return cause === 'cancellation' ? p.onCancellation : cause === 'credit' ? p.onCredit : p.onLostDispute;
}
