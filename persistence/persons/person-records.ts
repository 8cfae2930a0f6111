import type { Db } from '../../infra/db/prisma';

/**
 * Everything held about a person (Art. 15 GDPR), by reference from the Person row: the claims they
 * are patient or payer of with their lines, every letter about those claims or to the person (the
 * document's id is its number), the payments on the claims, and the audit entries about the
 * person, the claims and the letters. Null when there is no such person.
 */
export async function personRecords(db: Db, personId: string) {
  const person = await db.person.findUnique({ where: { id: personId } });
  if (!person) return null;
  const claims = await db.claim.findMany({
    where: { OR: [{ patientId: personId }, { responsibleId: personId }] },
    orderBy: { id: 'asc' },
    include: { client: { select: { name: true } }, lines: { orderBy: { lineNo: 'asc' } } },
  });
  const claimIds = claims.map((c) => c.id);
  const [letters, payments] = await Promise.all([
    db.document.findMany({ where: { OR: [{ personId }, { claimId: { in: claimIds } }] }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    db.payment.findMany({ where: { claimId: { in: claimIds } }, orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }] }),
  ]);
  const auditEntries = await db.auditEvent.findMany({
    where: {
      OR: [
        { entityType: 'person', entityId: personId },
        { entityType: 'claim', entityId: { in: claimIds } },
        { entityType: 'document', entityId: { in: letters.map((l) => l.id) } },
      ],
    },
    orderBy: { id: 'asc' },
  });
  return { person, claims, letters, payments, auditEntries };
}

export type PersonRecords = NonNullable<Awaited<ReturnType<typeof personRecords>>>;
