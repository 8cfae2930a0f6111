import type { Db } from '../infra/db/prisma';
import type { Prisma, Tariff } from '../prisma/generated/client';
import * as entries from '../domain/ledger/entries';
import { Account, AccountName, Posting } from '../domain/ledger/accounts';
import { ClaimBalance, claimBalanceFrom, openCents } from '../domain/ledger/claim-balance';
import type { Policy } from '../domain/policy';
import { bulkInsert } from './bulk-insert';
import { bookNew, JournalEntry, lockClaim } from './ledger';
import { loadPolicy } from './policy';
import { newRowId } from './row-id';

type Tx = Prisma.TransactionClient;

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

/** What booking a payment on a claim depends on; load it under the claim's row lock. */
export interface PaymentTarget {
  claimId: string;
  clientId: string;
  tariff: Tariff;
  policy: Policy;
  balance: ClaimBalance;
}

/** The rows of one payment, computed without I/O so a bank statement can prepare thousands at once. */
export interface PreparedPayment {
  paymentId: string;
  input: PaymentInput;
  entry: JournalEntry;
  /** The claim's balance once this payment is booked (the next payment on it starts from here). */
  balanceAfter: ClaimBalance;
}

/**
 * A payment on a claim: costs first, then principal, any excess as the payer's credit; the
 * client's share of collected principal becomes payable minus the collection fee (Inkasso fee,
 * or the factoring fee for a claim paid before its Fälligkeit purchase). `receivedInto` is where
 * the money was booked on arrival (the bank, or suspense for a receipt staff allocate later).
 */
export function preparePayment(t: PaymentTarget, p: PaymentInput, receivedInto: AccountName = Account.BANK): PreparedPayment {
  const feeRate = t.tariff === 'INKASSO' ? t.policy.inkassoFeeRate : t.policy.factoringFeeRate;
  const postings = entries.payment(t.balance, p.amountCents, feeRate, receivedInto);
  const paymentId = newRowId();
  const entry = { idempotencyKey: `payment:${paymentId}`, kind: 'payment', description: `payment ${p.reference ?? ''}`.trim(), claimId: p.claimId, clientId: t.clientId, postings };
  return { paymentId, input: p, entry, balanceAfter: withPostings(t.balance, postings) };
}

/** A claim's balance once these postings are booked on it. */
export function withPostings(b: ClaimBalance, postings: Posting[]): ClaimBalance {
  return claimBalanceFrom([
    { account: Account.RECEIVABLE_PRINCIPAL, amountCents: b.principalOpenCents },
    { account: Account.RECEIVABLE_COSTS, amountCents: b.costsOpenCents },
    { account: Account.CLIENT_CLAIMS, amountCents: -b.clientStakeCents },
    { account: Account.CLIENT_PAYABLE, amountCents: -b.clientPayableCents },
    ...postings,
  ]);
}

/** Loads the payment targets of claims in three queries (the caller holds their row locks). */
export async function paymentTargets(tx: Tx, claimIds: string[]): Promise<Map<string, PaymentTarget>> {
  const claims = await tx.claim.findMany({ where: { id: { in: claimIds } }, select: { id: true, clientId: true, client: { select: { tariff: true } } } });
  const sums = await tx.ledgerPosting.groupBy({ by: ['claimId', 'account'], where: { claimId: { in: claimIds } }, _sum: { amountCents: true } });
  const policies = new Map<string, Policy>();
  for (const clientId of new Set(claims.map((c) => c.clientId))) policies.set(clientId, await loadPolicy(tx, clientId));
  const postings = new Map<string, Posting[]>();
  for (const s of sums) postings.set(s.claimId!, [...(postings.get(s.claimId!) ?? []), { account: s.account as Posting['account'], amountCents: s._sum.amountCents ?? 0 }]);
  return new Map(
    claims.map((c) => [c.id, { claimId: c.id, clientId: c.clientId, tariff: c.client.tariff, policy: policies.get(c.clientId)!, balance: claimBalanceFrom(postings.get(c.id) ?? []) }]),
  );
}

/** Writes prepared payments: Payment rows, their journal entries and audit events, in bulk. */
export async function writePayments(tx: Tx, prepared: PreparedPayment[]): Promise<void> {
  await bulkInsert(
    tx,
    'Payment',
    { id: 'text', idempotencyKey: 'text', claimId: 'text', amountCents: 'int4', receivedAt: 'timestamp', source: 'text', reference: 'text' },
    prepared.map(({ paymentId, input: p }) => ({ id: paymentId, idempotencyKey: p.idempotencyKey, claimId: p.claimId, amountCents: p.amountCents, receivedAt: p.receivedAt, source: p.source, reference: p.reference })),
  );
  await bookNew(tx, prepared.map((p) => p.entry));
  await bulkInsert(
    tx,
    'AuditEvent',
    { actor: 'text', action: 'text', entityType: 'text', entityId: 'text', data: 'jsonb' },
    prepared.map(({ paymentId, input: p }) => ({ actor: p.actor, action: 'payment', entityType: 'claim', entityId: p.claimId, data: { paymentId, amountCents: p.amountCents, source: p.source, reference: p.reference } })),
  );
}

/** Books one payment on a claim; the same idempotency key again returns the earlier payment. */
export async function recordPayment(db: Db, p: PaymentInput): Promise<{ paymentId: string; created: boolean; openCents: number }> {
  return db.$transaction(async (tx) => {
    await lockClaim(tx, p.claimId);
    const existing = await tx.payment.findUnique({ where: { idempotencyKey: p.idempotencyKey } });
    const target = (await paymentTargets(tx, [p.claimId])).get(p.claimId)!;
    if (existing) {
      if (existing.claimId !== p.claimId || existing.amountCents !== p.amountCents) {
        throw new PaymentConflictError(p.idempotencyKey);
      }
      return { paymentId: existing.id, created: false, openCents: openCents(target.balance) };
    }
    const prepared = preparePayment(target, p);
    await writePayments(tx, [prepared]);
    return { paymentId: prepared.paymentId, created: true, openCents: openCents(prepared.balanceAfter) };
  });
}

export class PaymentConflictError extends Error {
  constructor(key: string) {
    super(`idempotency key ${key} was already used for a different payment`);
  }
}
