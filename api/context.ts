import type { Client } from '@temporalio/client';
import type { Db } from '../infra/db/prisma';
import type { TaskQueues } from '../contracts/task-queues';
import type { Services } from '../services';
import type { DocumentStore } from '../infra/dms/document-store';

/** What request handlers use. */
export interface ApiContext {
  /** The business areas' use cases: what routes call. */
  services: Services;
  db: Db;
  temporal: Client;
  /** Billing-file workflows start on the intake queue, staff re-sends on the claims queue. */
  queues: TaskQueues;
  /** Where archived document content is read from. */
  documents: DocumentStore;
}

/** The staff member acting (for the audit trail); authentication sits in front of this API. */
export function actorOf(req: { header(name: string): string | undefined }): string {
  return req.header('x-actor')?.slice(0, 100) || 'api';
}
