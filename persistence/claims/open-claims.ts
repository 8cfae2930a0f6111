import { claimBalance } from '../ledger';
import { openCents } from '../../domain/ledger/claim-balance';
import type { Db } from '../../infra/db/prisma';

/** What the database knows of an open claim's life: enough to start its workflow again where it stands. */
export interface OpenClaimRecord {
  id: string;
  clientId: string;
  stage: string;
  outcome: string | null;
  dunningLevel: number;
  purchased: boolean;
  disputed: boolean;
  dueDate: Date | null;
  pausedUntil: Date | null;
  openCents: number;
  paymentIds: string[];
  /** The claim's round: 1, or 1 + its reopenings (domain/claims/claim-round.ts). */
  round: number;
}

/** Open claims (not CLOSED) after `afterId`, by id, `take` at a time; of some clients only, when named. */
export async function openClaimsAfter(db: Db, afterId: string, take: number, clientIds?: string[]): Promise<OpenClaimRecord[]> {
  const claims = await db.claim.findMany({
    where: { stage: { not: 'CLOSED' }, id: { gt: afterId }, ...(clientIds ? { clientId: { in: clientIds } } : {}) },
    orderBy: { id: 'asc' },
    take,
    select: { id: true, clientId: true, stage: true, outcome: true, dunningLevel: true, purchased: true, disputed: true, dueDate: true, pausedUntil: true, payments: { select: { id: true } }, _count: { select: { reopenings: true } } },
  });
  return Promise.all(claims.map(async ({ payments, _count, ...c }) => ({ ...c, openCents: openCents(await claimBalance(db, c.id)), paymentIds: payments.map((p) => p.id), round: 1 + _count.reopenings })));
}
