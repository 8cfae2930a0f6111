import type { Db } from '../infra/db/prisma';

export interface AuditQuery {
  entityType?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  /** ISO date-times: events at or after `from`, before `to`. */
  from?: string;
  to?: string;
  limit: number;
  /** The id of the previous page's last event (keyset paging, newest first). */
  after?: string;
}

/** Audit events matching every filter given, newest first, with whether each is sealed into the chain yet. */
export async function auditEventsPage(db: Db, q: AuditQuery) {
  const rows = await db.auditEvent.findMany({
    where: {
      entityType: q.entityType,
      entityId: q.entityId,
      actor: q.actor,
      action: q.action,
      at: { ...(q.from ? { gte: new Date(q.from) } : {}), ...(q.to ? { lt: new Date(q.to) } : {}) },
      ...(q.after ? { id: { lt: BigInt(q.after) } } : {}),
    },
    orderBy: { id: 'desc' },
    take: q.limit,
    include: { seal: { select: { seq: true } } },
  });
  return rows.map((r) => ({ id: r.id.toString(), at: r.at.toISOString(), actor: r.actor, action: r.action, entityType: r.entityType, entityId: r.entityId, data: r.data, before: r.before, after: r.after, sealedAs: r.seal ? r.seal.seq.toString() : null }));
}
