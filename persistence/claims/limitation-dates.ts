import type { Db } from '../../infra/db/prisma';
import type { ClaimStage } from '../../prisma/generated/client';
import { audit } from '../audit';
import { changeClaim } from './claim-changes';

/** What a claim's limitation date is computed from: the day its invoice went out and its client. */
export function limitationBasis(db: Db, claimId: string) {
  return db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { clientId: true, invoiceDate: true, limitationDate: true, limitationPassedAt: true } });
}

export async function setLimitationDate(db: Db, claimId: string, day: string | null): Promise<void> {
  await changeClaim(db, 'system', 'limitation_date', claimId, { limitationDate: day ? new Date(day) : null });
}

/** Flags a claim found past its limitation date (once: the first finding is audited). */
export async function flagLimitationPassed(db: Db, claimId: string, limitationDate: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const flagged = await tx.claim.updateMany({ where: { id: claimId, limitationPassedAt: null }, data: { limitationPassedAt: new Date() } });
    if (flagged.count === 1) await audit(tx, 'system', 'limitation_passed', 'claim', claimId, { limitationDate });
  });
}

export interface LimitationRiskQuery {
  /** Claims in these stages count as open and not with the lawyer. */
  stages: ClaimStage[];
  /** Limitation dates up to this day (ISO date). */
  through: string;
  /** date: earliest first; -date: latest first. */
  sort: 'date' | '-date';
  limit: number;
  /** The cursor "<limitation day>|<claim id>" of the previous page's last row. */
  after?: string;
}

/** One page of claims whose limitation date is near, by date then id (keyset paging). */
export function limitationRiskPage(db: Db, q: LimitationRiskQuery) {
  const dir = q.sort === 'date' ? 'asc' : 'desc';
  const [afterDay, afterId] = q.after?.split('|') ?? [];
  const beyond = dir === 'asc' ? 'gt' : 'lt';
  const cursor = afterDay ? { OR: [{ limitationDate: { [beyond]: new Date(afterDay) } }, { limitationDate: new Date(afterDay), id: { [beyond]: afterId } }] } : {};
  return db.claim.findMany({
    where: { stage: { in: q.stages }, limitationDate: { not: null, lte: new Date(q.through) }, ...cursor },
    orderBy: [{ limitationDate: dir }, { id: dir }],
    take: q.limit,
    select: { id: true, clientId: true, stage: true, dunningLevel: true, limitationDate: true, limitationPassedAt: true, responsible: { select: { firstName: true, lastName: true } } },
  });
}

/**
 * One page (by id) of the open claims the limitation sweep looks at: in `stages`, with a limitation
 * date up to `through`, or an invoice and no date yet (a claim whose workflow never computed it).
 */
export async function limitationSweepPage(db: Db, q: { stages: ClaimStage[]; through: string; after?: string; limit: number }): Promise<string[]> {
  const rows = await db.claim.findMany({
    where: { stage: { in: q.stages }, OR: [{ limitationDate: { lte: new Date(q.through) } }, { limitationDate: null, invoiceDate: { not: null } }], ...(q.after ? { id: { gt: q.after } } : {}) },
    orderBy: { id: 'asc' },
    take: q.limit,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** Notes, once per claim and limitation date, that no workflow watches a claim near its limitation: staff must act. */
export async function flagUnwatched(db: Db, claimId: string, limitationDate: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const noted = await tx.auditEvent.findFirst({ where: { entityType: 'claim', entityId: claimId, action: 'limitation_unwatched', data: { path: ['limitationDate'], equals: limitationDate } } });
    if (noted) return false;
    await audit(tx, 'system', 'limitation_unwatched', 'claim', claimId, { limitationDate });
    return true;
  });
}
