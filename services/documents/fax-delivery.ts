import type { ServiceDeps } from '../service-deps';
import type { Db } from '../../infra/db/prisma';
import type { FaxStatus } from '../../infra/channels/fax';
import { durationMs } from '../../domain/duration';
import { documentOrThrow } from '../../persistence/documents/archive';
import { documentPolicy } from '../../persistence/documents/document-policy';
import { faxJobOf, madeFaxJobOf, recordFaxJob, recordFaxStatus } from '../../persistence/documents/fax-attempts';
import { documentContent } from './archive';
import { fallBackToPost, postalAddressOf } from './delivery';

type FaxDeps = Pick<ServiceDeps, 'db' | 'documents' | 'fax'>;

/** How sendDocumentWorkflow follows a document's fax: attempts, the wait between them, the polling. */
export async function faxPolicy(db: Db, documentId: string): Promise<{ maxAttempts: number; retryMs: number; pollMs: number }> {
  const doc = await documentOrThrow(db, documentId);
  const p = await documentPolicy(db, doc.clientId);
  return { maxAttempts: p.faxMaxAttempts, retryMs: durationMs(p.faxRetryInterval), pollMs: durationMs(p.faxPollInterval) };
}

/**
 * The fax steps of sendDocumentWorkflow, each idempotent per (document, attempt): an attempt's
 * job is submitted once (its row holds the job id; the provider also dedupes by reference).
 */
export async function submitFax({ db, documents, fax }: FaxDeps, documentId: string, attempt: number): Promise<string> {
  const known = await faxJobOf(db, documentId, attempt);
  if (known) return known;
  if (!fax) throw new Error(`document ${documentId} is to go by fax, but no fax provider is configured (FAX_URL)`);
  const doc = await documentOrThrow(db, documentId);
  const jobId = await fax.submit({ to: doc.recipient, pdf: await documentContent(documents, doc), reference: `${doc.idempotencyKey}#${attempt}` });
  await recordFaxJob(db, documentId, attempt, jobId);
  return jobId;
}

/** Asks the provider how an attempt's job stands and records it; a delivered fax marks the document SENT. */
export async function faxStatus({ db, fax }: Pick<FaxDeps, 'db' | 'fax'>, documentId: string, attempt: number): Promise<{ status: FaxStatus; reason?: string }> {
  const jobId = await madeFaxJobOf(db, documentId, attempt);
  if (!fax || !jobId) throw new Error(`fax attempt ${attempt} of document ${documentId} has no job to follow`);
  const job = await fax.status(jobId);
  await recordFaxStatus(db, documentId, attempt, job);
  return { status: job.status, reason: job.reason };
}

/** Every attempt failed: a document still FAXING goes by post to its recipient's postal address. */
export async function faxFailed(db: Db, documentId: string, reason: string): Promise<void> {
  const doc = await documentOrThrow(db, documentId);
  if (doc.status === 'FAXING') await fallBackToPost(db, documentId, await postalAddressOf(db, doc), reason);
}
