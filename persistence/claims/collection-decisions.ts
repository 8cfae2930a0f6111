import { randomUUID } from 'node:crypto';
import type { Db } from '../../infra/db/prisma';
import { Prisma } from '../../prisma/generated/client';
import { audit } from '../audit';

export interface CollectionDecisionInput {
  idempotencyKey: string;
  claimId: string;
  decision: 'pursue' | 'return' | 'wait';
  /** wait: until then (ISO date or date-time). */
  until?: string;
  reason?: string;
  /** client (answered through staff) or policy. */
  source: 'client' | 'policy';
  actor: string;
}

export type CollectionDecisionRow = NonNullable<Awaited<ReturnType<typeof decisionByKey>>>;

export function decisionByKey(db: Db, idempotencyKey: string) {
  return db.collectionDecision.findUnique({ where: { idempotencyKey } });
}

/** Records a collection decision with its audit event, once per key; returns the row and whether it is new. */
export async function recordCollectionDecision(db: Db, d: CollectionDecisionInput): Promise<{ row: CollectionDecisionRow; created: boolean }> {
  const existing = await decisionByKey(db, d.idempotencyKey);
  if (existing) return { row: existing, created: false };
  try {
    return await create(db, d);
  } catch (e) {
    // The same key at the same moment: the other request recorded it.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') return { row: (await decisionByKey(db, d.idempotencyKey))!, created: false };
    throw e;
  }
}

function create(db: Db, d: CollectionDecisionInput) {
  return db.$transaction(async (tx) => {
    const row = await tx.collectionDecision.create({
      data: { id: randomUUID(), idempotencyKey: d.idempotencyKey, claimId: d.claimId, decision: d.decision, until: d.until ? new Date(d.until) : null, reason: d.reason ?? null, source: d.source, actor: d.actor },
    });
    await audit(tx, d.actor, 'collection_decision', 'claim', d.claimId, { decision: d.decision, until: d.until, reason: d.reason, source: d.source });
    return { row, created: true as boolean };
  });
}
