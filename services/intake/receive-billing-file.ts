import { billingFileFormat } from '../../domain/intake/billing-file-format';
import { sha256Hex } from '../../domain/sha256';
import { startBillingFileWorkflow } from '../../contracts/client/workflow-starts';
import { clientExists, insertSubmission, submissionWithContent, type EarlierUpload } from '../../persistence/intake/submission-upload';
import type { ServiceDeps } from '../service-deps';

/** What became of an upload: stored and its workflow started, a file received before, or no such client. */
export type Reception = { kind: 'received'; submissionId: string } | { kind: 'duplicate'; earlier: EarlierUpload } | { kind: 'unknown_client' };

/**
 * Stores a client's billing file and starts its billing-file workflow. A file whose content the
 * client sent before is recognised (nothing is booked again), also when both arrive at once.
 */
export async function receiveBillingFile(deps: Pick<ServiceDeps, 'db' | 'temporal' | 'queues'>, file: { clientId: string; fileName: string; content: Buffer; actor: string }): Promise<Reception> {
  const { db } = deps;
  const { clientId, fileName, content } = file;
  if (!(await clientExists(db, clientId))) return { kind: 'unknown_client' };
  const sha256 = sha256Hex(content);
  const earlier = await submissionWithContent(db, clientId, sha256);
  if (earlier) return { kind: 'duplicate', earlier };
  const stored = await insertSubmission(db, { clientId, fileName, format: billingFileFormat(content, fileName), sha256, content }, file.actor);
  if ('earlier' in stored) return { kind: 'duplicate', earlier: stored.earlier };
  await startBillingFileWorkflow(deps.temporal, deps.queues, stored.id);
  return { kind: 'received', submissionId: stored.id };
}
