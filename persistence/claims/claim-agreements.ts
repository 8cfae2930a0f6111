import { randomUUID } from 'node:crypto';
import type { Db } from '../../infra/db/prisma';
import { audit } from '../audit';

/** Records what staff agreed on a claim (deferral, plan, dispute, cancellation) with its audit event. */
export async function recordAgreement(db: Db, claimId: string, kind: string, data: object, actor: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.claimAgreement.create({ data: { id: randomUUID(), claimId, kind, data } });
    await audit(tx, actor, kind, 'claim', claimId, data);
  });
}
