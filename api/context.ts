import type { Client } from '@temporalio/client';
import type { Db } from '../infra/db/prisma';
import type { DocumentStore } from '../infra/dms/document-store';

/** What request handlers use. */
export interface ApiContext {
  db: Db;
  temporal: Client;
  /** Billing-file workflows start on the intake queue. */
  intakeQueue: string;
  /** Staff re-sends run as sendDocumentWorkflow on the claims queue. */
  claimsQueue: string;
  /** Where archived document content is read from. */
  documents: DocumentStore;
}

/** The staff member acting (for the audit trail); authentication sits in front of this API. */
export function actorOf(req: { header(name: string): string | undefined }): string {
  return req.header('x-actor')?.slice(0, 100) || 'api';
}
