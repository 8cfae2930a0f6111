import pino from 'pino';
import { createClaimflowWorker } from './claim-worker';
import { connectServices } from './services';
import { configuredSftp } from '../infra/sftp';

const log = pino({ name: 'worker' });

function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
}

/** A production worker process: every service comes from the environment (see README). */
async function main(): Promise<void> {
  const collectionSftp = configuredSftp();
  if (!collectionSftp) throw new Error('SFTP_URL is not set');
  const services = await connectServices({
    databaseUrl: required('DATABASE_URL'),
    temporalAddress: required('TEMPORAL_ADDRESS'),
    smtpUrl: required('SMTP_URL'),
    collectionSftp,
  });
  const worker = await createClaimflowWorker(services.workerConnection, services.deps);
  log.info({ taskQueue: services.deps.taskQueue }, 'worker running');
  await worker.run();
  await services.close();
}

main().catch((e) => {
  log.error(e);
  process.exit(1);
});
