/**
 * Two task queues, so intake and claim processing can run in separate workers: a large billing
 * file must not wait behind thousands of claims sending invoices, and each side scales on its own.
 */
export interface TaskQueues {
  /** Billing-file workflows and intake activities (parse, persist, start claims, receipt). */
  intake: string;
  /** Claim workflows and their activities. */
  claims: string;
}

export const DEFAULT_QUEUE_BASE = 'claimflow';

export function taskQueues(base = process.env.TASK_QUEUE_BASE ?? DEFAULT_QUEUE_BASE): TaskQueues {
  return { intake: `${base}-intake`, claims: `${base}-claims` };
}
