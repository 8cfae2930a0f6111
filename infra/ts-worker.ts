import { Worker } from 'node:worker_threads';

/**
 * A worker thread that runs `file` again, through tsx's CommonJS hook: threads do not inherit the
 * hook the process was started with, so a TypeScript module is loaded this way.
 */
export function tsWorker(file: string, workerData: unknown): Worker {
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(file)});`, { eval: true, workerData });
}
