import type { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';

/**
 * Start rate of a workflow that does nothing, with the same concurrency as the claim starts: the
 * server's own ceiling. Its task queue has no worker; the executions are terminated afterwards.
 */
export async function measureBareStarts(client: Client, count: number, concurrency = 32): Promise<number> {
  const queue = `bench-bare-${randomUUID()}`;
  const ids = Array.from({ length: count }, (_, i) => `bare-${queue}-${i}`);
  const t = Date.now();
  for (let i = 0; i < ids.length; i += concurrency) {
    await Promise.all(ids.slice(i, i + concurrency).map((workflowId) => client.workflow.start('bareBenchWorkflow', { workflowId, taskQueue: queue, args: [] })));
  }
  const rate = count / ((Date.now() - t) / 1000);
  for (let i = 0; i < ids.length; i += concurrency) {
    await Promise.all(ids.slice(i, i + concurrency).map((id) => client.workflow.getHandle(id).terminate('benchmark done')));
  }
  return rate;
}
