import type { Db } from '../../infra/db/prisma';
import type { Prisma } from '../../prisma/generated/client';
import type { WriteOffNoticeRequest } from '../../domain/documents/document-request';
import { Account, Posting } from '../../domain/ledger/accounts';
import * as entries from '../../domain/ledger/entries';
import { audit } from '../audit';
import { book, claimBalance, lockClaim } from '../ledger';
import { loadPolicy } from '../policy';
import { lawyerCostsOwed } from './lawyer-ledger';
import { claimRoundKeys } from '../../domain/claims/claim-round';

/** What a write-off took off the books and who bears it: the client's letter is written from this. */
export type WriteOffFacts = Pick<WriteOffNoticeRequest, 'principalCents' | 'interestCents' | 'feesCents' | 'lawyerCostsCents' | 'bearer' | 'chargedToClientCents'>;

const sumOf = (ps: Posting[], account: string) => ps.filter((p) => p.account === account).reduce((s, p) => s + p.amountCents, 0);

/**
 * Writes an uncollectable claim off, once per round of the claim (key `write-off:<claim>`, from
 * round 2 on `write-off:<claim>#r<round>`), under the claim's lock: the postings per tariff and
 * policy (domain/ledger/entries.ts `writeOff`), with the facts recorded in the audit trail. Booked
 * before, the facts recorded then are returned.
 */
export async function bookWriteOff(db: Db, claimId: string, reason: string, actor: string, round = 1): Promise<WriteOffFacts> {
  return db.$transaction(async (tx) => {
    await lockClaim(tx, claimId);
    // Round 1's write-off is the claim's first; a later round's carries its round in the audit trail.
    const recorded = await tx.auditEvent.findFirst({ where: { entityType: 'claim', entityId: claimId, action: 'write_off', ...(round > 1 ? { data: { path: ['round'], equals: round } } : {}) }, orderBy: { id: 'asc' } });
    if (recorded) return recorded.data as unknown as WriteOffFacts;
    const claim = await tx.claim.findUniqueOrThrow({ where: { id: claimId } });
    const policy = await loadPolicy(tx, claim.clientId);
    const balance = await claimBalance(tx, claimId);
    const chargeBack = claim.purchased && policy.collection.chargeBackWriteOffs;
    const lawyerCosts = Math.min(await lawyerCostsOwed(tx, claimId), Math.max(balance.costsOpenCents, 0));
    const postings = entries.writeOff(balance, { lawyerCostsCents: lawyerCosts, purchased: claim.purchased, chargeBack });
    await book(tx, { idempotencyKey: claimRoundKeys(claimId, round).writeOff, kind: 'write_off', description: `write-off of ${claimId}: ${reason}`, claimId, clientId: claim.clientId, postings });
    const facts: WriteOffFacts = {
      principalCents: balance.principalOpenCents,
      interestCents: balance.interestOpenCents,
      feesCents: balance.costsOpenCents - lawyerCosts,
      lawyerCostsCents: lawyerCosts,
      bearer: !claim.purchased ? 'client' : chargeBack ? 'charged_back' : 'centre',
      chargedToClientCents: sumOf(postings, Account.CLIENT_PAYABLE),
    };
    await audit(tx, actor, 'write_off', 'claim', claimId, { ...facts, reason, round } as unknown as Prisma.InputJsonValue);
    return facts;
  });
}

/** The claim with its client (the letter's recipient), patient and debtor. */
export function writeOffParties(db: Db, claimId: string) {
  return db.claim.findUniqueOrThrow({ where: { id: claimId }, include: { client: true, patient: true, responsible: true } });
}
