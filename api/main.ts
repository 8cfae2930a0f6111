import pino from 'pino';
import { Client, Connection } from '@temporalio/client';
import { createDb } from '../infra/db/prisma';
import { createApp } from './app';
import { taskQueues } from '../workers/task-queues';

const log = pino({ name: 'api' });

/** A production API process: DATABASE_URL, TEMPORAL_ADDRESS, PORT from the environment. */
async function main(): Promise<void> {
  const db = createDb();
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? 'localhost:7233' });
  const app = createApp({ db, temporal: new Client({ connection }), intakeQueue: taskQueues().intake });
  const port = Number(process.env.PORT ?? 3000);
  app.listen(port, () => log.info({ port }, 'API listening'));
}

main().catch((e) => {
  log.error(e);
  process.exit(1);
});
