import type { Db } from '../../infra/db/prisma';
import type { PersonData } from '../../domain/persons/person-data';
import { audit } from '../audit';

/** A person's postal address: the fields of their master data a re-delivery corrects. */
export type PersonAddress = Pick<PersonData, 'street' | 'postalCode' | 'city' | 'country'>;

interface RedeliveryRecord {
  reason: string;
  address: PersonAddress;
  previous: PersonAddress;
  dueDate: string | null;
}

/**
 * Records a re-delivery once per staff request (the agreement's id is derived from it): the
 * payer's address corrected, the claim's new due date (none: it keeps its own), audited with the
 * address it replaces. The same request again returns what the first recorded.
 */
export async function recordRedelivery(db: Db, r: { claimId: string; requestId: string; address: PersonAddress; reason: string; dueDate: Date | null; actor: string }): Promise<{ id: string; dueDate: Date | null }> {
  const id = `redelivery-${r.requestId}`;
  return db.$transaction(async (tx) => {
    const earlier = await tx.claimAgreement.findUnique({ where: { id } });
    if (earlier) {
      if (earlier.claimId !== r.claimId) throw new Error(`request ${r.requestId} re-delivered claim ${earlier.claimId}`);
      const due = (earlier.data as unknown as RedeliveryRecord).dueDate;
      return { id, dueDate: due ? new Date(due) : null };
    }
    const claim = await tx.claim.findUniqueOrThrow({ where: { id: r.claimId }, include: { responsible: true } });
    const { street, postalCode, city, country } = claim.responsible;
    const data: RedeliveryRecord = { reason: r.reason, address: r.address, previous: { street, postalCode, city, country }, dueDate: r.dueDate?.toISOString() ?? null };
    await tx.claimAgreement.create({ data: { id, claimId: r.claimId, kind: 'redelivery', data: data as unknown as object } });
    await tx.person.update({ where: { id: claim.responsibleId }, data: r.address });
    if (r.dueDate) await tx.claim.update({ where: { id: r.claimId }, data: { dueDate: r.dueDate } });
    await audit(tx, r.actor, 'redelivery', 'claim', r.claimId, data);
    return { id, dueDate: r.dueDate };
  });
}
