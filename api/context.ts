import type { Client } from '@temporalio/client';
import type { Db } from '../infra/db/prisma';

/** What request handlers use. */
export interface ApiContext {
  db: Db;
  temporal: Client;
  /** Billing-file workflows start on the intake queue. */
  intakeQueue: string;
}

/** The staff member acting (for the audit trail); authentication sits in front of this API. */
export function actorOf(req: { header(name: string): string | undefined }): string {
  return req.header('x-actor')?.slice(0, 100) || 'api';
}
