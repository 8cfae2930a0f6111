import type { ClaimOutcome } from '../../contracts/claims/claim-messages';
import { UncollectableReason } from '../../domain/collection/lawyer-report';
import { clientRecipient, fullName } from '../../domain/documents/recipients';
import { renderDocument } from '../../documents/render-document';
import { bookWriteOff, writeOffParties } from '../../persistence/collection/write-offs';
import { journalHead } from '../../persistence/documents/letter-head';
import type { DocumentsService } from '../documents/documents-service';
import type { ServiceDeps } from '../service-deps';

/** The lawyer's reasons as the client's letter names them. */
const REASON_TEXT: Record<UncollectableReason, string> = {
  insolvency: 'Insolvenz des Schuldners',
  address_unknown: 'Anschrift des Schuldners unbekannt',
  deceased: 'Schuldner verstorben',
};

/**
 * Writes off a claim the lawyer reported uncollectable (postings per tariff and policy, once) and
 * tells the client in a letter (once per claim, through the documents service).
 */
export function writeOffClaim(deps: Pick<ServiceDeps, 'db' | 'centre'>, documents: DocumentsService) {
  const { db, centre } = deps;
  return async (claimId: string, reason: UncollectableReason, reportedOn: string): Promise<ClaimOutcome> => {
    const facts = await bookWriteOff(db, claimId, reason, 'system');
    const claim = await writeOffParties(db, claimId);
    await documents.deliver({
      idempotencyKey: `write-off-notice:${claimId}`,
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
          reason: REASON_TEXT[reason],
          reportedOn,
          ...facts,
        }),
    });
    return 'WRITTEN_OFF';
  };
}
