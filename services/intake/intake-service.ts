import type { ServiceDeps } from '../service-deps';
import type { DeliveryFile } from '../../domain/intake/billing-delivery';
import type { DocumentsService } from '../documents/documents-service';
import type { IntakeCounts } from '../../contracts/intake/billing-file-result';
import { billingFileReceipt } from '../../persistence/intake/billing-file-receipt';
import { submissionClaims } from '../../persistence/intake/submission-claims';
import { ingestSubmission } from './ingest-submission';
import { receiveBillingFile } from './receive-billing-file';
import { sendReceipt } from './send-receipt';
import { startClaims } from './start-claims';

/**
 * Hears that work advanced, so a long activity can heartbeat: after each committed chunk with the
 * records done, after each batch of workflow starts without.
 */
export type Progress = (recordsDone?: number) => void;

/** Billing files: upload, parse, validate, price, persist, start the claims' workflows, receipt. */
export function createIntakeService(deps: ServiceDeps, documents: DocumentsService) {
  const { db, temporal, queues } = deps;

  return {
    receiveBillingFile: (upload: { clientId: string; files: DeliveryFile[]; actor: string }) => receiveBillingFile(deps, upload),

    /** A billing file with every record's outcome; null when there is no such file. */
    billingFileReceipt: (submissionId: string) => billingFileReceipt(db, submissionId),

    /** Parses, validates, prices and persists a billing file (billing files started before the pipelined starts). */
    processSubmission(submissionId: string, progress: Progress): Promise<IntakeCounts> {
      return ingestSubmission(db, submissionId, (chunk) => progress(chunk.recordsDone));
    },

    /**
     * Persists a billing file and starts a claim workflow per accepted record, each chunk's claims
     * while the next chunk is persisted. Returns once every claim of the file runs its workflow.
     */
    async ingestAndStartClaims(submissionId: string, progress: Progress): Promise<IntakeCounts & { started: number }> {
      // An earlier attempt may have persisted claims and died before starting them.
      let started = await startClaims(temporal, queues, await submissionClaims(db, submissionId), progress);
      let starting = Promise.resolve();
      const counts = await ingestSubmission(db, submissionId, (chunk) => {
        progress(chunk.recordsDone);
        starting = starting.then(async () => {
          started += await startClaims(temporal, queues, chunk.claims, progress);
        });
        // Awaited below; until then a failure must not count as unhandled.
        starting.catch(() => undefined);
      });
      await starting;
      return { ...counts, started };
    },

    /** Starts one page of a submission's claims (ordered by id): billing files started before the pipelined starts. */
    async startClaimWorkflows(submissionId: string, afterClaimId: string | null, limit: number, progress: Progress): Promise<{ count: number; lastClaimId: string | null }> {
      const claims = await submissionClaims(db, submissionId, { afterClaimId, limit });
      await startClaims(temporal, queues, claims, progress);
      return { count: claims.length, lastClaimId: claims.length === limit ? claims[claims.length - 1].id : null };
    },

    sendReceipt: (submissionId: string) => sendReceipt(deps, documents, submissionId),
  };
}

export type IntakeService = ReturnType<typeof createIntakeService>;
