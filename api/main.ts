import pino from 'pino';
import { Client, Connection } from '@temporalio/client';
import { createDb } from '../infra/db/prisma';
import { createApp } from './app';
import { taskQueues } from '../contracts/task-queues';
import { documentStore } from '../infra/dms/document-services';
import { configuredCentre } from '../infra/centre';
import { createServices } from '../services';
import { noChannelsInApi } from '../infra/channels/no-channels';
import { configuredAuth } from '../infra/auth-config';

const log = pino({ name: 'api' });

/**
 * A production API process: DATABASE_URL, TEMPORAL_ADDRESS, PORT from the environment; it listens
 * on 127.0.0.1 unless API_HOST says otherwise, to the networks of API_ALLOW_NETWORKS (comma-separated
 * CIDR) if set; single sign-on from OIDC_* (infra/auth-config.ts, README "Authentication").
 */
async function main(): Promise<void> {
  const db = createDb();
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? 'localhost:7233' });
  const documents = documentStore(db, { encryptionKeys: process.env.DOCUMENT_ENCRYPTION_KEY, dmsUrl: process.env.DMS_URL });
  const queues = taskQueues();
  const temporal = new Client({ connection });
  // Staff sends are archived here and sent by sendDocumentWorkflow on a worker: no mail, SFTP or print here.
  const services = createServices({ db, temporal, queues, documents, centre: configuredCentre(), auth: configuredAuth(), ...noChannelsInApi });
  const allowNetworks = process.env.API_ALLOW_NETWORKS?.split(',').filter((c) => c.trim());
  const app = createApp({ services }, { allowNetworks, authPolicy: await services.auth.policy() });
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.API_HOST ?? '127.0.0.1';
  app.listen(port, host, () => log.info({ host, port, sso: services.auth.ssoConfigured, allowNetworks }, 'API listening'));
}

main().catch((e) => {
  log.error(e);
  process.exit(1);
});
