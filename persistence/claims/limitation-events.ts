import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../../infra/db/prisma';

/** Events that move a claim's limitation: a dunning order halts it (§ 204 BGB), a title makes it 30 years (§ 197 BGB). */
export type LimitationEventKind = 'DUNNING_ORDER' | 'TITLE';

export interface LimitationEvent {
  claimId: string;
  kind: LimitationEventKind;
  /** The day of the event (ISO date). */
  date: string;
  /** Where it was learnt, e.g. "lawyer-report:<report id>"; the same source records an event once. */
  source: string;
}

export async function recordLimitationEvent(tx: Tx | Db, e: LimitationEvent): Promise<void> {
  await tx.limitationEvent.createMany({ data: [{ id: randomUUID(), ...e }], skipDuplicates: true });
}

/** A claim's limitation events, oldest first. */
export async function limitationEvents(db: Tx | Db, claimId: string): Promise<Array<LimitationEvent & { recordedAt: Date }>> {
  const rows = await db.limitationEvent.findMany({ where: { claimId }, orderBy: [{ date: 'asc' }, { createdAt: 'asc' }] });
  return rows.map((r) => ({ claimId: r.claimId, kind: r.kind as LimitationEventKind, date: r.date, source: r.source, recordedAt: r.createdAt }));
}
