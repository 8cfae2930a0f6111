import { isDeepStrictEqual } from 'node:util';
import type { Db } from '../../infra/db/prisma';
import type { Claim } from '../../prisma/generated/client';
import { audit } from '../audit';

/** The claim's own state fields a step or staff action changes. */
export type ClaimChange = Partial<Pick<Claim, 'stage' | 'dunningLevel' | 'outcome' | 'purchased' | 'invoiceDate' | 'dueDate' | 'limitationDate'>>;

/**
 * Changes fields of a claim and audits it with their values before and after, in one transaction.
 * A change to the values the claim has already is not audited again (a retried step), unless
 * `auditUnchanged` (the stage: every entry into a stage is on record).
 */
export async function changeClaim(db: Db, actor: string, action: string, claimId: string, change: ClaimChange, opts: { data?: object; auditUnchanged?: boolean } = {}): Promise<void> {
  await db.$transaction(async (tx) => {
    const fields = Object.fromEntries(Object.keys(change).map((k) => [k, true])) as Record<keyof ClaimChange, true>;
    const before = await tx.claim.findUniqueOrThrow({ where: { id: claimId }, select: fields });
    const after = await tx.claim.update({ where: { id: claimId }, data: change, select: fields });
    if (opts.auditUnchanged || !isDeepStrictEqual(before, after)) await audit(tx, actor, action, 'claim', claimId, opts.data, { before, after });
  });
}
