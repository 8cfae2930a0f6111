import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../../infra/db/prisma';
import type { LimitationEventKind, LimitationFact } from '../../domain/claims/limitation';

export interface LimitationEventInput {
  kind: LimitationEventKind;
  /** The day it began (ISO date). */
  date: string;
  /** The day it ended (ISO date), when known. */
  until?: string | null;
  /** Where it was learnt, e.g. "staff:<actor>" or "lawyer-report:<id>". */
  source: string;
}

/**
 * Records an event that moves a claim's limitation date. The same event (claim, kind, day) twice is
 * one row; a later record that knows its end sets `until`. Returns whether a row was created.
 */
export async function recordLimitationEvent(db: Db | Tx, claimId: string, e: LimitationEventInput): Promise<boolean> {
  const key = { claimId_kind_date: { claimId, kind: e.kind, date: e.date } };
  const existing = await db.limitationEvent.findUnique({ where: key });
  if (existing) {
    if (e.until && e.until !== existing.until) await db.limitationEvent.update({ where: key, data: { until: e.until } });
    return false;
  }
  const created = await db.limitationEvent.createMany({ data: [{ id: randomUUID(), claimId, kind: e.kind, date: e.date, until: e.until ?? null, source: e.source }], skipDuplicates: true });
  return created.count === 1;
}

/** A claim's limitation events, oldest first. */
export async function limitationEvents(db: Db | Tx, claimId: string): Promise<Array<LimitationFact & { source: string; recordedAt: Date }>> {
  const rows = await db.limitationEvent.findMany({ where: { claimId }, orderBy: [{ date: 'asc' }, { createdAt: 'asc' }] });
  return rows.map((r) => ({ kind: r.kind as LimitationEventKind, date: r.date, until: r.until, source: r.source, recordedAt: r.createdAt }));
}
