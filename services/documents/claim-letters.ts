import type { ServiceDeps } from '../service-deps';
import { renderDocument, type DocumentRequest } from '../../documents/render-document';
import type { Centre } from '../../domain/documents/document-request';
import { chooseChannel } from '../../domain/documents/choose-channel';
import { personRecipient } from '../../domain/documents/recipients';
import type { Db } from '../../infra/db/prisma';
import { audit } from '../../persistence/audit';
import { claimWithResponsible, loadFeeStatement, loadFreeLetter, loadStatementOfClaim } from '../../persistence/documents/claim-document-data';
import { documentPolicy } from '../../persistence/documents/document-policy';
import { addressee, archiveRequest, pdfOf } from './archive-request';
import { archiveAndSend, staffSendKey, type StaffRequest } from './staff-send';
import { Refusal, doesNotExist } from '../../domain/refusal';

/** A letter staff send about a claim. */
export type ClaimLetter = { kind: 'free_letter'; templateKey: string; version?: number } | { kind: 'fee_statement' } | { kind: 'statement_of_claim' };

/** The request of a staff letter, built from the claim as it stands now. */
function letterRequest(db: Db, centre: Centre, claimId: string, letter: ClaimLetter): Promise<DocumentRequest> {
  if (letter.kind === 'free_letter') return loadFreeLetter(db, claimId, centre, letter.templateKey, letter.version);
  if (letter.kind === 'fee_statement') return loadFeeStatement(db, claimId, centre);
  return loadStatementOfClaim(db, claimId, centre);
}

/**
 * Letters staff send about a claim: a free letter from a template, the fee statement, the
 * statement of claim (Forderungsaufstellung). Rendered and archived here, sent to the person
 * responsible by sendDocumentWorkflow (channel chosen as for the claim's other letters). The same
 * Idempotency-Key answers the document it created before and sends nothing again.
 */
export async function sendClaimLetter(deps: Pick<ServiceDeps, 'db' | 'documents' | 'temporal' | 'queues' | 'centre'>, claimId: string, letter: ClaimLetter, request: StaffRequest) {
  const claim = await claimWithResponsible(deps.db, claimId);
  if (!claim) throw doesNotExist(`claim ${claimId}`);
  const kind = letter.kind.toUpperCase();
  const sent = await archiveAndSend(
    deps,
    staffSendKey(`letter:${claim.id}`, request.idempotencyKey),
    async (idempotencyKey) => {
      const rendered = await renderDocument(await letterRequest(deps.db, deps.centre, claim.id, letter));
      const recipient = personRecipient(claim.responsible);
      const policy = await documentPolicy(deps.db, claim.clientId);
      const to = addressee(recipient, chooseChannel(recipient, kind, policy.faxKinds));
      return archiveRequest({ idempotencyKey, kind, claimId: claim.id, clientId: claim.clientId, retentionYears: policy.retentionYears }, to, pdfOf(rendered));
    },
    (known) => {
      if (known.kind !== kind) throw new Refusal('conflict', 'idempotency_conflict', `Idempotency-Key already used for a ${known.kind.toLowerCase()} of claim ${claim.id}, not a ${letter.kind}`);
    },
  );
  if (sent.created) await audit(deps.db, request.actor, 'letter', 'claim', claim.id, { documentId: sent.doc.id, ...letter, channel: sent.doc.channel });
  return sent;
}
