import type { ServiceDeps } from '../service-deps';
import type { DocumentsService } from '../documents/documents-service';
import { doesNotExist } from '../../domain/refusal';
import { releaseHeldDocuments, setRestriction } from '../../persistence/persons/restriction';
import { createGdprExport } from './gdpr-export';
import { sweepRetention } from './retention-sweep';

/**
 * The GDPR duties towards a person: access (Art. 15: everything held, as JSON or PDF, the request
 * itself audited as a read), restriction (Art. 18: letters held, not sent, until it is lifted) and
 * the retention sweep (anonymisation and erasure once the retention periods end).
 */
export function createPersonsService(deps: Pick<ServiceDeps, 'db' | 'documents' | 'centre'>, documents: Pick<DocumentsService, 'dispatchArchived'>) {
  const { db } = deps;

  return {
    /** Everything held about the person (Art. 15), as JSON or a readable PDF, audited as a read. */
    ...createGdprExport(deps),

    /** Restricts the person's data (Art. 18): from now on their letters are held. */
    async restrict(personId: string, reason: string, actor: string) {
      const r = await setRestriction(db, personId, { reason }, actor);
      if (!r) throw doesNotExist(`person ${personId}`);
      return { personId, ...r };
    },

    /** Lifts the restriction; the letters held meanwhile go out now. */
    async liftRestriction(personId: string, actor: string) {
      const r = await setRestriction(db, personId, null, actor);
      if (!r) throw doesNotExist(`person ${personId}`);
      const released = await releaseHeldDocuments(db, personId, actor);
      for (const id of released) await documents.dispatchArchived(id);
      return { personId, ...r, releasedDocuments: released };
    },

    /** The scheduled retention sweep (anonymisation, erasure). */
    sweepRetention: (today?: Date) => sweepRetention(db, deps.documents, today),
  };
}

export type PersonsService = ReturnType<typeof createPersonsService>;
