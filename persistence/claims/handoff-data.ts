import type { Db } from '../../infra/db/prisma';

/** The parties and facts of a claim a lawyer takes over: client, debtor, patient, dates, dunning level. */
export function handoffParties(db: Db, claimId: string) {
  return db.claim.findUniqueOrThrow({ where: { id: claimId }, include: { client: true, responsible: true, patient: true } });
}

/**
 * The papers of a claim a lawyer needs: every PDF sent about it (invoice, reminders, agreements),
 * as first sent (re-sends and duplicates repeat them), oldest first. Not the collection request:
 * it asked the client, the lawyer's principal, and is none of the debtor's business.
 */
export function claimPapers(db: Db, claimId: string) {
  return db.document.findMany({ where: { claimId, sourceId: null, mimeType: 'application/pdf', kind: { not: 'COLLECTION_REQUEST' } }, orderBy: { createdAt: 'asc' } });
}
