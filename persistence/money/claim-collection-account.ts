import type { Db, Tx } from '../../infra/db/prisma';
import { collectionAccountFor } from '../../domain/money/collection-account-for';
import type { CollectionAccount } from '../../domain/money/collection-account';
import { loadPolicy } from '../policy';
import { allCollectionAccounts } from './collection-accounts';

/** The collection account a claim is paid to (refused when it is not configured). */
export async function claimCollectionAccount(db: Db | Tx, claimId: string): Promise<CollectionAccount> {
  const claim = await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { clientId: true, client: { select: { tariff: true } } } });
  const [policy, accounts] = await Promise.all([loadPolicy(db, claim.clientId), allCollectionAccounts(db)]);
  return collectionAccountFor({ tariff: claim.client.tariff, clientId: claim.clientId }, accounts, policy.accounts);
}
