import type { Db } from '../../infra/db/prisma';
import { audit } from '../audit';

const RESTRICTION = { restrictedAt: true, restrictionReason: true } as const;

/**
 * Sets or lifts a person's restriction (Art. 18 GDPR), audited with before and after; null when
 * there is no such person. Setting it again keeps the first date and takes the new reason.
 */
export async function setRestriction(db: Db, personId: string, restriction: { reason: string } | null, actor: string) {
  return db.$transaction(async (tx) => {
    const before = await tx.person.findUnique({ where: { id: personId }, select: RESTRICTION });
    if (!before) return null;
    const data = restriction ? { restrictedAt: before.restrictedAt ?? new Date(), restrictionReason: restriction.reason } : { restrictedAt: null, restrictionReason: null };
    const after = await tx.person.update({ where: { id: personId }, data, select: RESTRICTION });
    await audit(tx, actor, restriction ? 'restrict' : 'lift_restriction', 'person', personId, undefined, { before, after });
    return after;
  });
}

/** Whether the person's data is restricted: their letters are held, not sent. */
export async function isRestricted(db: Db, personId: string): Promise<boolean> {
  return (await db.person.findUnique({ where: { id: personId }, select: { restrictedAt: true } }))?.restrictedAt != null;
}

/** Holds a PREPARED letter to a restricted person: archived (storage is allowed), not sent. */
export async function holdDocument(db: Db, documentId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const held = await tx.document.updateMany({ where: { id: documentId, status: 'PREPARED' }, data: { status: 'HELD' } });
    if (held.count === 1) await audit(tx, 'system', 'held_restricted', 'document', documentId, undefined, { before: { status: 'PREPARED' }, after: { status: 'HELD' } });
  });
}

/** The person's held letters back to PREPARED (the restriction is lifted); returns their ids, to be sent. */
export async function releaseHeldDocuments(db: Db, personId: string, actor: string): Promise<string[]> {
  return db.$transaction(async (tx) => {
    const held = await tx.document.findMany({ where: { personId, status: 'HELD' }, select: { id: true }, orderBy: { createdAt: 'asc' } });
    for (const { id } of held) {
      await tx.document.update({ where: { id }, data: { status: 'PREPARED' } });
      await audit(tx, actor, 'release_held', 'document', id, undefined, { before: { status: 'HELD' }, after: { status: 'PREPARED' } });
    }
    return held.map((d) => d.id);
  });
}
