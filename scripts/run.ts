import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Services } from '../services';
import type { Role } from '../domain/auth/roles';
import { Refusal } from '../domain/refusal';
import type { Server } from 'node:http';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { createApp } from '../api/app';
import { generatePadnext } from '../bench/gen/padnext-generator';
import { DEMO_POLICY } from '../domain/policy';
import { formatEuro } from '../domain/format';
import { startEnvironment } from '../infra/environment';
import { SAMPLE_CLIENT, SAMPLE_DOCTOR_CLIENT, seedCollectionAccounts, setSystemPolicy, upsertClient, upsertDoctor } from '../persistence/seed';
import { createClaimflowWorkers, runWorkers } from '../workers/claim-worker';
import { connectServices } from '../workers/services';
import { ensureBankImportSchedule } from '../services/scheduling/bank-import-schedule';
import { ensureLawyerFeedbackSchedule } from '../services/scheduling/lawyer-feedback-schedule';
import { ensurePrintRunSchedule } from '../services/scheduling/print-run-schedule';
import { ensureJournalRunSchedule } from '../services/scheduling/journal-run-schedule';
import { paysByTransfer, simulatePatients } from './demo/patients';
import { payByBankStatements } from './demo/bank-statement';
import { printProgress } from './demo/progress';
import { billingFileWorkflowId } from '../contracts/workflow-ids';

/**
 * `make run`: the whole product on embedded defaults. Starts (or uses the configured) PostgreSQL,
 * Temporal dev server, SMTP and SFTP, a worker and the REST API; loads a sample client and billing
 * file; lets simulated patients pay, pay late or not at all; prints progress until Ctrl-C.
 */
async function main(): Promise<void> {
  const say = (line: string) => console.log(`[claimflow] ${line}`);
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const dataDir = path.resolve(__dirname, '../.data');
  const env = await startEnvironment({ name: 'run', persistent: true, dataDir, temporalPort: 7233, temporalUiPort: 8233, log: say });
  const services = await connectServices(env);
  const { db } = services.deps;
  await setSystemPolicy(db, DEMO_POLICY);
  await seedCollectionAccounts(db);
  await upsertClient(db, SAMPLE_CLIENT);
  await upsertClient(db, SAMPLE_DOCTOR_CLIENT);
  // Dr. Oberländer's records in the practice's files are split off to his own (factoring) account.
  await upsertDoctor(db, { submitterId: SAMPLE_CLIENT.id, externalId: 'ARZT-2', clientId: SAMPLE_DOCTOR_CLIENT.id, name: SAMPLE_DOCTOR_CLIENT.name });

  say('bundling workflows and starting the worker');
  const workers = runWorkers(await createClaimflowWorkers(services.workerConnection, services.services));
  await ensureBankImportSchedule(services.deps.temporal, db, services.deps.queues.intake);
  await ensureLawyerFeedbackSchedule(services.deps.temporal, db, services.deps.queues.claims);
  await ensurePrintRunSchedule(services.deps.temporal, db, services.deps.queues.claims);
  await ensureJournalRunSchedule(services.deps.temporal, db, services.deps.queues.claims);
  const port = Number(process.env.PORT ?? 3000);
  const app = createApp({ services: services.services });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s));
  });
  const api = `http://localhost:${port}/api`;
  const authorization = `Bearer ${await demoCredential(services.services.auth, say)}`;

  // A new sample file per run (the batch number keeps case numbers unique across runs).
  const batch = Math.floor(Date.now() / 1000) % 1_000_000;
  const file = generatePadnext({ cases: 36, seed: batch, clientId: SAMPLE_CLIENT.id, firstCaseNo: batch * 100 });
  const upload = await fetch(`${api}/clients/${SAMPLE_CLIENT.id}/billing-files?fileName=${encodeURIComponent(file.padxName)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/xml', authorization },
    body: file.padx,
  });
  const { submissionId } = (await upload.json()) as { submissionId: string };
  say(`uploaded sample billing file ${file.padxName} (${file.cases.length} cases): receipt at ${api}/billing-files/${submissionId}`);
  const result = await services.deps.temporal.workflow.getHandle(billingFileWorkflowId(submissionId)).result();
  say(`billing file processed: ${result.accepted} accepted, ${result.rejected} rejected (see receipt), ${result.started} claim workflows started`);

  say('');
  say(`Temporal UI:  ${env.temporalUiUrl ?? env.temporalAddress} (filter e.g. ClaimStage="REMINDER")`);
  say(`REST API:     ${api}/claims   ${api}/openapi.json   ${api}/health`);
  if (env.mailDir) say(`Sent mail:    ${env.mailDir}`);
  say(`Lawyer SFTP:  sftp://${env.collectionSftp.host}:${env.collectionSftp.port}${env.collectionSftp.baseDir}`);
  say('Policy: invoices due after 8 s, reminders every 5 s, collection period 10 s. Ctrl-C stops.');
  say('');

  const stopPatients = simulatePatients({ api, authorization, db, submissionId, log: say });
  const byTransfer = (await db.claim.findMany({ where: { submissionId }, orderBy: { id: 'asc' }, select: { id: true } })).filter((_, i) => paysByTransfer(i));
  const stopBank = payByBankStatements({ api, authorization, db, claimIds: byTransfer.map((c) => c.id), log: say });
  const stopProgress = printProgress({ db, submissionId, log: say, formatEuro });

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    say('stopping');
    stopPatients();
    stopBank();
    stopProgress();
    server.close();
    workers.shutdown();
    await workers.done;
    await services.close();
    await env.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

/**
 * The demo's sign-in: a local user "demo" (every internal role) whose password is printed when it
 * is created, and an API key of this run for the demo's own calls (the patients, the bank).
 */
async function demoCredential(auth: Services['auth'], say: (l: string) => void): Promise<string> {
  const roles: Role[] = ['administrator', 'staff', 'accountant', 'operator', 'auditor'];
  const password = randomBytes(12).toString('base64url');
  try {
    await auth.users.add({ name: 'demo', roles, password }, 'make run');
    say(`demo user created: sign in with POST /api/auth/login {"name":"demo","password":"${password}"} (shown once)`);
  } catch (e) {
    if (!(e instanceof Refusal && e.code === 'user_exists')) throw e;
    say('demo user "demo" exists (its password was shown when it was created; npx claimflow users add creates others)');
  }
  say('then send the token as "Authorization: Bearer <token>"');
  return (await auth.apiKeys.create({ name: `demo-run-${Date.now()}`, roles }, 'make run')).key;
}
