import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { Client } from '@temporalio/client';
import { SYSTEM_POLICY, type Policy } from '../domain/policy';
import { startEnvironment } from '../infra/environment';
import { seedCollectionAccounts, setSystemPolicy, upsertClient, SAMPLE_CLIENT, type ClientSeed } from '../persistence/seed';
import type { Tariff } from '../prisma/generated/client';
import { createClaimflowWorkers, runWorkers } from '../workers/claim-worker';
import { connectServices } from '../workers/services';
import { billingFileWorkflowId, claimWorkflowId } from '../contracts/workflow-ids';
import { generatePadnext } from './gen/padnext-generator';
import { startClaimsWorkerProcess } from './claims-worker-process';
import { watchPeakRss } from './process-memory';
import { lawyerFeedbackFile } from './gen/lawyer-feedback-writer';
import { connectSftp } from '../infra/sftp';
import { openAmounts } from '../persistence/claims/claim-queries';
import { DEFAULT_COLLECTION_POLICY } from '../domain/claims/collection-policy';

/**
 * npm run bench:dunning: BENCH_CLAIMS claims (default 10,000) go into dunning with short durations
 * and run to their end through the real system (worker in its own process, Temporal dev server,
 * PostgreSQL, SFTP): a third pays after the first reminder, a third goes the whole lawyer path
 * (handoff, feedback files: acknowledged, collected), a third pays in three parts. Reports the
 * workflow history events per claim on each path (all runs of a claim, continue-as-new included),
 * the worker's peak RSS (its node process, and its process tree) and the run time. Last line: one JSON object.
 */
type PathName = 'paid_after_first_reminder' | 'lawyer_path' | 'paid_in_parts';

const DURATIONS: Partial<Policy> = {
  paymentTerm: '2 minutes',
  reminderLevels: 2,
  reminderInterval: '1 minute',
  reminderFeesCents: [0, 250],
  collectionPeriod: '30 minutes',
  collection: { ...DEFAULT_COLLECTION_POLICY, feedbackInterval: '10s', silencePeriod: '30 minutes' },
};

