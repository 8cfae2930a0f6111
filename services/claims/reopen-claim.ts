import type { ClaimStageName, ClaimState } from '../../contracts/claims/claim-messages';
import { claimWorkflowRunning } from '../../contracts/client/claim-handle';
import { startClaimWorkflow } from '../../contracts/client/workflow-starts';
import { durationMs } from '../../domain/duration';
import { openCents } from '../../domain/ledger/claim-balance';
import type { Policy } from '../../domain/policy';
import { Refusal } from '../../domain/refusal';
import { findReopening, latestReopening, reopenedClaimFacts, reopenOnBooks } from '../../persistence/claims/claim-reopenings';
import { claimBalance } from '../../persistence/ledger';
import { loadPolicy } from '../../persistence/policy';
import type { Claim } from '../../prisma/generated/client';
import type { ServiceDeps } from '../service-deps';

export interface ReopenBody {
  reason: string;
  note?: string;
}

export interface ReopenResult {
  claimId: string;
  round: number;
  stage: string;
  openCents: number;
  /** False when the request id had reopened the claim before (nothing was done again). */
  created: boolean;
}

type ReopenFacts = Awaited<ReturnType<typeof reopenedClaimFacts>>;

/**
 * What a reopened claim's workflow starts from: the stage it was closed from, its balance, what
 * earlier rounds saw (payments, lawyer reports: a repeated signal changes nothing) and sent
 * (collection requests, agreement letters: their keys count on). The stage's wait starts anew
 * with the policy's duration for it; in COLLECTION_REQUEST the client is asked again.
 */
export function reopenedState(f: ReopenFacts, policy: Policy, open: number, now: number): ClaimState {
  const stage = f.stage as ClaimStageName;
  const waits: Partial<Record<ClaimStageName, string>> = { WAITING: policy.paymentTerm, REMINDER: policy.reminderInterval, COLLECTION: policy.collectionPeriod };
  const wait = waits[stage];
  return {
    stage,
    clientId: f.clientId,
    dunningLevel: f.dunningLevel,
    openCents: open,
    purchased: f.purchased,
    dueAt: f.dueDate?.getTime(),
    nextActionAt: wait ? now + durationMs(wait) : undefined,
    disputed: false,
    installments: [],
    seenPayments: f.paymentIds,
    ...(f.lawyerReportIds.length > 0 ? { lawyer: { seenReports: f.lawyerReportIds } } : {}),
    // answerBy 0: no request of this round was sent; the workflow asks (round collectionRequests + 1).
    ...(f.collectionRequests > 0 || stage === 'COLLECTION_REQUEST' ? { collection: { round: f.collectionRequests, answerBy: 0, ...(stage === 'COLLECTION' ? { answer: 'pursue' as const } : {}) } } : {}),
  };
}

/**
 * Staff reopen a claim that was written off or returned to the client: booked and audited once per
 * request id (persistence/claims/claim-reopenings.ts), then the claim's workflow runs again for the
 * new round. A retried request starts the workflow only while its round is still open.
 */
export function reopenClaim(deps: Pick<ServiceDeps, 'db' | 'temporal' | 'queues'>, existingClaim: (id: string) => Promise<Claim>) {
  const { db, temporal, queues } = deps;
  return async (claimId: string, body: ReopenBody, actor: string, requestId: string): Promise<ReopenResult> => {
    const claim = await existingClaim(claimId);
    // The closed run must have ended before its id runs again: a claim still closing is refused until it has.
    if (!(await findReopening(db, requestId)) && (await claimWorkflowRunning(temporal, claim.id))) {
      const what = claim.stage === 'CLOSED' ? 'closing (its workflow is finishing: try again shortly)' : `open (${claim.stage.toLowerCase()})`;
      throw new Refusal('conflict', 'not_reopenable', `claim ${claim.id} is ${what}: only a claim written off or returned to the client is reopened`);
    }
    const { reopening, created } = await reopenOnBooks(db, { claimId: claim.id, requestId, reason: body.reason, note: body.note, actor });
    const facts = await reopenedClaimFacts(db, claim.id);
    const open = openCents(await claimBalance(db, claim.id));
    const current = (await latestReopening(db, claim.id))?.id === reopening.id && !['PAYOUT', 'CLOSED'].includes(facts.stage);
    if (current) {
      const state = reopenedState(facts, await loadPolicy(db, facts.clientId), open, Date.now());
      await startClaimWorkflow(temporal, queues, { id: claim.id, clientId: facts.clientId }, { claimId: claim.id, state, round: reopening.round, agreementLetters: facts.agreementLetters });
    }
    return { claimId: claim.id, round: reopening.round, stage: reopening.stage, openCents: open, created };
  };
}
