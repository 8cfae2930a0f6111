import { heartbeat } from '@temporalio/activity';
import type { Services } from '../../services';
import type { IntakeCounts } from '../../contracts/intake/billing-file-result';

export function createIntakeActivities(services: Services) {
  const { intake } = services;

  return {
    /** Parses, validates, prices and persists a billing file (billing files started before the pipelined starts). */
    processSubmission(submissionId: string): Promise<IntakeCounts> {
      return intake.processSubmission(submissionId, heartbeat);
    },

    /**
     * Persists a billing file and starts a claim workflow per accepted record, each chunk's claims
     * while the next chunk is persisted. Returns once every claim of the file runs its workflow.
     */
    ingestAndStartClaims(submissionId: string): Promise<IntakeCounts & { started: number }> {
      return intake.ingestAndStartClaims(submissionId, heartbeat);
    },

    /** Starts one page of a submission's claims (ordered by id): billing files started before the pipelined starts. */
    startClaimWorkflows(submissionId: string, afterClaimId: string | null, limit: number): Promise<{ count: number; lastClaimId: string | null }> {
      return intake.startClaimWorkflows(submissionId, afterClaimId, limit, heartbeat);
    },

    /** Emails the client its receipt (Eingangsbestätigung) with every rejection spelled out. */
    sendReceipt(submissionId: string): Promise<void> {
      return intake.sendReceipt(submissionId);
    },
  };
}

export type IntakeActivities = ReturnType<typeof createIntakeActivities>;