async function historyEvents(temporal: Client, claimId: string): Promise<number> {
  let events = 0;
  for await (const run of temporal.workflow.list({ query: `WorkflowId = "${claimWorkflowId(claimId)}"` })) events += run.historyLength;
  return events;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function main(): Promise<void> {
  const total = Number(process.env.BENCH_CLAIMS ?? 10_000);
  const started = Date.now();
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimflow-bench-'));
  const env = await startEnvironment({ name: `bench-${process.pid}`, persistent: false, dataDir, log: (l) => console.log(`[bench] ${l}`) });
  const services = await connectServices(env);
  const { db, temporal } = services.deps;
  await setSystemPolicy(db, { ...SYSTEM_POLICY, ...DURATIONS });
  await seedCollectionAccounts(db);
  const intake = runWorkers(await createClaimflowWorkers(services.workerConnection, services.services, { role: 'intake' }));
  const worker = await startClaimsWorkerProcess(env, dataDir, services.deps.queues);
  const rss = watchPeakRss(worker.pid);

  // One client per path: Inkasso for the payers, a bought (Sofortfactoring) client for the lawyer path.
  const paths: Array<{ name: PathName; tariff: Tariff }> = [
    { name: 'paid_after_first_reminder', tariff: 'INKASSO' },
    { name: 'lawyer_path', tariff: 'SOFORTFACTORING' },
    { name: 'paid_in_parts', tariff: 'INKASSO' },
  ];
  const pathOf = new Map<string, PathName>();
  for (const [i, p] of paths.entries()) {
    const client: ClientSeed = { ...SAMPLE_CLIENT, id: `BENCH-${i}-${process.pid}`, number: `b${i}${process.pid}`, tariff: p.tariff };
    await upsertClient(db, client);
    const file = generatePadnext({ cases: Math.ceil(total / 3), seed: 42 + i, clientId: client.id });
    const reception = await services.services.intake.receiveBillingFile({ clientId: client.id, files: [{ name: file.padxName, content: Buffer.from(file.padx) }], actor: 'bench' });
    if (reception.kind !== 'received') throw new Error(`billing file of ${client.id} not received: ${reception.kind}`);
    await temporal.workflow.getHandle(billingFileWorkflowId(reception.submissionId)).result();
    for (const c of await db.claim.findMany({ where: { clientId: client.id }, select: { id: true } })) pathOf.set(c.id, p.name);
  }
  console.log(`[bench] ${pathOf.size} claims started after ${((Date.now() - started) / 1000).toFixed(0)} s`);

  // The lawyer: acknowledges each claim handed over and reports it collected in full, one feedback
  // file per round into its SFTP outbox, which the Schedule reads.
  const lawyer = { id: 'RA-BENCH', name: 'Kanzlei Bench', iban: 'DE02120300000000202051', outboxFolder: '/lawyers/bench/outbox', doneFolder: '/lawyers/bench/done' };
  await services.services.collection.saveLawyer(lawyer, 'bench');
  const reported = new Set<string>();
  let files = 0;
  const reportCollected = async (handedOver: string[], open: Map<string, number>) => {
    const fresh = handedOver.filter((id) => !reported.has(id));
    if (fresh.length === 0) return;
    const today = new Date().toISOString().slice(0, 10);
    const file = lawyerFeedbackFile(
      fresh.flatMap((claimId) => [
        { lineId: `${claimId}-1`, claimId, kind: 'acknowledged' as const, date: today },
        { lineId: `${claimId}-2`, claimId, kind: 'collected' as const, date: today, amountCents: open.get(claimId)! },
      ]),
    );
    const sftp = await connectSftp(env.collectionSftp);
    try {
      const dir = path.posix.join(env.collectionSftp.baseDir, lawyer.outboxFolder);
      await sftp.mkdir(dir, true);
      await sftp.put(file, path.posix.join(dir, `meldungen-${++files}.csv`));
    } finally {
      await sftp.end();
    }
    for (const id of fresh) reported.add(id);
  };

  // The payers and the lawyer act on what they see, every two seconds, until every claim is closed.
  const paid = new Map<string, number>();
  const pay = async (claimId: string, part: number, amountCents: number) => {
    if ((paid.get(claimId) ?? 0) >= part || amountCents <= 0) return;
    paid.set(claimId, part);
    await services.services.claims.recordPayment({ idempotencyKey: `bench:${claimId}:${part}`, claimId, amountCents, receivedAt: new Date(), source: 'bench', actor: 'bench' });
  };
  let rounds = 0;
  const payRest = (claimId: string, amountCents: number) =>
    services.services.claims.recordPayment({ idempotencyKey: `bench:${claimId}:rest:${amountCents}`, claimId, amountCents, receivedAt: new Date(), source: 'bench', actor: 'bench' });
  for (;;) {
    const open = await db.claim.findMany({ where: { id: { in: [...pathOf.keys()] }, stage: { not: 'CLOSED' } }, select: { id: true, stage: true, dunningLevel: true, totalCents: true } });
    if (open.length === 0) break;
    const balances = await openAmounts(db, open.map((c) => c.id));
    for (const c of open) {
      const due = balances.get(c.id) ?? 0;
      const name = pathOf.get(c.id)!;
      if (name === 'paid_after_first_reminder' && c.dunningLevel >= 1) await pay(c.id, 1, due);
      if (name === 'paid_in_parts' && c.stage === 'WAITING') await pay(c.id, 1, Math.floor(c.totalCents / 3));
      if (name === 'paid_in_parts' && c.dunningLevel >= 1) await pay(c.id, 2, Math.floor(due / 2));
      // The rest, once the last reminder (and its fee) is out: whatever is open then.
      if (name === 'paid_in_parts' && c.dunningLevel >= 2 && due > 0) await payRest(c.id, due);
    }
    const inCollection = open.filter((c) => pathOf.get(c.id) === 'lawyer_path' && c.stage === 'COLLECTION').map((c) => c.id);
    const handedOver = await db.document.findMany({ where: { idempotencyKey: { in: inCollection.map((id) => `collection:${id}`) }, status: 'SENT' }, select: { claimId: true } });
    await reportCollected(handedOver.map((d) => d.claimId!), balances);
    if (++rounds % 15 === 0) console.log(`[bench] ${open.length} claims open after ${((Date.now() - started) / 1000).toFixed(0)} s, worker RSS peak ${(rss.peakBytes() / 2 ** 20).toFixed(0)} MiB (tree ${(rss.treePeakBytes() / 2 ** 20).toFixed(0)} MiB)`);
    await new Promise((r) => setTimeout(r, 2000));
  }
  const runS = (Date.now() - started) / 1000;

  // Events per claim: a sample of each path's claims, every run of each.
  const sample = Number(process.env.BENCH_EVENT_SAMPLE ?? 30);
  const events: Record<PathName, number[]> = { paid_after_first_reminder: [], lawyer_path: [], paid_in_parts: [] };
  for (const [id, name] of pathOf) if (events[name].length < sample) events[name].push(await historyEvents(temporal, id));
  rss.stop();
  await worker.stop();
  intake.shutdown();
  await intake.done;
  await services.close();
  await env.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  console.log(
    JSON.stringify({
      claims: pathOf.size,
      events_paid_after_first_reminder: median(events.paid_after_first_reminder),
      events_lawyer_path: median(events.lawyer_path),
      events_paid_in_parts: median(events.paid_in_parts),
      events_max: Math.max(...Object.values(events).flat()),
      // The worker's node process; the tree adds tsx's launcher and esbuild, which a deployment of compiled code does not run.
      worker_peak_rss_mb: Math.round(rss.peakBytes() / 2 ** 20),
      worker_tree_peak_rss_mb: Math.round(rss.treePeakBytes() / 2 ** 20),
      run_s: Math.round(runS),
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
