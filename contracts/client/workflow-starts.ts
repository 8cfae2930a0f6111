import { WorkflowExecutionAlreadyStartedError, type Client, type WorkflowStartOptions } from '@temporalio/client';
import type { BankImportSummary } from '../bank/bank-import-result';
import type { ClientJournalRunInput, ClientJournalRunResult } from '../documents/client-journal-run';
import type { BillingFileResult } from '../intake/billing-file-result';
import type { ClaimWorkflowInput } from '../claims/claim-workflow-input';
import { ClaimClient, ClaimStage } from '../search-attributes';
import type { TaskQueues } from '../task-queues';
import type { FactorRunInput } from '../factoring/factor-run';
import { bankStatementWorkflowId, billingFileWorkflowId, claimWorkflowId, factorRunWorkflowId, payoutRunWorkflowId, SCHEDULED_WORKFLOW_IDS, sendDocumentWorkflowId } from '../workflow-ids';
import type { Workflows, WorkflowType } from './workflow-types';

/**
 * Typed starts: callers name the workflow by a helper, never by a string; the helper's type name is
 * checked against the bundle, its arguments and result against the workflow function.
 */
function start<K extends WorkflowType>(temporal: Client, type: K, options: WorkflowStartOptions<Workflows[K]>) {
  return temporal.workflow.start<Workflows[K]>(type, options);
}

/** Starts and waits for the result. */
function execute<K extends WorkflowType>(temporal: Client, type: K, options: WorkflowStartOptions<Workflows[K]>) {
  return temporal.workflow.execute<Workflows[K]>(type, options);
}

/** Starts once: a workflow already running (or done) under the id counts as started. */
async function startOnce(starting: Promise<unknown>): Promise<void> {
  try {
    await starting;
  } catch (e) {
    if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
  }
}

/**
 * A claim's workflow, visible in the Temporal UI under its client and stage from the start: at
 * intake from the beginning, or from the state the database holds (`input.state`: a reopened claim's
 * next round, or reconcile after a restore or a lost Temporal history). The claim's id runs again
 * once its earlier run has closed; a run already going counts as started.
 */
export function startClaimWorkflow(temporal: Client, queues: TaskQueues, claim: { id: string; clientId: string }, input: ClaimWorkflowInput = { claimId: claim.id }): Promise<void> {
  return startOnce(
    start(temporal, 'claimWorkflow', {
      workflowId: claimWorkflowId(claim.id),
      taskQueue: queues.claims,
      args: [input],
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      typedSearchAttributes: [
        { key: ClaimClient, value: claim.clientId },
        { key: ClaimStage, value: input.state?.stage ?? 'INTAKE' },
      ],
    }),
  );
}

export async function startBillingFileWorkflow(temporal: Client, queues: TaskQueues, submissionId: string): Promise<void> {
  await start(temporal, 'billingFileWorkflow', { workflowId: billingFileWorkflowId(submissionId), taskQueue: queues.intake, args: [{ submissionId }] });
}

/** Imports a stored bank file and waits for the summary; the same content joins the running import. */
export function executeBankStatementWorkflow(temporal: Client, queues: TaskQueues, file: { fileId: string; sha256: string }): Promise<BankImportSummary> {
  return execute(temporal, 'bankStatementWorkflow', {
    workflowId: bankStatementWorkflowId(file.sha256),
    taskQueue: queues.intake,
    args: [file.fileId],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
}

/** Sends an archived document (once per document: a restart is a no-op once it ran). */
export function startSendDocumentWorkflow(temporal: Client, queues: TaskQueues, documentId: string): Promise<void> {
  return startOnce(start(temporal, 'sendDocumentWorkflow', { workflowId: sendDocumentWorkflowId(documentId), taskQueue: queues.claims, args: [documentId] }));
}

/** A print run now (of some clients, or all); `workflowId` apart from the Schedule's lets it run beside it. */
export function executePrintRun(temporal: Client, queues: TaskQueues, clientIds?: string[], workflowId: string = SCHEDULED_WORKFLOW_IDS.printRun): Promise<number> {
  return execute(temporal, 'printRunWorkflow', { workflowId, taskQueue: queues.claims, args: [clientIds] });
}

/** A client journal run now (for a period, or the previous month). */
export function executeClientJournalRun(temporal: Client, queues: TaskQueues, input: ClientJournalRunInput, workflowId: string = SCHEDULED_WORKFLOW_IDS.journalRun): Promise<ClientJournalRunResult> {
  return execute(temporal, 'clientJournalRunWorkflow', { workflowId, taskQueue: queues.claims, args: [input] });
}

/** A billing file's intake, waiting for its result (a retried intake finds what the first attempt left). */
export function executeBillingFileWorkflow(temporal: Client, queues: TaskQueues, submissionId: string): Promise<BillingFileResult> {
  return execute(temporal, 'billingFileWorkflow', { workflowId: billingFileWorkflowId(submissionId), taskQueue: queues.intake, args: [{ submissionId }] });
}

/** Executes a payout run (once per run: a start while it runs or after it finished is a no-op). */
export function startPayoutRunWorkflow(temporal: Client, queues: TaskQueues, runId: string): Promise<void> {
  return startOnce(start(temporal, 'payoutRunWorkflow', { workflowId: payoutRunWorkflowId(runId), taskQueue: queues.claims, args: [runId], workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY' }));
}

/** A run to the refinancing factors now; returns its workflow id (a run under the same key counts as started). */
export async function startFactorRun(temporal: Client, queues: TaskQueues, input: FactorRunInput & { runKey: string }): Promise<string> {
  const workflowId = factorRunWorkflowId(input.runKey);
  await startOnce(start(temporal, 'factorRunWorkflow', { workflowId, taskQueue: queues.claims, args: [input] }));
  return workflowId;
}
