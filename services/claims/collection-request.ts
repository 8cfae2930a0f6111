import type { CollectionAnswerName } from '../../contracts/claims/claim-messages';
import { collectionDecision } from '../../contracts/claims/claim-messages';
import { signalClaim } from '../../contracts/client/claim-handle';
import { durationMs } from '../../domain/duration';
import { escalationDay } from '../../domain/claims/limitation';
import { isoDayOf } from '../../domain/interest/calendar-day';
import { clientRecipient } from '../../domain/documents/recipients';
import { Refusal } from '../../domain/refusal';
import { renderDocument } from '../../documents/render-document';
import type { Db } from '../../infra/db/prisma';
import { decisionByKey, recordCollectionDecision, type CollectionDecisionRow } from '../../persistence/claims/collection-decisions';
import { clientOrThrow } from '../../persistence/documents/clients';
import { loadCollectionRequest } from '../../persistence/documents/journal-data';
import { loadPolicy } from '../../persistence/policy';
import type { Claim } from '../../prisma/generated/client';
import type { DocumentsService } from '../documents/documents-service';
import type { ServiceDeps } from '../service-deps';

export interface CollectionAnswer {
  decision: CollectionAnswerName;
  /** wait: until then (ISO date or date-time). */
  until?: string;
  reason?: string;
}

/** The system's actor for what policy decides. */
const POLICY_ACTOR = 'system';

const decisionView = (r: CollectionDecisionRow) => ({ id: r.id, claimId: r.claimId, decision: r.decision, until: r.until?.toISOString() ?? null, reason: r.reason, source: r.source, actor: r.actor, at: r.createdAt });

/**
 * The collection request (Beitreibungsanfrage): before an Inkasso claim goes to the lawyer the
 * client is asked, through the client's channel, once per round; the answer comes through staff
 * (recorded, audited, then signalled) or, without one in time, from the policy.
 */
export function collectionRequests(deps: Pick<ServiceDeps, 'db' | 'centre' | 'temporal'>, documents: DocumentsService, existingClaim: (id: string) => Promise<Claim>) {
  const { db, centre, temporal } = deps;

  /** A "wait" must end by the day the claim has to be with the lawyer for its limitation date. */
  async function waitEndsBeforeEscalation(claim: Claim, until: string): Promise<void> {
    if (!claim.limitationDate) return;
    const latest = escalationDay(isoDayOf(claim.limitationDate), (await loadPolicy(db, claim.clientId)).limitation.escalateDaysBefore);
    if (until.slice(0, 10) > latest) {
      throw new Refusal('unprocessable', 'wait_past_limitation', `claim ${claim.id} is time-barred after ${isoDayOf(claim.limitationDate)}: a wait may last until ${latest} at the latest`, [{ field: 'until', reason: `on or before ${latest}` }]);
    }
  }

  return {
    /**
     * Sends round `round` of the claim's request to its client; returns the answer-by date (epoch
     * ms), counted from the first sending so a retry or a replay asks for the same date.
     */
    async send(claimId: string, round: number, answerWithin: string): Promise<number> {
      const key = `collection-request:${claimId}:${round}`;
      const answerBy = ((await documents.archivedAt(key))?.getTime() ?? Date.now()) + durationMs(answerWithin);
      const claim = await existingClaim(claimId);
      const client = await clientOrThrow(db, claim.clientId);
      const policy = await loadPolicy(db, client.id);
      await documents.deliver({
        idempotencyKey: key,
        kind: 'COLLECTION_REQUEST',
        claimId,
        clientId: client.id,
        recipient: clientRecipient(client),
        from: centre.email,
        render: async () => renderDocument({ ...(await loadCollectionRequest(db, client.id, [claimId], new Date(answerBy).toISOString(), centre)), unanswered: policy.collection.defaultAnswer }),
      });
      return answerBy;
    },

    /** Records what the policy decided for the claim (no answer in time, a bought claim), once per key. */
    async recordPolicyDecision(claimId: string, key: string, decision: CollectionAnswerName): Promise<void> {
      await recordCollectionDecision(db, { idempotencyKey: key, claimId, decision, source: 'policy', actor: POLICY_ACTOR });
    },

    /**
     * Staff record the client's answer: only while the claim waits for one (409 otherwise), once
     * per Idempotency-Key (the same key again answers with the first decision).
     */
    async decide(claimId: string, answer: CollectionAnswer, actor: string, idempotencyKey: string) {
      const claim = await existingClaim(claimId);
      const key = `answer:${claimId}:${idempotencyKey}`;
      if (claim.stage !== 'COLLECTION_REQUEST') {
        const earlier = await decisionByKey(db, key);
        if (earlier) return { created: false, decision: decisionView(earlier), signalled: false };
        throw new Refusal('conflict', 'not_awaiting_decision', `claim ${claim.id} is ${claim.stage.toLowerCase()}, not waiting for a collection decision`);
      }
      if (answer.decision === 'wait' && !(Date.parse(answer.until ?? '') > Date.now())) {
        throw new Refusal('unprocessable', 'wait_needs_future_date', `a "wait" needs a date in the future in until, not ${answer.until}`, [{ field: 'until', reason: 'in the future' }]);
      }
      if (answer.decision === 'wait') await waitEndsBeforeEscalation(claim, answer.until!);
      const { row, created } = await recordCollectionDecision(db, { idempotencyKey: key, claimId, ...answer, source: 'client', actor });
      const signalled = created && (await signalClaim(temporal, claimId, collectionDecision, { decision: answer.decision, until: answer.until, decisionId: row.id }));
      return { created, decision: decisionView(row), signalled };
    },
  };
}
