import type { BackupTarget } from '../services/operations/operations-service';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { ServiceDeps } from '../services/service-deps';
import { createDb } from '../infra/db/prisma';
import { createServices, type Services } from '../services';
import type { Environment } from '../infra/environment';
import { createSmtpMailer } from '../infra/mailer';
import { documentServices } from '../infra/dms/document-services';
import { configuredCentre } from '../infra/centre';
import { TaskQueues, taskQueues } from '../contracts/task-queues';

export interface ConnectedServices {
  deps: ServiceDeps;
  /** The business areas' use cases over these connections. */
  services: Services;
  workerConnection: NativeConnection;
  close(): Promise<void>;
}

/** Connections to the environment's services, shared by a process's worker and API. */
export async function connectServices(env: Pick<Environment, 'databaseUrl' | 'temporalAddress' | 'smtpUrl' | 'collectionSftp' | 'documents'> & { backup?: BackupTarget }, queues: TaskQueues = taskQueues()): Promise<ConnectedServices> {
  const db = createDb(env.databaseUrl);
  const clientConnection = await Connection.connect({ address: env.temporalAddress });
  const workerConnection = await NativeConnection.connect({ address: env.temporalAddress });
  const mailer = createSmtpMailer(env.smtpUrl);
  const deps: ServiceDeps = {
    db,
    ...documentServices(db, env.documents),
    mailer,
    collectionSftp: env.collectionSftp,
    centre: configuredCentre(),
    temporal: new Client({ connection: clientConnection }),
    queues,
    backup: env.backup,
  };
  return {
    deps,
    services: createServices(deps),
    workerConnection,
    async close() {
      mailer.close();
      await workerConnection.close();
      await clientConnection.close();
      await db.$disconnect();
    },
  };
}
