import fs from 'node:fs';
import pino from 'pino';
import { Runtime } from '@temporalio/worker';
import { serveWorkerHealth } from './worker-health';
import { createClaimflowWorkers, runWorkers, WorkerRole } from './claim-worker';
import { connectServices } from './services';
import { ensureBankImportSchedule } from '../services/scheduling/bank-import-schedule';
import { ensureLawyerFeedbackSchedule } from '../services/scheduling/lawyer-feedback-schedule';
import { ensureLimitationSweepSchedule } from '../services/scheduling/limitation-sweep-schedule';
import { ensureAuditSealSchedule } from '../services/scheduling/audit-seal-schedule';
import { ensureRetentionSweepSchedule } from '../services/scheduling/retention-sweep-schedule';
import { ensureFactorRunSchedule } from '../services/scheduling/factor-run-schedule';
import { ensurePrintRunSchedule } from '../services/scheduling/print-run-schedule';
import { ensureJournalRunSchedule } from '../services/scheduling/journal-run-schedule';
import { ensurePayoutRunSchedule } from '../services/scheduling/payout-run-schedule';
import { configuredSftp, sftpTargetFromUrl } from '../infra/sftp';
import { ensureBackupSchedule } from '../services/scheduling/backup-schedule';

const log = pino({ name: 'worker' });

function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
}

/** A production worker process: every service comes from the environment (see README). */
async function main(): Promise<void> {
  // The SDK's own metrics (task slots, poll latencies, workflow cache, …) for Prometheus.
  Runtime.install({ telemetryOptions: { metrics: { prometheus: { bindAddress: process.env.WORKER_METRICS_ADDRESS ?? '0.0.0.0:9464' } } } });
  const collectionSftp = configuredSftp();
  if (!collectionSftp) throw new Error('SFTP_URL is not set');
  const services = await connectServices({
    databaseUrl: required('DATABASE_URL'),
    temporalAddress: required('TEMPORAL_ADDRESS'),
    smtpUrl: required('SMTP_URL'),
    collectionSftp,
    documents: {
      encryptionKeys: process.env.DOCUMENT_ENCRYPTION_KEY,
      dmsUrl: process.env.DMS_URL,
      faxUrl: process.env.FAX_URL || undefined,
      printDropDir: required('PRINT_DROP_DIR'),
    },
    // The nightly backup: to BACKUP_DIR, or to BACKUP_SFTP_URL (+ BACKUP_SFTP_KEY_FILE) staged in BACKUP_DIR; the key from BACKUP_KEY_FILE or BACKUP_KEY, read at each run.
    backup: process.env.BACKUP_DIR
      ? {
          dir: process.env.BACKUP_DIR,
          sftp: process.env.BACKUP_SFTP_URL ? { target: sftpTargetFromUrl(process.env.BACKUP_SFTP_URL, process.env.BACKUP_SFTP_KEY_FILE ? fs.readFileSync(process.env.BACKUP_SFTP_KEY_FILE, 'utf8') : undefined), folder: '.' } : undefined,
          databaseUrl: required('DATABASE_URL'),
          temporalDbFile: process.env.TEMPORAL_DB_FILE,
          externalDocuments: Boolean(process.env.DMS_URL),
        }
      : undefined,
  });
  const role = (process.env.WORKER_ROLE ?? 'all') as WorkerRole;
  if (!['all', 'intake', 'claims'].includes(role)) throw new Error(`WORKER_ROLE must be all, intake or claims, not ${role}`);
  const created = await createClaimflowWorkers(services.workerConnection, services.services, { role });
  const workers = runWorkers(created);
  const health = serveWorkerHealth(Number(process.env.WORKER_HEALTH_PORT ?? 8081), created, services.services.health);
  // The daily bank-statement import runs on the intake queue: registered where that queue is served.
  if (role !== 'claims') await ensureBankImportSchedule(services.deps.temporal, services.deps.db, services.deps.queues.intake);
  // The lawyers' feedback signals claims: registered where the claims queue is served.
  if (role !== 'intake') await ensureLawyerFeedbackSchedule(services.deps.temporal, services.deps.db, services.deps.queues.claims);
  if (role !== 'intake') await ensurePrintRunSchedule(services.deps.temporal, services.deps.db, services.deps.queues.claims);
  if (role !== 'intake') await ensureJournalRunSchedule(services.deps.temporal, services.deps.db, services.deps.queues.claims);
  if (role !== 'intake') await ensurePayoutRunSchedule(services.deps.temporal, services.deps.db, services.deps.queues.claims);
  if (role !== 'intake') await ensureLimitationSweepSchedule(services.deps.temporal, services.deps.db, services.deps.queues.claims);
  if (role !== 'intake') await ensureAuditSealSchedule(services.deps.temporal, services.deps.db, services.deps.queues.claims);
  if (role !== 'intake') await ensureFactorRunSchedule(services.deps.temporal, services.deps.db, services.deps.queues.claims);
  if (role !== 'intake') await ensureRetentionSweepSchedule(services.deps.temporal, services.deps.db, services.deps.queues.claims);
  if (role !== 'intake' && services.deps.backup) await ensureBackupSchedule(services.deps.temporal, services.deps.db, services.deps.queues.claims);
  process.once('SIGTERM', () => workers.shutdown());
  process.once('SIGINT', () => workers.shutdown());
  log.info({ role, queues: services.deps.queues }, 'worker running');
  await workers.done;
  health.close();
  await services.close();
}

main().catch((e) => {
  log.error(e);
  process.exit(1);
});
