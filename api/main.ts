import pino from 'pino';
import { Client, Connection } from '@temporalio/client';
import { createDb } from '../infra/db/prisma';
import { createApp } from './app';
import { taskQueues } from '../contracts/task-queues';
import { documentStore } from '../infra/dms/document-services';
import { configuredCentre } from '../infra/centre';
import { createServices } from '../services';
import { noChannelsInApi } from '../infra/channels/no-channels';

const log = pino({ name: 'api' });

/** A production API process: DATABASE_URL, TEMPORAL_ADDRESS, PORT from the environment. */
async function main(): Promise<void> {
  const db = createDb();
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? 'localhost:7233' });
  const documents = documentStore(db, { encryptionKeys: process.env.DOCUMENT_ENCRYPTION_KEY, dmsUrl: process.env.DMS_URL });
  const queues = taskQueues();
  const temporal = new Client({ connection });
  // Staff sends are archived here and sent by sendDocumentWorkflow on a worker: no mail, SFTP or print here.
  const services = createServices({ db, temporal, queues, documents, centre: configuredCentre(), ...noChannelsInApi });
  const app = createApp({ services });
  const port = Number(process.env.PORT ?? 3000);
  app.listen(port, () => log.info({ port }, 'API listening'));
}

main().catch((e) => {
  log.error(e);
  process.exit(1);
});
