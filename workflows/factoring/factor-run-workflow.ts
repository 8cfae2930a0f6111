import { log, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { FactoringActivities } from '../../activities/factoring/factoring-activities';
import type { FactorAnswerResult, FactorRunInput, FactorRunResult, FactorSaleResult } from '../../contracts/factoring/factor-run';

const act = proxyActivities<FactoringActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 },
});

/**
 * A run to the refinancing factors (Schedule `refinancing-factor`, or staff): to each factor, the
 * claims the policy names are sold and the run's file put into its inbox; then every answer file in
 * the factors' outboxes is stored, read (confirmations and rejections booked, bad lines
 * quarantined) and moved to the done folder. A crash anywhere repeats nothing: the run's id names
 * its sales and file, an answer file is known by its sha256 and each answer line by its id.
 */
export async function factorRunWorkflow(input: FactorRunInput = {}): Promise<FactorRunResult> {
  const runKey = input.runKey ?? workflowInfo().workflowId;
  const sales: FactorSaleResult[] = [];
  for (const factorId of await act.factorsToSellTo(input.factorId)) {
    const sale = await act.prepareFactorSale(runKey, factorId);
    sales.push(sale.claims > 0 ? { ...sale, uploaded: await act.uploadFactorSale(sale.runId) } : sale);
  }
  const answers: FactorAnswerResult[] = [];
  for (const { partnerId: factorId, files } of await act.listFactorOutboxes()) {
    for (const name of files) {
      try {
        const { fileId } = await act.fetchFactorFile(factorId, name);
        const summary = await act.readFactorFile(fileId);
        const archivedTo = await act.archiveFactorFile(factorId, name, fileId, summary.status);
        answers.push({ factorId, name, summary, archivedTo });
      } catch (e) {
        log.warn('factor answer file not read', { factorId, name, error: (e as Error).message });
        answers.push({ factorId, name, error: (e as Error).message });
      }
    }
  }
  return { sales, answers };
}
