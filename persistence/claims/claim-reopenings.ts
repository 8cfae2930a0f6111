import type { Db, Tx } from '../../infra/db/prisma';
import type { ClaimReopening, ClaimStage } from '../../prisma/generated/client';
import type { ClaimStageName } from '../../contracts/claims/claim-messages';
import { DUNNING_STAGES } from '../../contracts/claims/claim-messages';
import type { AccountName } from '../../domain/ledger/accounts';
import * as entries from '../../domain/ledger/entries';
import { claimRoundKeys, reopenKey } from '../../domain/claims/claim-round';
import { Refusal } from '../../domain/refusal';
import { newRowId } from '../row-id';
import { audit } from '../audit';
import { book, lockClaim } from '../ledger';

/** Outcomes a claim can be reopened from: it was given up, not paid or cancelled. */
const REOPENABLE_OUTCOMES = ['WRITTEN_OFF', 'RETURNED'];

export interface ReopenRequest {
  claimId: string;
  /** The caller's request id: the same id again is the same reopening. */
  requestId: string;
  reason: string;
  note?: string;
  actor: string;
}

/** The round a claim lives in now: 1, and one more per reopening. */
export async function claimRound(db: Db, claimId: string): Promise<number> {
  return (await db.claimReopening.count({ where: { claimId } })) + 1;
}

/** The claim's latest reopening, if any (the one its current round began with). */
export function latestReopening(db: Db, claimId: string): Promise<ClaimReopening | null> {
  return db.claimReopening.findFirst({ where: { claimId }, orderBy: { round: 'desc' } });
}

/**
 * Reopens a closed claim on the books, once per request id, under the claim's lock: the entry that
 * closed its round (write-off or uncollectible) is reversed by a new entry (`reopen:<claim>:<round>`,
 * the old one stays as booked), the claim is back in the stage it was closed from, and the
 * reopening is recorded with the audit trail (who, why). A claim that is open, paid or cancelled
 * is refused.
 */
export async function reopenOnBooks(db: Db, r: ReopenRequest): Promise<{ reopening: ClaimReopening; created: boolean }> {
  return db.$transaction(async (tx) => {
    await lockClaim(tx, r.claimId);
    const earlier = await tx.claimReopening.findUnique({ where: { requestId: r.requestId } });
    if (earlier) {
      if (earlier.claimId !== r.claimId) throw new Refusal('conflict', 'request_id_taken', `request ${r.requestId} reopened claim ${earlier.claimId}, not ${r.claimId}`);
      return { reopening: earlier, created: false };
    }
    const claim = await tx.claim.findUniqueOrThrow({ where: { id: r.claimId } });
    if (claim.stage !== 'CLOSED' || !REOPENABLE_OUTCOMES.includes(claim.outcome ?? '')) {
      const what = claim.stage === 'CLOSED' ? `closed as ${claim.outcome?.toLowerCase()}` : `open (${claim.stage.toLowerCase()})`;
      throw new Refusal('conflict', 'not_reopenable', `claim ${claim.id} is ${what}: only a claim written off or returned to the client is reopened`);
    }
    const closedRound = (await tx.claimReopening.count({ where: { claimId: claim.id } })) + 1;
    const keys = claimRoundKeys(claim.id, closedRound);
    const close = await tx.ledgerTransaction.findFirst({ where: { idempotencyKey: { in: [keys.writeOff, keys.uncollectible] } }, include: { postings: true } });
    if (!close) throw new Refusal('conflict', 'no_close_entry', `claim ${claim.id}: round ${closedRound} has no write-off or uncollectible entry to reverse`);
    const stage = await stageClosedFrom(tx, claim.id);
    const round = closedRound + 1;
    const postings = entries.reversal(close.postings.map((p) => ({ account: p.account as AccountName, amountCents: p.amountCents, ...(p.clientId ? { clientId: p.clientId } : {}) })));
    await book(tx, { idempotencyKey: reopenKey(claim.id, round), kind: 'reopen', description: `claim ${claim.id} reopened (round ${round}): ${r.reason}`.slice(0, 500), claimId: claim.id, clientId: claim.clientId, postings });
    await tx.claim.update({ where: { id: claim.id }, data: { stage, outcome: null } });
    const reopening = await tx.claimReopening.create({
      data: { id: newRowId(), requestId: r.requestId, claimId: claim.id, round, stage, reason: r.reason, note: r.note ?? null, actor: r.actor, reversedTransactionId: close.id },
    });
    await audit(tx, r.actor, 'reopen', 'claim', claim.id, { round, stage, reason: r.reason, note: r.note, reversed: close.idempotencyKey, outcome: claim.outcome });
    await audit(tx, r.actor, 'stage', 'claim', claim.id, { stage, dunningLevel: claim.dunningLevel });
    return { reopening, created: true };
  });
}

/** The dunning stage the claim was in when its round closed (the last one the audit trail names). */
async function stageClosedFrom(tx: Tx, claimId: string): Promise<ClaimStage> {
  const stages = await tx.auditEvent.findMany({ where: { entityType: 'claim', entityId: claimId, action: 'stage' }, orderBy: { id: 'desc' }, select: { data: true } });
  const last = stages.map((e) => (e.data as { stage?: ClaimStageName } | null)?.stage).find((s) => s !== undefined && DUNNING_STAGES.includes(s));
  if (!last) throw new Refusal('conflict', 'never_invoiced', `claim ${claimId} was closed before it was invoiced: nothing to reopen`);
  return last;
}

/** What a reopened claim's workflow starts from: the claim, and what its earlier rounds already saw and sent. */
export async function reopenedClaimFacts(db: Db, claimId: string) {
  const claim = await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { clientId: true, stage: true, dunningLevel: true, purchased: true, dueDate: true } });
  const [payments, reports, collectionRequests, agreementLetters] = await Promise.all([
    db.payment.findMany({ where: { claimId }, select: { id: true }, orderBy: { createdAt: 'asc' } }),
    db.lawyerReport.findMany({ where: { claimId }, select: { id: true }, orderBy: { id: 'asc' } }),
    db.document.count({ where: { idempotencyKey: { startsWith: `collection-request:${claimId}:` } } }),
    db.document.count({ where: { OR: [{ idempotencyKey: { startsWith: `deferral:${claimId}:` } }, { idempotencyKey: { startsWith: `installment_agreement:${claimId}:` } }] } }),
  ]);
  return { ...claim, paymentIds: payments.map((p) => p.id), lawyerReportIds: reports.map((r) => r.id), collectionRequests, agreementLetters };
}

/** The reopening a request id made, if it made one. */
export function findReopening(db: Db, requestId: string): Promise<ClaimReopening | null> {
  return db.claimReopening.findUnique({ where: { requestId } });
}
