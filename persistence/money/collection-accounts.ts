import type { Db, Tx } from '../../infra/db/prisma';
import type { CollectionAccount } from '../../domain/money/collection-account';

const FIELDS = { id: true, kind: true, iban: true, bic: true, holder: true, bankName: true, clientId: true, active: true } as const;

/** Every collection account, active or not, by id. */
export function allCollectionAccounts(db: Db | Tx): Promise<CollectionAccount[]> {
  return db.collectionAccount.findMany({ select: FIELDS, orderBy: { id: 'asc' } });
}

export function collectionAccountById(db: Db | Tx, id: string): Promise<CollectionAccount | null> {
  return db.collectionAccount.findUnique({ where: { id }, select: FIELDS });
}

/** The collection account with this IBAN (electronic form), if any. */
export function collectionAccountWithIban(db: Db | Tx, iban: string): Promise<CollectionAccount | null> {
  return db.collectionAccount.findUnique({ where: { iban }, select: FIELDS });
}

/** Creates or updates an account; true when it was new. */
export async function upsertCollectionAccount(db: Db | Tx, a: CollectionAccount): Promise<boolean> {
  const existed = await db.collectionAccount.findUnique({ where: { id: a.id }, select: { id: true } });
  await db.collectionAccount.upsert({ where: { id: a.id }, create: a, update: a });
  return !existed;
}
