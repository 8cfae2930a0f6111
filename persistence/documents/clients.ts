import type { Db } from '../../infra/db/prisma';
import type { Client } from '../../prisma/generated/client';

/** A client (Mandant) as journals are addressed and chosen: its address and its tariff. */
export type ClientRow = Client;

export function clientById(db: Db, clientId: string): Promise<ClientRow | null> {
  return db.client.findUnique({ where: { id: clientId } });
}

export function clientOrThrow(db: Db, clientId: string): Promise<ClientRow> {
  return db.client.findUniqueOrThrow({ where: { id: clientId } });
}

export async function clientExists(db: Db, clientId: string): Promise<boolean> {
  return (await db.client.findUnique({ where: { id: clientId }, select: { id: true } })) !== null;
}

/** Up to `limit` client ids after `afterClientId`, in id order. */
export async function clientIdPage(db: Db, afterClientId: string | null, limit: number): Promise<string[]> {
  const clients = await db.client.findMany({ where: afterClientId ? { id: { gt: afterClientId } } : {}, orderBy: { id: 'asc' }, take: limit, select: { id: true } });
  return clients.map((c) => c.id);
}
