import type { ClaimOutcome } from '../../contracts/claims/claim-messages';
import { WRITE_OFF_REASON_TEXT, type WriteOffReason } from '../../domain/collection/write-off-reason';
import { clientRecipient, fullName } from '../../domain/documents/recipients';
import { claimRoundKeys } from '../../domain/claims/claim-round';
import { renderDocument } from '../../documents/render-document';
import { bookWriteOff, writeOffParties } from '../../persistence/collection/write-offs';
import { journalHead } from '../../persistence/documents/letter-head';
import type { DocumentsService } from '../documents/documents-service';
import type { ServiceDeps } from '../service-deps';

/** A member of staff who wrote the claim off, with their note; absent when the lawyer's report did. */
export interface StaffWriteOff {
  actor: string;
  note: string;
}

/**
 * Writes off a claim the lawyer reported uncollectable or staff gave up (postings per tariff and
 * policy, once per round of the claim) and tells the client in a letter (once per round, through
 * the documents service).
 */
export function writeOffClaim(deps: Pick<ServiceDeps, 'db' | 'centre'>, documents: DocumentsService) {
  const { db, centre } = deps;
  // Positional (claimId, reason, date) as recorded in histories since the lawyer's reports; staff's decision and the claim's round are added last.
  return async (claimId: string, reason: WriteOffReason, on: string, staff?: StaffWriteOff, round = 1): Promise<ClaimOutcome> => {
    const facts = await bookWriteOff(db, claimId, staff ? `${reason}: ${staff.note}` : reason, staff?.actor ?? 'system', round);
    const claim = await writeOffParties(db, claimId);
    await documents.deliver({
      idempotencyKey: claimRoundKeys(claimId, round).writeOffNotice,
      kind: 'WRITE_OFF_NOTICE',
      claimId,
      clientId: claim.clientId,
      recipient: clientRecipient(claim.client),
      from: centre.email,
      render: async () =>
        renderDocument({
          kind: 'write_off_notice',
          head: await journalHead(db, claim.clientId, centre, new Date()),
          invoiceNumber: claim.id,
          patientName: fullName(claim.patient),
          debtorName: fullName(claim.responsible),
          reason: WRITE_OFF_REASON_TEXT[reason],
          decidedBy: staff ? 'staff' : 'lawyer',
          reportedOn: on,
          ...facts,
        }),
    });
    return 'WRITTEN_OFF';
  };
}
