import { billingFileFormat } from '../../domain/intake/billing-file-format';
import { deliverySha256, readBillingDelivery, type DeliveryFile } from '../../domain/intake/billing-delivery';
import { Refusal } from '../../domain/refusal';
import { startBillingFileWorkflow } from '../../contracts/client/workflow-starts';
import { loadSystemPolicy } from '../../persistence/policy';
import { clientExists, insertSubmission, submissionWithContent, type EarlierUpload } from '../../persistence/intake/submission-upload';
import type { ServiceDeps } from '../service-deps';

/** What became of an upload: stored and its workflow started, a file received before, or no such client. */
export type Reception = { kind: 'received'; submissionId: string } | { kind: 'duplicate'; earlier: EarlierUpload } | { kind: 'unknown_client' };

/**
 * Stores a client's delivery (a billing file, with its order file when there is one; one file, the
 * parts of a multipart upload or a ZIP) and starts its billing-file workflow, which checks the pair.
 * A delivery whose content the client sent before is recognised (nothing is booked again), also
 * when both arrive at once. Files that are not one delivery are refused (422) naming what was found.
 */
export async function receiveBillingFile(deps: Pick<ServiceDeps, 'db' | 'temporal' | 'queues'>, upload: { clientId: string; files: DeliveryFile[]; actor: string }): Promise<Reception> {
  const { db } = deps;
  const { clientId } = upload;
  if (!(await clientExists(db, clientId))) return { kind: 'unknown_client' };
  const reading = await readBillingDelivery(upload.files, (await loadSystemPolicy(db)).intake.deliveryZip);
  if (!reading.ok) throw new Refusal('unprocessable', 'not_a_delivery', `${reading.location}: ${reading.reason}`);
  const { billing, order } = reading.delivery;
  const sha256 = deliverySha256(reading.delivery);
  const earlier = await submissionWithContent(db, clientId, sha256);
  if (earlier) return { kind: 'duplicate', earlier };
  const stored = await insertSubmission(
    db,
    { clientId, fileName: billing.name, format: billingFileFormat(billing.content, billing.name), sha256, content: billing.content, ...(order ? { order: { fileName: order.name, content: order.content } } : {}) },
    upload.actor,
  );
  if ('earlier' in stored) return { kind: 'duplicate', earlier: stored.earlier };
  await startBillingFileWorkflow(deps.temporal, deps.queues, stored.id);
  return { kind: 'received', submissionId: stored.id };
}
