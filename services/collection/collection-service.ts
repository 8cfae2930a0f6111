import { isDeepStrictEqual } from 'node:util';
import { lawyerReport } from '../../contracts/claims/claim-messages';
import { signalClaim } from '../../contracts/client/claim-handle';
import type { LawyerReport } from '../../domain/collection/lawyer-report';
import { doesNotExist, Refusal } from '../../domain/refusal';
import { quarantinePage } from '../../persistence/collection/feedback-files';
import { reportByLineId } from '../../persistence/collection/lawyer-reports';
import { allLawyers, lawyerById, LawyerRow, otherLawyerWithIban, upsertLawyer } from '../../persistence/collection/lawyers';
import { audit } from '../../persistence/audit';
import { IdPage, nextCursor } from '../../persistence/id-page';
import type { DocumentsService } from '../documents/documents-service';
import type { ServiceDeps } from '../service-deps';
import { lawyerOutbox } from './lawyer-outbox';
import { readFeedbackFile } from './read-feedback-file';
import { movesLimitation, takeLawyerReport } from './take-lawyer-report';
import type { ClaimLimitationService } from '../claims/claim-limitation';
import { writeOffClaim } from './write-off';

/** A report staff enter by hand: the line id is made from their idempotency key. */
export type StaffLawyerReport = Omit<LawyerReport, 'lineId'>;

/**
 * Collection: the lawyer's feedback (the scheduled read of the outboxes, reports staff enter by
 * hand, the quarantine of what could not be taken) and the write-off of uncollectable claims.
 */
export function createCollectionService(deps: ServiceDeps, documents: DocumentsService, limitation: Pick<ClaimLimitationService, 'refresh'>) {
  const { db, temporal } = deps;
  const outbox = lawyerOutbox(db, deps.collectionSftp);

  return {
    listOutboxes: outbox.list,
    fetchFeedbackFile: outbox.fetch,
    archiveFeedbackFile: outbox.archive,
    readFeedbackFile: (fileId: string) => readFeedbackFile(db, temporal, fileId, limitation.refresh),

    /**
     * Records a lawyer's report staff received another way (letter, phone): validated, booked and
     * audited like a line of a feedback file, once per idempotency key, then told to the claim.
     */
    async recordReport(lawyerId: string, report: StaffLawyerReport, idempotencyKey: string, actor: string) {
      if (!(await lawyerById(db, lawyerId))) throw doesNotExist(`lawyer ${lawyerId}`);
      const full = { ...report, lineId: `staff:${idempotencyKey}` } as LawyerReport;
      const earlier = await reportByLineId(db, lawyerId, full.lineId);
      if (earlier && !isDeepStrictEqual(earlier.data, JSON.parse(JSON.stringify(full)))) {
        throw new Refusal('conflict', 'idempotency_conflict', `idempotency key ${idempotencyKey} was already used for a different report`);
      }
      const taken = await takeLawyerReport(db, full, { lawyerId, actor });
      if (taken.status === 'refused') {
        throw new Refusal(taken.code === 'claim_not_found' ? 'not_found' : 'conflict', taken.code, taken.reason);
      }
      if (taken.status === 'taken' && movesLimitation(full)) await limitation.refresh(taken.claimId);
      const signalled = await signalClaim(temporal, taken.claimId, lawyerReport, { ...full, reportId: taken.reportId });
      return { reportId: taken.reportId, created: taken.status === 'taken', signalled };
    },

    lawyers: () => allLawyers(db),

    /** Registers or changes a lawyer (audited); an IBAN is one lawyer's, or its transfers could not be told apart. */
    async saveLawyer(lawyer: LawyerRow, actor: string) {
      return db.$transaction(async (tx) => {
        const other = await otherLawyerWithIban(tx, lawyer.id, lawyer.iban);
        if (other) throw new Refusal('conflict', 'iban_taken', `IBAN ${lawyer.iban} is already lawyer ${other.id}'s (${other.name})`);
        const created = await upsertLawyer(tx, lawyer);
        await audit(tx, actor, created ? 'create' : 'update', 'lawyer', lawyer.id, lawyer);
        return { lawyer, created };
      });
    },

    /** A page of quarantined feedback lines and files, oldest first. */
    async quarantine(q: IdPage & { fileId?: string }) {
      const items = await quarantinePage(db, q);
      return { items, next: nextCursor(items, q) };
    },

    /** The claim workflow's step for a claim the lawyer reported uncollectable. */
    writeOff: writeOffClaim(deps, documents),
  };
}

export type CollectionService = ReturnType<typeof createCollectionService>;
