import type { Client, Person } from '../../prisma/generated/client';
import type { Db } from '../../infra/db/prisma';
import type { Recipient } from '../../domain/documents/choose-channel';

/** A patient or person responsible as a recipient: email only with consent, never fax (health data). */
export function personRecipient(p: Person): Recipient {
  const name = [p.title, p.firstName, p.lastName].filter(Boolean).join(' ');
  return { postal: `${name}, ${p.street}, ${p.postalCode} ${p.city}`, email: p.email, emailConsent: p.emailConsent, fax: p.fax, personId: p.id };
}

/** A client (Mandant): its email address is given for documents, its fax number for journals. */
export function clientRecipient(c: Client): Recipient {
  return { postal: `${c.name}, ${c.street}, ${c.postalCode} ${c.city}`, email: c.email, emailConsent: true, fax: c.fax };
}

/** Who an archived document was for, from its links: the person, the claim's payer, or the client. */
export async function recipientOf(db: Db, doc: { personId: string | null; claimId: string | null; clientId: string | null }): Promise<Recipient | null> {
  if (doc.personId) return personRecipient(await db.person.findUniqueOrThrow({ where: { id: doc.personId } }));
  if (doc.claimId) return personRecipient((await db.claim.findUniqueOrThrow({ where: { id: doc.claimId }, include: { responsible: true } })).responsible);
  if (doc.clientId) return clientRecipient(await db.client.findUniqueOrThrow({ where: { id: doc.clientId } }));
  return null;
}
