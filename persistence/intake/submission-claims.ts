import type { Db } from '../../infra/db/prisma';
import type { PersistedClaim } from './persist-chunk';

/** The client's claims among these case references: externalId → claim id. */
export async function claimsByExternalId(db: Db, clientId: string, externalIds: string[]): Promise<Map<string, string>> {
  const claims = await db.claim.findMany({ where: { clientId, externalId: { in: externalIds } }, select: { id: true, externalId: true } });
  return new Map(claims.map((c) => [c.externalId, c.id]));
}

/** A submission's claims ordered by id: all of them, or one page after a claim id. */
export function submissionClaims(db: Db, submissionId: string, page?: { afterClaimId: string | null; limit: number }): Promise<PersistedClaim[]> {
  return db.claim.findMany({
    where: { submissionId, ...(page?.afterClaimId ? { id: { gt: page.afterClaimId } } : {}) },
    orderBy: { id: 'asc' },
    take: page?.limit,
    select: { id: true, clientId: true },
  });
}
