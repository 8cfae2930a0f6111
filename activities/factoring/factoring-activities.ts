import type { Services } from '../../services';
import type { FactorFileSummary, FactorSaleResult } from '../../contracts/factoring/factor-run';

/** The runs to the refinancing factors: adapters over the factoring service, each idempotent. */
export function createFactoringActivities(services: Services) {
  const { factoring } = services;

  return {
    /** The factors a run sells to (one, or every active one). */
    factorsToSellTo(factorId?: string): Promise<string[]> {
      return factoring.runFactors(factorId);
    },

    /** Sells the claims the policy names to the factor and writes the run's file (once per run). */
    prepareFactorSale(runKey: string, factorId: string): Promise<FactorSaleResult> {
      return factoring.prepareSaleRun(runKey, factorId);
    },

    /** Puts the run's file into the factor's inbox (once). */
    uploadFactorSale(runId: string): Promise<boolean> {
      return factoring.uploadSaleRun(runId);
    },

    /** Every active factor with the answer files waiting in its outbox. */
    listFactorOutboxes(): Promise<Array<{ partnerId: string; files: string[] }>> {
      return factoring.listOutboxes();
    },

    /** Stores one answer file (the same content again is the same file, by sha256). */
    fetchFactorFile(factorId: string, name: string): Promise<{ fileId: string; duplicate: boolean }> {
      return factoring.fetchAnswerFile(factorId, name);
    },

    /** Books the file's answers, quarantines what cannot be taken; idempotent. */
    readFactorFile(fileId: string): Promise<FactorFileSummary> {
      return factoring.readAnswerFile(fileId);
    },

    /** Moves the file to the factor's done folder. */
    archiveFactorFile(factorId: string, name: string, fileId: string, status: string): Promise<string> {
      return factoring.archiveAnswerFile(factorId, name, fileId, status);
    },
  };
}

export type FactoringActivities = ReturnType<typeof createFactoringActivities>;
