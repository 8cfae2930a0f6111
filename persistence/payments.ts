import type { Db } from '../infra/db/prisma';
import type { Prisma, Tariff } from '../prisma/generated/client';
import * as entries from '../domain/ledger/entries';
import { Account, AccountName, Posting } from '../domain/ledger/accounts';
import { ClaimBalance, claimBalanceFrom, openCents } from '../domain/ledger/claim-balance';
import type { Policy } from '../domain/policy';
import { bulkInsert } from './bulk-insert';
import { bookNew, JournalEntry, lockClaim } from './ledger';
import { loadPolicy } from './policy';
import { claimInterests, loadBaseRates } from './claims/interest-facts';
import { INTEREST_KIND } from '../domain/interest/receivable-moves';
import { afterPrincipalPaid, interestToBookIfKnown, type ClaimInterest } from '../domain/interest/interest-due';
import type { BaseRateTable } from '../domain/interest/base-rate';
import { isoDayOf } from '../domain/interest/calendar-day';
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
  /** The order it pays the claim's parts in (default: costs, interest, principal). */
  allocation?: entries.PaymentOrder;
}

/** What booking a payment on a claim depends on; load it under the claim's row lock. */
export interface PaymentTarget {
  claimId: string;
  clientId: string;
  tariff: Tariff;
  policy: Policy;
  balance: ClaimBalance;
  /** Set while the claim is in default: interest is booked up to the payment's day first. */
  interest?: ClaimInterest;
  rates: BaseRateTable;
}

/** The rows of one payment, computed without I/O so a bank statement can prepare thousands at once. */
export interface PreparedPayment {
  paymentId: string;
  input: PaymentInput;
  /** The interest accrued up to the payment's day (when the claim is in default), then the payment. */
  entries: JournalEntry[];
  /** What was open on the claim before it (the audit trail's before value). */
  openBefore: number;
  /** The claim's balance and interest once this payment is booked (the next payment on it starts from here). */
  after: Pick<PaymentTarget, 'balance' | 'interest'>;
}

/**
 * A payment on a claim: interest accrued up to its day is booked first, then the payment pays
 * costs, interest and principal (§ 367 BGB, or the payer's order), any excess as the payer's
 * credit; the client's share becomes payable minus the collection fee (Inkasso fee, or the
 * factoring fee for a claim paid before its Fälligkeit purchase). `receivedInto` is where the money
 * was booked on arrival (the bank, suspense for a receipt staff allocate later, a lawyer's clearing).
 */
export function preparePayment(t: PaymentTarget, p: PaymentInput, receivedInto: AccountName = Account.BANK): PreparedPayment {
  const paymentId = newRowId();
  const day = isoDayOf(p.receivedAt);
  const journal: JournalEntry[] = [];
  let balance = t.balance;
  let booked = t.interest?.bookedCents ?? 0;
  const accrued = t.interest ? interestToBookIfKnown(t.interest, t.rates, day) : 0;
  if (accrued !== 0) {
    const postings = entries.interestAccrual(accrued, t.interest!.owner);
    journal.push({ idempotencyKey: `interest:payment:${paymentId}`, kind: INTEREST_KIND, description: `default interest to ${day}`, claimId: p.claimId, clientId: t.clientId, postings });
    balance = withPostings(balance, postings);
    booked += accrued;
  }
  const feeRate = t.tariff === 'INKASSO' ? t.policy.inkassoFeeRate : t.policy.factoringFeeRate;
  const postings = entries.payment(balance, p.amountCents, feeRate, receivedInto, p.allocation);
  journal.push({ idempotencyKey: `payment:${paymentId}`, kind: 'payment', description: `payment ${p.reference ?? ''}`.trim(), claimId: p.claimId, clientId: t.clientId, postings });
  const principalPaid = -postings.filter((x) => x.account === Account.RECEIVABLE_PRINCIPAL).reduce((s, x) => s + x.amountCents, 0);
  return {
    paymentId,
    input: p,
    entries: journal,
    openBefore: openCents(t.balance),
    after: { balance: withPostings(balance, postings), interest: t.interest && afterPrincipalPaid(t.interest, day, principalPaid, booked) },
  };
}

/** A claim's balance once these postings are booked on it. */
export function withPostings(b: ClaimBalance, postings: Posting[]): ClaimBalance {
  return claimBalanceFrom([
    { account: Account.RECEIVABLE_PRINCIPAL, amountCents: b.principalOpenCents },
    { account: Account.RECEIVABLE_COSTS, amountCents: b.costsOpenCents },
    { account: Account.RECEIVABLE_INTEREST, amountCents: b.interestOpenCents },
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
  const interests = await claimInterests(tx, claimIds, (clientId) => policies.get(clientId)!.interest);
  const rates = await loadBaseRates(tx);
  return new Map(
    claims.map((c) => [
      c.id,
      { claimId: c.id, clientId: c.clientId, tariff: c.client.tariff, policy: policies.get(c.clientId)!, balance: claimBalanceFrom(postings.get(c.id) ?? []), interest: interests.get(c.id), rates },
    ]),
  );
}

/** Writes prepared payments: Payment rows, their journal entries and audit events, in bulk. */
export async function writePayments(tx: Tx, prepared: PreparedPayment[]): Promise<void> {
  await bulkInsert(
    tx,
    'Payment',
    { id: 'text', idempotencyKey: 'text', claimId: 'text', amountCents: 'int4', receivedAt: 'timestamp', source: 'text', reference: 'text', allocation: 'text' },
    prepared.map(({ paymentId, input: p }) => ({ id: paymentId, idempotencyKey: p.idempotencyKey, claimId: p.claimId, amountCents: p.amountCents, receivedAt: p.receivedAt, source: p.source, reference: p.reference, allocation: p.allocation ?? 'statutory' })),
  );
  await bookNew(tx, prepared.flatMap((p) => p.entries));
  await bulkInsert(
    tx,
    'AuditEvent',
    { actor: 'text', action: 'text', entityType: 'text', entityId: 'text', data: 'jsonb', before: 'jsonb', after: 'jsonb' },
    prepared.map(({ paymentId, input: p, openBefore, after }) => ({
      actor: p.actor,
      action: 'payment',
      entityType: 'claim',
      entityId: p.claimId,
      data: { paymentId, amountCents: p.amountCents, source: p.source, reference: p.reference },
      before: { openCents: openBefore },
      after: { openCents: openCents(after.balance) },
    })),
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
    return { paymentId: prepared.paymentId, created: true, openCents: openCents(prepared.after.balance) };
  });
}

export class PaymentConflictError extends Error {
  constructor(key: string) {
    super(`idempotency key ${key} was already used for a different payment`);
  }
}
