import { randomUUID } from 'node:crypto';
import type { Db } from '../../infra/db/prisma';
import type { Claim, Prisma, Tariff } from '../../prisma/generated/client';
import type { ClaimOutcome, ClaimStageName } from '../../contracts/claims/claim-messages';
import { Account, type Posting } from '../../domain/ledger/accounts';
import type { ClaimBalance } from '../../domain/ledger/claim-balance';
import * as entries from '../../domain/ledger/entries';
import type { Policy } from '../../domain/policy';
import { audit } from '../audit';
import { book, claimBalance, lockClaim } from '../ledger';
import { payoutAccountOf } from '../money/payout-accounts';
import { loadPolicy } from '../policy';

/** The actor of what the claim workflow does by itself. */
const SYSTEM = 'system';

/** What a claim's workflow needs to decide: its client, the client's tariff and policy. */
export async function claimContext(db: Db, claimId: string): Promise<{ clientId: string; tariff: Tariff; policy: Policy }> {
  const claim = await db.claim.findUniqueOrThrow({ where: { id: claimId }, include: { client: true } });
  return { clientId: claim.clientId, tariff: claim.client.tariff, policy: await loadPolicy(db, claim.clientId) };
}

export async function recordStage(db: Db, claimId: string, stage: ClaimStageName, dunningLevel: number, outcome?: ClaimOutcome): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.claim.update({ where: { id: claimId }, data: { stage, dunningLevel, outcome: outcome ?? null } });
    await audit(tx, SYSTEM, 'stage', 'claim', claimId, { stage, dunningLevel, outcome });
  });
}

/** The client of the claim's treating doctor, when the doctor is a client of their own. */
export async function doctorsOwnClient(db: Db, claimId: string): Promise<{ claim: Claim; doctor: { clientId: string; externalId: string } | null }> {
  const claim = await db.claim.findUniqueOrThrow({ where: { id: claimId } });
  const doctor = await db.doctor.findUnique({ where: { submitterId_externalId: { submitterId: claim.clientId, externalId: claim.doctorExternalId } } });
  return { claim, doctor };
}

export async function moveClaimToClient(db: Db, claim: Claim, doctor: { clientId: string; externalId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.claim.update({ where: { id: claim.id }, data: { clientId: doctor.clientId } });
    await audit(tx, SYSTEM, 'split', 'claim', claim.id, { from: claim.clientId, to: doctor.clientId, doctor: doctor.externalId });
  });
}

export type EntryOnBalance = (b: ClaimBalance, policy: Policy, claim: Claim) => Posting[];

/** Books an entry computed from the claim's current balance, under the claim's row lock. */
export function bookOnClaim(db: Db, claimId: string, key: string, kind: string, description: string, compute: EntryOnBalance) {
  return db.$transaction(async (tx) => {
    await lockClaim(tx, claimId);
    const claim = await tx.claim.findUniqueOrThrow({ where: { id: claimId } });
    const policy = await loadPolicy(tx, claim.clientId);
    const postings = compute(await claimBalance(tx, claimId), policy, claim);
    const booked = await book(tx, { idempotencyKey: key, kind, description, claimId, clientId: claim.clientId, postings });
    return { booked, postings, claim, policy };
  });
}

export async function markPurchased(db: Db, claimId: string): Promise<void> {
  await db.claim.update({ where: { id: claimId }, data: { purchased: true } });
}

/** The invoice's dates: set once, when the invoice first goes out. */
export async function invoiceDates(db: Db, claimId: string, dueAfterMs: number): Promise<{ invoiceDate: Date; dueDate: Date }> {
  const existing = await db.claim.findUniqueOrThrow({ where: { id: claimId } });
  if (existing.invoiceDate && existing.dueDate) return { invoiceDate: existing.invoiceDate, dueDate: existing.dueDate };
  const invoiceDate = new Date();
  const dueDate = new Date(invoiceDate.getTime() + dueAfterMs);
  await db.claim.update({ where: { id: claimId }, data: { invoiceDate, dueDate } });
  return { invoiceDate, dueDate };
}

/** The costs charged on the claim so far (dunning fees, lawyer's costs), paid or not. */
export async function costsChargedOn(db: Db, claimId: string): Promise<number> {
  return (await db.ledgerPosting.aggregate({ where: { claimId, account: Account.RECEIVABLE_COSTS, amountCents: { gt: 0 } }, _sum: { amountCents: true } }))._sum.amountCents ?? 0;
}

/** Everything paid on the claim so far. */
export async function paidCents(db: Db, claimId: string): Promise<number> {
  return (await db.payment.aggregate({ where: { claimId }, _sum: { amountCents: true } }))._sum.amountCents ?? 0;
}

export function findPayment(db: Db, paymentId: string) {
  return db.payment.findUniqueOrThrow({ where: { id: paymentId } });
}

/** The claim with the person responsible for paying it (the letters' recipient). */
export function claimWithResponsible(db: Db, claimId: string) {
  return db.claim.findUniqueOrThrow({ where: { id: claimId }, include: { responsible: true } });
}

/** What the collection handoff file names: the dunning level reached and the client's number. */
export function collectionFacts(db: Db, claimId: string) {
  return db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { dunningLevel: true, client: { select: { number: true } } } });
}

/**
 * Releases what the client is owed for the claim now to the next payout run: the claim-level
 * payable (a `Payout` row, negative for a charge-back) and its booking from the claim's payable to
 * the payouts due. The run pays it (services/money/). Returns the amount (0: nothing or done).
 */
export async function payOutClaim(db: Db, claimId: string, step: string): Promise<number> {
  return db.$transaction(async (tx: Prisma.TransactionClient) => {
    await lockClaim(tx, claimId);
    const claim = await tx.claim.findUniqueOrThrow({ where: { id: claimId }, select: { clientId: true } });
    const amount = (await claimBalance(tx, claimId)).clientPayableCents;
    const key = `payout:${claimId}:${step}`;
    if (amount === 0) return 0;
    const booked = await book(tx, { idempotencyKey: key, kind: 'payout_release', description: `payout of ${claimId} released to the next run (${step})`, claimId, clientId: claim.clientId, postings: entries.releaseForPayout(amount) });
    if (!booked) return 0;
    // The account as it stands now, for the record; the run checks it again (and holds back a bad one).
    const { account } = await payoutAccountOf(tx, claim.clientId);
    await tx.payout.create({ data: { id: randomUUID(), idempotencyKey: key, clientId: claim.clientId, claimId, amountCents: amount, iban: account?.iban ?? null } });
    return amount;
  });
}
