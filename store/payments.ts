import { randomUUID } from 'node:crypto';
import type { Db } from '../infra/db/prisma';
import * as entries from '../domain/ledger/entries';
import { openCents } from '../domain/ledger/claim-balance';
import { audit } from './audit';
import { book, claimBalance, lockClaim } from './ledger';
import { loadPolicy } from './policy';

export interface PaymentInput {
  /** Same key, same payment: a repeated request (or bank line) books nothing twice. */
  idempotencyKey: string;
  claimId: string;
  amountCents: number;
  receivedAt: Date;
  source: string;
  reference?: string;
  actor: string;
}

/**
 * Books a payment on a claim: costs first, then principal, any excess as the payer's credit; the
 * client's share of collected principal becomes payable minus the collection fee (Inkasso fee,
 * or the factoring fee for a claim paid before its Fälligkeit purchase).
 */
export async function recordPayment(db: Db, p: PaymentInput): Promise<{ paymentId: string; created: boolean; openCents: number }> {
  return db.$transaction(async (tx) => {
    await lockClaim(tx, p.claimId);
    const existing = await tx.payment.findUnique({ where: { idempotencyKey: p.idempotencyKey } });
    if (existing) {
      if (existing.claimId !== p.claimId || existing.amountCents !== p.amountCents) {
        throw new PaymentConflictError(p.idempotencyKey);
      }
      return { paymentId: existing.id, created: false, openCents: openCents(await claimBalance(tx, p.claimId)) };
    }
    const claim = await tx.claim.findUniqueOrThrow({ where: { id: p.claimId }, include: { client: true } });
    const policy = await loadPolicy(tx, claim.clientId);
    const feeRate = claim.client.tariff === 'INKASSO' ? policy.inkassoFeeRate : policy.factoringFeeRate;
    const postings = entries.payment(await claimBalance(tx, p.claimId), p.amountCents, feeRate);
    const paymentId = randomUUID();
    await tx.payment.create({
      data: { id: paymentId, idempotencyKey: p.idempotencyKey, claimId: p.claimId, amountCents: p.amountCents, receivedAt: p.receivedAt, source: p.source, reference: p.reference },
    });
    await book(tx, { idempotencyKey: `payment:${paymentId}`, kind: 'payment', description: `payment ${p.reference ?? ''}`.trim(), claimId: p.claimId, clientId: claim.clientId, postings });
    await audit(tx, p.actor, 'payment', 'claim', p.claimId, { paymentId, amountCents: p.amountCents, source: p.source, reference: p.reference });
    return { paymentId, created: true, openCents: openCents(await claimBalance(tx, p.claimId)) };
  });
}

export class PaymentConflictError extends Error {
  constructor(key: string) {
    super(`idempotency key ${key} was already used for a different payment`);
  }
}
