import { randomUUID } from 'node:crypto';
import type { Db } from '../../infra/db/prisma';
import type { Claim, Prisma, Tariff } from '../../prisma/generated/client';
import type { ClaimOutcome, ClaimStageName } from '../../contracts/claims/claim-messages';
import { Account, type Posting } from '../../domain/ledger/accounts';
import type { ClaimBalance } from '../../domain/ledger/claim-balance';
import * as entries from '../../domain/ledger/entries';
import type { Policy } from '../../domain/policy';
import { changeClaim } from './claim-changes';
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
  await changeClaim(db, SYSTEM, 'stage', claimId, { stage, dunningLevel, outcome: outcome ?? null }, { data: { stage, dunningLevel, outcome }, auditUnchanged: true });
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
  await changeClaim(db, SYSTEM, 'purchased', claimId, { purchased: true });
}

/** The invoice's dates: set once, when the invoice first goes out. */
export async function invoiceDates(db: Db, claimId: string, dueAfterMs: number): Promise<{ invoiceDate: Date; dueDate: Date }> {
  const existing = await db.claim.findUniqueOrThrow({ where: { id: claimId } });
  if (existing.invoiceDate && existing.dueDate) return { invoiceDate: existing.invoiceDate, dueDate: existing.dueDate };
  const invoiceDate = new Date();
  const dueDate = new Date(invoiceDate.getTime() + dueAfterMs);
  await changeClaim(db, SYSTEM, 'invoice_dates', claimId, { invoiceDate, dueDate });
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
 * Releases what each client is owed for the claim now to the next payout run (services/money/):
 * per share client its client payable (negative for a charge-back), after the levies its rules
 * take from it, booked first as payables to their recipients; a `Payout` row per client and the
 * booking from its payable to the payouts due. Keys per claim, step and client (the claim's own
 * client keeps the key it always had), per levy and step. Returns the amount released (0: nothing or done).
 */
export async function payOutClaim(db: Db, claimId: string, step: string): Promise<number> {
  return db.$transaction(async (tx: Prisma.TransactionClient) => {
    await lockClaim(tx, claimId);
    const claim = await tx.claim.findUniqueOrThrow({ where: { id: claimId }, select: { clientId: true } });
    const payable = await clientPayables(tx, claimId, claim.clientId);
    await bookLevies(tx, claimId, step, payable);
    let released = 0;
    for (const [clientId, amount] of payable) {
      if (amount === 0) continue;
      const key = clientId === claim.clientId ? `payout:${claimId}:${step}` : `payout:${claimId}:${step}:${clientId}`;
      const postings = entries.releaseForPayout(amount).map((p) => ({ ...p, clientId }));
      if (!(await book(tx, { idempotencyKey: key, kind: 'payout_release', description: `payout of ${claimId} released to the next run (${step})`, claimId, clientId, postings }))) continue;
      // The account as it stands now, for the record; the run checks it again (and holds back a bad one).
      const { account } = await payoutAccountOf(tx, clientId);
      await tx.payout.create({ data: { id: randomUUID(), idempotencyKey: key, clientId, claimId, amountCents: amount, iban: account?.iban ?? null } });
      released += amount;
    }
    return released;
  });
}

/** What the claim owes each client now (credit balance of client_payable per client; the claim's own client first). */
async function clientPayables(tx: Prisma.TransactionClient, claimId: string, ownClientId: string): Promise<Map<string, number>> {
  const rows = await tx.ledgerPosting.groupBy({ by: ['clientId'], where: { claimId, account: Account.CLIENT_PAYABLE }, _sum: { amountCents: true } });
  const payable = new Map<string, number>([[ownClientId, 0]]);
  for (const r of rows) if (r.clientId) payable.set(r.clientId, -(r._sum.amountCents ?? 0));
  return payable;
}

/** Takes each levy still owed from its client's payable (as far as it reaches), as a payable to the recipient. */
async function bookLevies(tx: Prisma.TransactionClient, claimId: string, step: string, payable: Map<string, number>): Promise<void> {
  for (const levy of await tx.claimLevy.findMany({ where: { claimId }, orderBy: [{ clientId: 'asc' }, { ruleIndex: 'asc' }] })) {
    const taken = await levyBooked(tx, claimId, levy.id);
    const amount = Math.min(levy.amountCents - taken, payable.get(levy.clientId) ?? 0);
    if (amount <= 0) continue;
    const booked = await book(tx, { idempotencyKey: `levy:${levy.id}:${step}`, kind: 'levy', description: `levy "${levy.rule}" on ${claimId}`, claimId, clientId: levy.clientId, postings: entries.levy(amount, levy.clientId) });
    if (booked) payable.set(levy.clientId, payable.get(levy.clientId)! - amount);
  }
}

/** The part of a levy booked so far (its entries are keyed levy:<id>:<step>). */
async function levyBooked(tx: Prisma.TransactionClient, claimId: string, levyId: string): Promise<number> {
  const sum = await tx.ledgerPosting.aggregate({ where: { claimId, account: Account.LEVY_PAYABLE, transaction: { idempotencyKey: { startsWith: `levy:${levyId}:` } } }, _sum: { amountCents: true } });
  return -(sum._sum.amountCents ?? 0);
}
