import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { createApp } from '../api/app';
import { SYSTEM_POLICY } from '../domain/policy';
import { startEnvironment } from '../infra/environment';
import { seedCollectionAccounts, setSystemPolicy, upsertClient, SAMPLE_CLIENT } from '../persistence/seed';
import { createClaimflowWorkers, runWorkers } from '../workers/claim-worker';
import { startClaimsWorkerProcess } from './claims-worker-process';
import { connectServices } from '../workers/services';
import { generatePadnext } from './gen/padnext-generator';
import { activitySpans } from './history-spans';
import { measureBareStarts } from './bare-starts';
import { billingFileWorkflowId } from '../contracts/workflow-ids';

/**
 * npm run bench:intake: a 10,000-claim PADneXt file through the real system (API upload, billing-file
 * workflow, worker, PostgreSQL, Temporal dev server). Reports parse+validate+persist records/s,
 * seconds from upload until the last claim workflow started, and the start rate of an empty
 * workflow on the same server. Last line: one JSON object with the figures.
 */
async function main(): Promise<void> {
  const cases = Number(process.env.BENCH_CASES ?? 10_000);
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimflow-bench-'));
  const env = await startEnvironment({ name: `bench-${process.pid}`, persistent: false, dataDir, log: (l) => console.log(`[bench] ${l}`) });
  const services = await connectServices(env);
  const { db, temporal } = services.deps;
  // System durations (30 days to pay): the claims park on their payment timer after the invoice.
  await setSystemPolicy(db, SYSTEM_POLICY);
  await seedCollectionAccounts(db);
  const client = { ...SAMPLE_CLIENT, id: `BENCH-${process.pid}`, number: `b${process.pid}` };
  await upsertClient(db, client);
  // Intake runs here; claims run in a worker process of their own at lower CPU priority, as a
  // deployment would run them apart (on this 2-core machine they share the cores).
  const intake = runWorkers(await createClaimflowWorkers(services.workerConnection, services.services, { role: 'intake' }));
  // Default: the start path alone, as the empty-workflow figure measures the server: claims wait on
  // the server until all have started, then a worker runs them. BENCH_CLAIMS_WORKER=concurrent runs
  // the claims worker from the start, so their invoices are rendered and sent on the same 2 cores.
  const claimsAfter = process.env.BENCH_CLAIMS_WORKER !== 'concurrent';
  let claimsWorker = claimsAfter ? undefined : await startClaimsWorkerProcess(env, dataDir, services.deps.queues);
  const server: Server = await new Promise((resolve) => {
    const s = createApp({ services: services.services }).listen(0, '127.0.0.1', () => resolve(s));
  });
  const port = (server.address() as { port: number }).port;

  // The server's own ceiling, measured idle, before claimflow loads it.
  const bare = await measureBareStarts(temporal, 2000);
  console.log(`[bench] empty workflow starts on the idle server: ${bare.toFixed(0)} /s`);

  let t = Date.now();
  const file = generatePadnext({ cases, seed: 42, clientId: client.id });
  const generateS = (Date.now() - t) / 1000;
  console.log(`[bench] generated ${cases} cases (${(file.padx.length / 1e6).toFixed(1)} MB) in ${generateS.toFixed(2)} s`);

  t = Date.now();
  const res = await fetch(`http://127.0.0.1:${port}/api/clients/${client.id}/billing-files?fileName=${file.padxName}`, { method: 'POST', body: file.padx, headers: { 'content-type': 'application/xml' } });
  const { submissionId } = (await res.json()) as { submissionId: string };
  const handle = temporal.workflow.getHandle(billingFileWorkflowId(submissionId));
  const result = await handle.result();
  claimsWorker ??= await startClaimsWorkerProcess(env, dataDir, services.deps.queues);
  const ingest = (await activitySpans(handle)).find((s) => s.type === 'ingestAndStartClaims')!;
  // Claims are started while later chunks are still persisted: persistence ends when the
  // submission is marked processed, the starts when the activity returns.
  const { processedAt } = await db.submission.findUniqueOrThrow({ where: { id: submissionId }, select: { processedAt: true } });
  const persistS = (processedAt!.getTime() - ingest.startedAt) / 1000;
  const workflowsStartedS = (ingest.completedAt - t) / 1000;
  const claimStartRate = result.started / ((ingest.completedAt - ingest.startedAt) / 1000);
  console.log(`[bench] parse+validate+persist: ${cases} records in ${persistS.toFixed(2)} s (${result.accepted} accepted, ${result.rejected} rejected)`);
  console.log(`[bench] upload stored and intake activity begun ${((ingest.startedAt - t) / 1000).toFixed(2)} s after the upload began`);
  console.log(`[bench] all ${result.started} claim workflows started ${workflowsStartedS.toFixed(2)} s after the upload began (${claimStartRate.toFixed(0)} starts/s)`);

  server.close();
  intake.shutdown();
  await intake.done;
  await claimsWorker.stop();
  await services.close();
  await env.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  console.log(
    JSON.stringify({
      records: cases,
      accepted: result.accepted,
      records_per_s: Math.round(cases / persistS),
      parse_validate_persist_s: Number(persistS.toFixed(2)),
      workflows_started_s: Number(workflowsStartedS.toFixed(2)),
      claim_starts_per_s: Math.round(claimStartRate),
      bare_starts_per_s: Math.round(bare),
      start_overhead_ratio: Number((bare / claimStartRate).toFixed(2)),
      // The server's own floor: this many starts at the empty-workflow rate, with nothing else to do.
      server_floor_s: Number((result.started / bare).toFixed(2)),
      claims_worker: claimsAfter ? 'after_starts' : 'concurrent',
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
