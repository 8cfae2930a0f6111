import type { Prisma } from '../prisma/generated/client';

type Tx = Prisma.TransactionClient;

/** Appends to the audit trail: who did what to which entity. */
export async function audit(tx: Tx, actor: string, action: string, entityType: string, entityId: string, data?: unknown): Promise<void> {
  await tx.auditEvent.create({
    data: { actor, action, entityType, entityId, data: data === undefined ? undefined : (data as Prisma.InputJsonValue) },
  });
}
