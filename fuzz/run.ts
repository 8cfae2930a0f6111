import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, type Worker, workerData } from 'node:worker_threads';
import { tsWorker } from '../infra/ts-worker';
import fc from 'fast-check';
import { mutate, mutationArb, OUTSIDE_MARKER, type Mutation } from './mutate';
import { TARGETS, type Verdict } from './targets';

/**
 * `npm run fuzz`: every parser (PADneXt, CSV, CAMT, MT940, OFX) and the API's JSON bodies get
 * FUZZ_INPUTS mutated inputs each (default 10,000), built from real and generated seed files. Each
 * input runs on a worker thread with a deadline (FUZZ_DEADLINE_MS, default 5,000): past it the
 * thread is ended and the input counts as a hang. Inputs that crash, hang or lose data silently are
 * kept under .data/fuzz/ for review. FUZZ_TARGETS (e.g. "ofx,camt") runs some targets only. The last
 * line is the JSON summary.
 */

interface Job {
  target: string;
  seed: number;
  mutations: Mutation[];
}
type Outcome = Verdict | { kind: 'hang'; detail: string };

/** A thread that runs the jobs given to it one at a time; replaced when a job overruns its deadline. */
class FuzzThread {
  private worker: Worker;
  /** Resolves once the thread has loaded the parsers: the deadline counts from then, not from its start-up. */
  private ready: Promise<void>;
  constructor(private readonly outsideFile: string) {
    [this.worker, this.ready] = this.spawn();
  }
  private spawn(): [Worker, Promise<void>] {
    const worker = tsWorker(__filename, { outsideFile: this.outsideFile });
    return [worker, new Promise((resolve) => worker.once('message', () => resolve()))];
  }
  async run(job: Job, deadlineMs: number): Promise<Outcome> {
    await this.ready;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.worker.removeAllListeners('message');
        void this.worker.terminate();
        [this.worker, this.ready] = this.spawn();
        resolve({ kind: 'hang', detail: `no answer within ${deadlineMs} ms` });
      }, deadlineMs);
      this.worker.once('message', (v: Verdict) => {
        clearTimeout(timer);
        this.worker.removeAllListeners('error');
        resolve(v);
      });
      // A thread that dies (out of memory on a blown-up input) is a crash of this input; the next gets a new thread.
      this.worker.once('error', (e) => {
        clearTimeout(timer);
        this.worker.removeAllListeners('message');
        [this.worker, this.ready] = this.spawn();
        resolve({ kind: 'crash', detail: `the parser's thread died: ${e.message}` });
      });
      this.worker.postMessage(job);
    });
  }
  close(): Promise<number> {
    return this.worker.terminate();
  }
}

async function main(): Promise<void> {
  const perTarget = Number(process.env.FUZZ_INPUTS ?? 10_000);
  const deadlineMs = Number(process.env.FUZZ_DEADLINE_MS ?? 5_000);
  const threads = Number(process.env.FUZZ_THREADS ?? os.cpus().length);
  const seed = Number(process.env.FUZZ_SEED ?? 20261202);
  const keepDir = path.resolve(__dirname, '../.data/fuzz');
  const outsideFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'claimflow-fuzz-')), 'outside.txt');
  fs.writeFileSync(outsideFile, OUTSIDE_MARKER);

  const pool = Array.from({ length: threads }, () => new FuzzThread(outsideFile));
  const perParser: Record<string, Record<string, number>> = {};
  const started = Date.now();
  const only = process.env.FUZZ_TARGETS?.split(',');
  for (const target of TARGETS.filter((t) => !only || only.includes(t.name))) {
    const counts: Record<string, number> = { inputs: 0, results: 0, refused: 0, crashes: 0, hangs: 0, silent_losses: 0 };
    perParser[target.name] = counts;
    const seedCount = target.seeds().length;
    const jobs: Job[] = fc.sample(mutationArb, { numRuns: perTarget, seed }).map((mutations, i) => ({ target: target.name, seed: i % seedCount, mutations }));
    let next = 0;
    await Promise.all(
      pool.map(async (thread) => {
        while (next < jobs.length) {
          const job = jobs[next++];
          const outcome = await thread.run(job, deadlineMs);
          counts.inputs++;
          const key = { result: 'results', refused: 'refused', crash: 'crashes', hang: 'hangs', silent_loss: 'silent_losses' }[outcome.kind];
          counts[key]++;
          if ('detail' in outcome) keep(keepDir, job, outcome);
        }
      }),
    );
    console.error(`[fuzz] ${target.name}: ${JSON.stringify(counts)} (${((Date.now() - started) / 1000).toFixed(1)} s so far)`);
  }
  await Promise.all(pool.map((t) => t.close()));
  const total = (k: string) => Object.values(perParser).reduce((s, c) => s + c[k], 0);
  console.log(JSON.stringify({ inputs: total('inputs'), crashes: total('crashes'), hangs: total('hangs'), silent_losses: total('silent_losses'), per_parser: perParser }));
}

/** Keeps a failing input's recipe (seed and mutations) with what went wrong, for a developer to replay. */
function keep(dir: string, job: Job, outcome: Outcome & { detail: string }): void {
  fs.mkdirSync(dir, { recursive: true });
  const name = `${job.target}-${outcome.kind}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}.json`;
  fs.writeFileSync(path.join(dir, name), JSON.stringify({ ...job, outcome }, null, 2));
  console.error(`[fuzz] ${job.target}: ${outcome.kind}: ${outcome.detail} (kept as .data/fuzz/${name})`);
}

if (isMainThread) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  const { outsideFile } = workerData as { outsideFile: string };
  const seeds = new Map(TARGETS.map((t) => [t.name, t.seeds()]));
  parentPort!.on('message', (job: Job) => {
    const target = TARGETS.find((t) => t.name === job.target)!;
    const seeds_ = seeds.get(job.target)!;
    try {
      parentPort!.postMessage(target.check(mutate(seeds_[job.seed % seeds_.length], job.mutations, outsideFile)));
    } catch (e) {
      parentPort!.postMessage({ kind: 'crash', detail: `the fuzzer itself failed: ${(e as Error).message}` });
    }
  });
  parentPort!.postMessage('ready');
}
