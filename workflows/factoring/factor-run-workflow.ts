import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { FactoringActivities } from '../../activities/factoring/factoring-activities';
import type { FactorAnswerResult, FactorRunInput, FactorRunResult, FactorSaleResult } from '../../contracts/factoring/factor-run';
import { readPartnerOutboxes } from '../read-partner-outboxes';

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
  const read = await readPartnerOutboxes({ list: act.listFactorOutboxes, fetch: act.fetchFactorFile, read: act.readFactorFile, archive: act.archiveFactorFile }, 'factor answer file');
  const answers: FactorAnswerResult[] = read.map(({ partnerId, ...rest }) => ({ factorId: partnerId, ...rest }));
  return { sales, answers };
}
