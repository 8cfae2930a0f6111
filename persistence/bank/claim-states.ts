import type { Tx } from '../../infra/db/prisma';
import { holdBookingLock } from '../accounting/period-locks';

/** What decides whether a claim takes a bank payment: its stage and outcome (and whose it is). */
export interface ClaimState {
  id: string;
  clientId: string;
  stage: string;
  outcome: string | null;
}

/** Row locks on claims, in id order (no deadlock between two imports touching the same claims), after the booking lock. */
export async function lockClaims(tx: Tx, claimIds: string[]): Promise<void> {
  if (claimIds.length === 0) return;
  await holdBookingLock(tx);
  await tx.$queryRaw`SELECT id FROM "Claim" WHERE id = ANY(${claimIds}::text[]) ORDER BY id FOR UPDATE`;
}

/** The claims' states by id; an unknown id is missing from the map. */
export async function claimStates(tx: Tx, claimIds: string[]): Promise<Map<string, ClaimState>> {
  const claims = await tx.claim.findMany({ where: { id: { in: claimIds } }, select: { id: true, clientId: true, stage: true, outcome: true } });
  return new Map(claims.map((c) => [c.id, c]));
}
