import { randomUUID } from 'node:crypto';
import type { ServiceDeps } from '../service-deps';
import { startSendDocumentWorkflow } from '../../contracts/client/workflow-starts';
import { documentByKey, type DocumentRow } from '../../persistence/documents/archive';
import { archiveDocument } from './archive';
import type { ArchiveRequest } from './archive-request';

/** A staff request through the API: who acts (for the audit trail) and the Idempotency-Key given, if any. */
export interface StaffRequest {
  actor: string;
  idempotencyKey?: string;
}

/** The key of a document staff send: the scope and the request's Idempotency-Key; without one, every call sends. */
export function staffSendKey(scope: string, idempotencyKey: string | undefined): string {
  return `${scope}:${idempotencyKey ?? randomUUID()}`;
}

/**
 * A document staff send through the API: archived once under its key, then sent by
 * sendDocumentWorkflow. The same key again answers the document created before (checkKnown may
 * refuse it); restarting its send is a no-op once the send ran and finishes one a crash interrupted.
 */
export async function archiveAndSend(
  deps: Pick<ServiceDeps, 'db' | 'documents' | 'temporal' | 'queues'>,
  key: string,
  prepare: (key: string) => Promise<ArchiveRequest>,
  checkKnown?: (known: DocumentRow) => void,
): Promise<{ doc: DocumentRow; created: boolean }> {
  const known = await documentByKey(deps.db, key);
  if (known) {
    checkKnown?.(known);
    await startSendDocumentWorkflow(deps.temporal, deps.queues, known.id);
    return { doc: known, created: false };
  }
  const doc = await archiveDocument(deps.db, deps.documents, await prepare(key));
  await startSendDocumentWorkflow(deps.temporal, deps.queues, doc.id);
  return { doc, created: true };
}
