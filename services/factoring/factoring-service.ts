import { randomUUID } from 'node:crypto';
import { doesNotExist } from '../../domain/refusal';
import { startFactorRun } from '../../contracts/client/workflow-starts';
import { audit } from '../../persistence/audit';
import { storeFactorFile, factorQuarantinePage } from '../../persistence/factoring/factor-files';
import { allFactors, factorById, FactorRow, upsertFactor } from '../../persistence/factoring/factors';
import { IdPage, nextCursor } from '../../persistence/id-page';
import type { ServiceDeps } from '../service-deps';
import { partnerOutbox } from '../partner-outbox';
import { readAnswerFile } from './read-answer-file';
import { FACTORING_ACTOR, prepareSaleRun, uploadSaleRun } from './sale-run';

/**
 * The refinancing factor: the factors (audited), sale runs (the purchased claims the policy names,
 * each sold once, the file put into the factor's SFTP inbox once) and the read of the factors'
 * answers (confirmations and rejections booked, bad lines quarantined). The factors' folders are on
 * the partners' SFTP server (the one the lawyers use).
 */
export function createFactoringService(deps: ServiceDeps) {
  const { db, temporal, queues } = deps;
  const outbox = partnerOutbox(db, deps.collectionSftp, {
    partners: async () => (await allFactors(db)).filter((f) => f.active),
    partner: (id) => factorById(db, id),
    store: (f) => storeFactorFile(db, { factorId: f.partnerId, fileName: f.fileName, sha256: f.sha256, content: f.content }),
    actor: FACTORING_ACTOR,
    entityType: 'factor-file',
    kind: 'factor',
  });

  return {
    factors: () => allFactors(db),

    async factor(id: string) {
      const f = await factorById(db, id);
      if (!f) throw doesNotExist(`factor ${id}`);
      return f;
    },

    /** Registers or changes a factor (audited). */
    async saveFactor(factor: FactorRow, actor: string) {
      return db.$transaction(async (tx) => {
        const created = await upsertFactor(tx, factor);
        await audit(tx, actor, created ? 'create' : 'update', 'factor', factor.id, factor);
        return { factor, created };
      });
    },

    /** Starts a run now (one factor, or every active one): the same key again is the same run. */
    async startRun(q: { factorId?: string; idempotencyKey?: string }, actor: string) {
      if (q.factorId) await this.factor(q.factorId);
      const runKey = q.idempotencyKey ?? randomUUID();
      const workflowId = await startFactorRun(temporal, queues, { runKey, ...(q.factorId ? { factorId: q.factorId } : {}) });
      await audit(db, actor, 'start', 'factor-run', runKey, { factorId: q.factorId ?? null, workflowId });
      return { runKey, workflowId };
    },

    /** The ids of the factors a run sells to. */
    runFactors: async (factorId?: string) => (factorId ? [(await factorById(db, factorId))!] : (await allFactors(db)).filter((f) => f.active)).map((f) => f.id),
    prepareSaleRun: (runKey: string, factorId: string) => prepareSaleRun(db, runKey, factorId, new Date()),
    uploadSaleRun: (runId: string) => uploadSaleRun(db, deps.collectionSftp, runId),

    listOutboxes: outbox.list,
    fetchAnswerFile: outbox.fetch,
    archiveAnswerFile: outbox.archive,
    readAnswerFile: (fileId: string) => readAnswerFile(db, fileId),

    /** A page of quarantined answer lines and files, oldest first. */
    async quarantine(q: IdPage & { fileId?: string }) {
      const items = await factorQuarantinePage(db, q);
      return { items, next: nextCursor(items, q) };
    },
  };
}

export type FactoringService = ReturnType<typeof createFactoringService>;
