import { createHash } from 'node:crypto';

/**
 * The identifiers a payout run's SEPA file carries, derived (not drawn) so that a run built again
 * after an interruption names every transfer the same: the bank refuses a MsgId it has seen, and
 * the recipient's end-to-end id is the same in every attempt. At most 35 characters each (Max35Text).
 */

/** The file's message id (GrpHdr/MsgId) and payment information id: one file per run. */
export function sepaMessageId(runNumber: number): string {
  return `PAYOUT-RUN-${String(runNumber).padStart(8, '0')}`;
}

/** A transfer's end-to-end id: the run's number and a digest of the recipient (kind and id). */
export function endToEndId(runNumber: number, recipientKind: string, recipientId: string): string {
  const digest = createHash('sha256').update(`${recipientKind}:${recipientId}`).digest('hex').slice(0, 16).toUpperCase();
  return `PR${String(runNumber).padStart(8, '0')}-${digest}`;
}
