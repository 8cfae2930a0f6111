import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { SignalDefinition } from '@temporalio/common';
import { claimStateQuery, type ClaimState } from '../claims/claim-messages';
import { claimWorkflowId } from '../workflow-ids';

/**
 * Tells a claim's workflow something; false when the workflow has finished (what was booked
 * before the signal stands, the closed claim has nothing left to decide).
 */
export async function signalClaim<T>(temporal: Client, claimId: string, def: SignalDefinition<[T]>, arg: T): Promise<boolean> {
  try {
    await temporal.workflow.getHandle(claimWorkflowId(claimId)).signal(def, arg);
    return true;
  } catch (e) {
    if (e instanceof WorkflowNotFoundError) return false;
    throw e;
  }
}

/** The live state of a claim's workflow, or null when it cannot answer (finished, or no worker). */
export async function claimWorkflowState(temporal: Client, claimId: string): Promise<ClaimState | null> {
  try {
    return await temporal.workflow.getHandle(claimWorkflowId(claimId)).query(claimStateQuery);
  } catch {
    return null;
  }
}

/** Whether the claim's workflow runs (and so watches its limitation date); false when it finished or never started. */
export async function claimWorkflowRunning(temporal: Client, claimId: string): Promise<boolean> {
  return (await claimWorkflowStatus(temporal, claimId)) === 'RUNNING';
}

/** The status of the claim's latest workflow run (RUNNING, COMPLETED, TERMINATED, …), or NOT_FOUND when the server has none. */
export async function claimWorkflowStatus(temporal: Client, claimId: string): Promise<string> {
  try {
    return (await temporal.workflow.getHandle(claimWorkflowId(claimId)).describe()).status.name;
  } catch (e) {
    if (e instanceof WorkflowNotFoundError) return 'NOT_FOUND';
    throw e;
  }
}
