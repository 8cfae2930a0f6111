import type { Client } from '@temporalio/client';
import type { Db } from '../infra/db/prisma';
import type { Mailer } from '../infra/mailer';
import type { DocumentServices } from '../infra/dms/document-services';
import type { SftpTarget } from '../infra/sftp';
import type { TaskQueues } from '../contracts/task-queues';
import type { SendingCentre } from '../infra/centre';
import type { BackupTarget } from './operations/operations-service';
import type { AuthConfig } from '../infra/auth-config';

/** What activities reach the outside world through; built once per worker (workers/services.ts). */
export interface ServiceDeps extends DocumentServices {
  db: Db;
  mailer: Mailer;
  /** The lawyer's SFTP server for collection handoffs. */
  collectionSftp: SftpTarget;
  /** Sender of every letter and email. */
  centre: SendingCentre;
  /** For starting claim workflows from the billing-file workflow. */
  temporal: Client;
  queues: TaskQueues;
  /** Where the nightly backup writes its archives; absent: no nightly backup in this process. */
  backup?: BackupTarget;
  /** Single sign-on or the embedded login's secret (infra/auth-config.ts); the embedded login when absent. */
  auth?: AuthConfig;
}
