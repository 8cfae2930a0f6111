import type { Db } from '../../infra/db/prisma';
import { ANONYMOUS_PERSON } from '../../domain/persons/retention';
import { audit } from '../audit';

export const RETENTION_ACTOR = 'retention-sweep';

/**
 * Persons not anonymised yet whose every claim (as patient or payer) is closed and was last changed
 * before `cutoff`: their data is past its retention. At most `limit`, by id after `after`.
 */
export async function personsPastRetention(db: Db, cutoff: Date, limit: number, after = ''): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT p.id FROM "Person" p
    JOIN "Claim" c ON c."patientId" = p.id OR c."responsibleId" = p.id
    WHERE p."anonymisedAt" IS NULL AND p.id > ${after}
    GROUP BY p.id
    HAVING bool_and(c.stage = 'CLOSED') AND max(c."updatedAt") < ${cutoff}
    ORDER BY p.id LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

/**
 * Replaces the person's names, address, birth date and contact data, and the address on the
 * letters to them, in one transaction; the claims, the ledger and the audit trail are untouched
 * (they hold the person by id). Audited with which fields went, never their values.
 */
export async function anonymisePerson(db: Db, personId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const done = await tx.person.updateMany({ where: { id: personId, anonymisedAt: null }, data: { ...ANONYMOUS_PERSON, emailConsent: false, anonymisedAt: new Date() } });
    if (done.count === 0) return false;
    const letters = await tx.document.updateMany({ where: { personId }, data: { recipient: ANONYMOUS_PERSON.lastName } });
    await audit(tx, RETENTION_ACTOR, 'anonymise', 'person', personId, { fields: Object.keys(ANONYMOUS_PERSON), letterAddresses: letters.count }, { before: { anonymised: false }, after: { anonymised: true } });
    return true;
  });
}

/** A document whose retention ended: its content goes, its row stays (what, when, to whom by id) as ERASED. */
export interface ExpiredDocument {
  id: string;
  kind: string;
  /** The store's reference of its content (DMS id or sha256). */
  ref: string;
}

/**
 * Documents of the given kinds (or of every other kind, with `otherKinds`) archived before
 * `cutoff` and not erased yet, that no open claim needs any more.
 */
export async function expiredDocuments(db: Db, q: { kinds: string[]; otherKinds: boolean; cutoff: Date; limit: number }): Promise<ExpiredDocument[]> {
  const rows = await db.document.findMany({
    where: {
      status: { not: 'ERASED' },
      createdAt: { lt: q.cutoff },
      kind: q.otherKinds ? { notIn: q.kinds, mode: 'insensitive' } : { in: q.kinds, mode: 'insensitive' },
      OR: [{ claimId: null }, { claim: { stage: 'CLOSED' } }],
    },
    select: { id: true, kind: true, dmsRef: true, sha256: true },
    orderBy: { id: 'asc' },
    take: q.limit,
  });
  return rows.map((r) => ({ id: r.id, kind: r.kind, ref: r.dmsRef ?? r.sha256 }));
}

/** Marks the document ERASED (audited); returns whether its content is shared by no document still kept, so it may go from the store. */
export async function markErased(db: Db, doc: ExpiredDocument): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const before = await tx.document.findUniqueOrThrow({ where: { id: doc.id }, select: { status: true } });
    await tx.document.update({ where: { id: doc.id }, data: { status: 'ERASED', recipient: ANONYMOUS_PERSON.lastName } });
    await audit(tx, RETENTION_ACTOR, 'erase', 'document', doc.id, { kind: doc.kind }, { before, after: { status: 'ERASED' } });
    const kept = await tx.document.count({ where: { status: { not: 'ERASED' }, OR: [{ dmsRef: doc.ref }, { dmsRef: null, sha256: doc.ref }] } });
    return kept === 0;
  });
}
