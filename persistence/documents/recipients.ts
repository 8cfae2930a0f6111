import type { Db } from '../../infra/db/prisma';
import type { Recipient } from '../../domain/documents/choose-channel';
import { clientRecipient, personRecipient } from '../../domain/documents/recipients';

/** Who an archived document was for, from its links: the person, the claim's payer, or the client. */
export async function recipientOf(db: Db, doc: { personId: string | null; claimId: string | null; clientId: string | null }): Promise<Recipient | null> {
  if (doc.personId) return personRecipient(await db.person.findUniqueOrThrow({ where: { id: doc.personId } }));
  if (doc.claimId) return personRecipient((await db.claim.findUniqueOrThrow({ where: { id: doc.claimId }, include: { responsible: true } })).responsible);
  if (doc.clientId) return clientRecipient(await db.client.findUniqueOrThrow({ where: { id: doc.clientId } }));
  return null;
}
