import type { Prisma } from '../prisma/generated/client';

type Tx = Prisma.TransactionClient;

/** A change of state: the entity's values before it (null: it did not exist) and after it (null: it is gone). */
export interface AuditChange {
  before: unknown;
  after: unknown;
}

/** Dates as ISO text, undefined fields dropped; null and undefined stay SQL NULL. */
const json = (v: unknown) => (v == null ? undefined : (JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue));

/**
 * Appends to the audit trail: who did what to which entity, with the values before and after when
 * it changed state. Personal data (names, addresses) goes in by reference (the person's id), never
 * by value: the retention sweep can anonymise a person without touching the sealed trail.
 */
export async function audit(tx: Tx, actor: string, action: string, entityType: string, entityId: string, data?: unknown, change?: AuditChange): Promise<void> {
  await tx.auditEvent.create({
    data: { actor, action, entityType, entityId, data: json(data), before: change ? json(change.before) : undefined, after: change ? json(change.after) : undefined },
  });
}
