import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { temporal as proto } from '@temporalio/proto';

/** At most this many executions of one workflow type are fetched per test file: enough to find a long one. */
const PER_TYPE = 20;

/**
 * Keeps, per workflow type, the richest history a test file produced on its task queues: finished
 * runs before running ones, then the most events. Run the integration suite with
 * CF_RECORD_HISTORIES=<dir> and stamp them (scripts/stamp-workflow-histories.ts, docs/workflow-versions.md).
 */
export async function recordHistories(temporal: Client, queues: string[], dir: string): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  const fetched = new Map<string, number>();
  const query = queues.map((q) => `TaskQueue = '${q}'`).join(' OR ');
  for await (const wf of temporal.workflow.list({ query })) {
    const n = fetched.get(wf.type) ?? 0;
    if (n >= PER_TYPE) continue;
    fetched.set(wf.type, n + 1);
    const history = await temporal.workflow.getHandle(wf.workflowId, wf.runId).fetchHistory();
    const file = path.join(dir, `${wf.type}.binpb`);
    if (rank(history) <= (fs.existsSync(file) ? rank(proto.api.history.v1.History.decode(fs.readFileSync(file))) : -1)) continue;
    // Several test files record at once: write aside, then rename (atomic).
    const tmp = `${file}.${process.pid}`;
    fs.writeFileSync(tmp, proto.api.history.v1.History.encode(history).finish());
    fs.renameSync(tmp, file);
  }
}

const FINISHED = new Set(['workflowExecutionCompletedEventAttributes', 'workflowExecutionContinuedAsNewEventAttributes']);

function rank(h: proto.api.history.v1.IHistory): number {
  const events = h.events ?? [];
  const last = events[events.length - 1] as Record<string, unknown> | undefined;
  const finished = last && [...FINISHED].some((k) => last[k]);
  return (finished ? 1_000_000 : 0) + events.length;
}
