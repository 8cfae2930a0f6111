import { randomUUID } from 'node:crypto';
import type { Db } from '../../infra/db/prisma';

export interface NewApiKey {
  name: string;
  prefix: string;
  keyHash: string;
  roles: string[];
  partnerId?: string;
  createdBy: string;
}

const listed = { id: true, name: true, prefix: true, roles: true, partnerId: true, createdBy: true, createdAt: true, revokedAt: true, lastUsedAt: true } as const;

/** Stores the key's hash, or returns null when the name is taken. */
export async function createApiKey(db: Db, k: NewApiKey) {
  const created = await db.apiKey.createMany({ data: [{ id: randomUUID(), ...k }], skipDuplicates: true });
  return created.count === 1 ? db.apiKey.findUniqueOrThrow({ where: { name: k.name }, select: listed }) : null;
}

/** The unrevoked key with this hash; marks it used. */
export async function useApiKey(db: Db, keyHash: string) {
  const key = await db.apiKey.findUnique({ where: { keyHash } });
  if (!key || key.revokedAt) return null;
  await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } });
  return key;
}

export function listApiKeys(db: Db) {
  return db.apiKey.findMany({ orderBy: { name: 'asc' }, select: listed });
}

/** Revokes the key once; null when there is no such key. */
export async function revokeApiKey(db: Db, id: string) {
  const key = await db.apiKey.findUnique({ where: { id }, select: listed });
  if (!key) return null;
  if (key.revokedAt) return key;
  return db.apiKey.update({ where: { id }, data: { revokedAt: new Date() }, select: listed });
}
