import type { Db } from '../../infra/db/prisma';
import type { Client, Person } from '../../prisma/generated/client';
import type { Centre, LetterClient, LetterHeadData, PostalAddress } from '../../domain/documents/document-request';
import { parseLetterBlocks } from '../../domain/documents/letter-blocks';
import { fullName } from '../../domain/documents/recipients';

/** A person's postal address as a letter's window shows it. */
export function personAddress(p: Person): PostalAddress {
  return { ...(p.salutation ? { salutation: p.salutation } : {}), name: fullName(p), street: p.street, postalCode: p.postalCode, city: p.city, country: p.country };
}

function clientAddress(c: Client): PostalAddress {
  return { name: c.name, street: c.street, postalCode: c.postalCode, city: c.city, country: c.country };
}

/** The client as letters show it: address, logo and letter blocks (never its payout account). */
export function letterClient(c: Client): LetterClient {
  return {
    id: c.id,
    number: c.number,
    name: c.name,
    street: c.street,
    postalCode: c.postalCode,
    city: c.city,
    ...(c.logo ? { logo: c.logo } : {}),
    blocks: parseLetterBlocks(c.letterBlocks, c.id),
  };
}

/** The head of a journal: from the centre to the client, dated `now`. */
export async function journalHead(db: Db, clientId: string, centre: Centre, now: Date): Promise<LetterHeadData> {
  const client = await db.client.findUniqueOrThrow({ where: { id: clientId } });
  return { centre, client: letterClient(client), recipient: clientAddress(client), date: now.toISOString() };
}

