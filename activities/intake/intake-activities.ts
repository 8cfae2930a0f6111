import { heartbeat } from '@temporalio/activity';
import { startClaimWorkflow } from '../../contracts/client/workflow-starts';
import { clientRecipient } from '../../domain/documents/recipients';
import { renderDocument } from '../../documents/render-document';
import { renderMail } from '../../documents/layout';
import { receiptLetter } from '../../documents/receipt-letter';
import { loadReceiptConfirmation } from '../../persistence/documents/journal-data';
import { ingestSubmission, PersistedClaim } from '../../store/intake';
import type { Services } from '../../services';
import type { ServiceDeps } from '../../services/service-deps';
import type { IntakeCounts } from '../../contracts/intake/billing-file-result';

/** Workflow starts in flight at once against the Temporal frontend. */
const START_CONCURRENCY = 32;

export function createIntakeActivities(services: Services) {
  const { deps } = services;
  const { db } = deps;

  /** Starts the claims' workflows (an already running one counts as started); returns how many. */
  async function startClaims(claims: PersistedClaim[]): Promise<number> {
    for (let i = 0; i < claims.length; i += START_CONCURRENCY) {
      await Promise.all(
        claims.slice(i, i + START_CONCURRENCY).map((c) => startClaimWorkflow(deps.temporal, deps.queues, c)),
      );
      heartbeat();
    }
    return claims.length;
  }

  return {
    /** Parses, validates, prices and persists a billing file (billing files started before the pipelined starts). */
    processSubmission(submissionId: string): Promise<IntakeCounts> {
      return ingestSubmission(db, submissionId, (chunk) => heartbeat(chunk.recordsDone));
    },

    /**
     * Persists a billing file and starts a claim workflow per accepted record, each chunk's claims
     * while the next chunk is persisted. Returns once every claim of the file runs its workflow.
     */
    async ingestAndStartClaims(submissionId: string): Promise<IntakeCounts & { started: number }> {
      // An earlier attempt may have persisted claims and died before starting them.
      const persisted = await db.claim.findMany({ where: { submissionId }, orderBy: { id: 'asc' }, select: { id: true, clientId: true } });
      let started = await startClaims(persisted);
      let starting = Promise.resolve();
      const counts = await ingestSubmission(db, submissionId, (chunk) => {
        heartbeat(chunk.recordsDone);
        starting = starting.then(async () => {
          started += await startClaims(chunk.claims);
        });
        // Awaited below; until then a failure must not count as unhandled.
        starting.catch(() => undefined);
      });
      await starting;
      return { ...counts, started };
    },

    /** Starts one page of a submission's claims (ordered by id): billing files started before the pipelined starts. */
    async startClaimWorkflows(submissionId: string, afterClaimId: string | null, limit: number): Promise<{ count: number; lastClaimId: string | null }> {
      const claims = await db.claim.findMany({
        where: { submissionId, ...(afterClaimId ? { id: { gt: afterClaimId } } : {}) },
        orderBy: { id: 'asc' },
        take: limit,
        select: { id: true, clientId: true },
      });
      await startClaims(claims);
      return { count: claims.length, lastClaimId: claims.length === limit ? claims[claims.length - 1].id : null };
    },

    /** Emails the client its receipt (Eingangsbestätigung) with every rejection spelled out. */
    async sendReceipt(submissionId: string): Promise<void> {
      const sub = await db.submission.findUniqueOrThrow({ where: { id: submissionId }, include: { client: true } });
      await services.documents.deliver({
        idempotencyKey: `receipt:${submissionId}`,
        kind: 'RECEIPT',
        clientId: sub.clientId,
        recipient: clientRecipient(sub.client),
        from: deps.centre.email,
        // The PDF is the receipt journal; the email itself spells out every rejection, so the
        // client sees what to correct without opening the attachment.
        render: async () => {
          const rejected = await db.submissionRecord.findMany({ where: { submissionId, outcome: { not: 'ACCEPTED' } }, orderBy: { recordNo: 'asc' } });
          const [document, mail] = await Promise.all([renderDocument(await loadReceiptConfirmation(db, submissionId, deps.centre)), renderMail(receiptLetter(deps.centre.name, sub, rejected))]);
          return { ...document, mail };
        },
      });
    },
  };
}

export type IntakeActivities = ReturnType<typeof createIntakeActivities>;
