import { collectionFile } from '../../documents/collection-file';
import { uploadOnce } from '../../infra/sftp';
import { collectionFacts } from '../../persistence/claims/claim-steps';
import { loadClaimDocument } from '../../persistence/documents/claim-document-data';
import type { DocumentsService } from '../documents/documents-service';
import type { ServiceDeps } from '../service-deps';

/** Hands the claim to the lawyer: a statement of claim file in the lawyer's SFTP inbox, archived once. */
export function collectionHandoff(deps: Pick<ServiceDeps, 'db' | 'centre' | 'collectionSftp'>, documents: DocumentsService) {
  const { db, centre, collectionSftp } = deps;
  return async (claimId: string): Promise<void> => {
    const key = `collection:${claimId}`;
    if (await documents.sentUnder(key)) return;
    const base = await loadClaimDocument(db, claimId, centre);
    const claim = await collectionFacts(db, claimId);
    const file = collectionFile({ claim: base.claim, debtorName: base.head.recipient.name, dunningLevel: claim.dunningLevel, balance: base.balance });
    const relPath = `collection/${claim.client.number}/${claimId}.csv`;
    await uploadOnce(collectionSftp, relPath, file);
    await documents.archive(
      { idempotencyKey: key, kind: 'COLLECTION_HANDOFF', claimId, clientId: base.clientId },
      { channel: 'sftp', recipient: `${collectionSftp.host}:${relPath}` },
      { subject: `Forderungsaufstellung ${claimId}`, mimeType: 'text/csv', fileName: `${claimId}.csv`, content: file },
    );
    await documents.markSent(key);
  };
}
